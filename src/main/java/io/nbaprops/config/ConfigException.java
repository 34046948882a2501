package io.nbaprops.config;

/** A configuration that cannot be read or is invalid; the message names the file and key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
