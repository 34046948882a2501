package io.nbaprops.engine;

/** An error that says whether trying again later may help; the engine retries only those that say yes. */
public interface RetryableError {
    boolean isRetryable();
}
