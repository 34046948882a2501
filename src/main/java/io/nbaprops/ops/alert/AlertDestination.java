package io.nbaprops.ops.alert;

/** One place alerts are sent (log, e-mail, webhook). {@link #send} throws when the message did not get through. */
public interface AlertDestination {
    /** The name used in configuration and in the outbox's {@code destination} column. */
    String name();

    void send(AlertRecord alert) throws Exception;

    /** Whether this destination takes the alert at all (e.g. Sentry takes only CRITICAL ones). */
    default boolean accepts(AlertRecord alert) {
        return true;
    }
}
