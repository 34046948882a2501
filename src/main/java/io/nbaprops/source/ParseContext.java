package io.nbaprops.source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a payload came from: {@code location} is the endpoint, file name or payload id used in
 * error messages; {@code partitionDate} and {@code fetchedAt} may be null outside a collection run.
 */
public record ParseContext(String source, String location, LocalDate partitionDate, Instant fetchedAt, String payloadId) {
    public static ParseContext ofFile(String source, String file) {
        return new ParseContext(source, file, null, null, null);
    }
}
