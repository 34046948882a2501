package io.nbaprops.engine;

/** A transient failure worth retrying (a source returned nothing on a game day, a lock was busy...). */
public class RetryableException extends RuntimeException implements RetryableError {
    public RetryableException(String message) {
        super(message);
    }

    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
