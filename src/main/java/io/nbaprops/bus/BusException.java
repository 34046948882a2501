package io.nbaprops.bus;

/** The broker could not be reached or refused an operation; the message names what and where. */
public final class BusException extends RuntimeException {
    public BusException(String message) {
        super(message);
    }

    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
