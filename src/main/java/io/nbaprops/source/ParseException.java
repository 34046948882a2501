package io.nbaprops.source;

/**
 * A payload that does not have the shape its parser expects. The message names the source, where
 * the payload came from (endpoint, file or payload id), the field path and what was wrong.
 */
public class ParseException extends RuntimeException {
    private final String source;
    private final String location;
    private final String fieldPath;

    public ParseException(String source, String location, String fieldPath, String what, Throwable cause) {
        super(source + " " + location + (fieldPath == null || fieldPath.isEmpty() ? "" : " at " + fieldPath) + ": " + what, cause);
        this.source = source;
        this.location = location;
        this.fieldPath = fieldPath;
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }

    public String fieldPath() {
        return fieldPath;
    }
}
