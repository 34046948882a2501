package io.nbaprops.source;

import io.nbaprops.config.Secrets;
import io.nbaprops.engine.RetryableError;

/**
 * A source could not give us what we asked for. The message always names the source, the URL
 * (secrets masked) and the cause; {@link #isRetryable()} tells the engine whether trying later may help.
 */
public class SourceException extends RuntimeException implements RetryableError {
    private final String source;
    private final String url;
    private final int httpStatus;
    private final boolean retryable;

    public SourceException(String source, String url, int httpStatus, String what, boolean retryable, Throwable cause) {
        super(Secrets.mask(source + " " + url + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + what), cause);
        this.source = source;
        this.url = Secrets.mask(url);
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    public String source() {
        return source;
    }

    public String url() {
        return url;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
