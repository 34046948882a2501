package io.nbaprops.source;

import io.nbaprops.engine.RetryableError;

/**
 * A payload with the right shape that is not complete yet, e.g. a game book listing no active
 * players while the game has been played. It is a parse error (kept in the archive, reported), and
 * it is retryable: fetching the document again later is the remedy, so the engine retries it.
 */
public class IncompletePayloadException extends ParseException implements RetryableError {
    public IncompletePayloadException(String source, String location, String fieldPath, String what) {
        super(source, location, fieldPath, what, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
