package io.nbaprops.source;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The timestamp shapes our sources send, all read as UTC instants: ISO instants with or without
 * seconds or fractions ("2024-01-15T18:00Z", "2025-06-23T00:00:00.000Z"), ISO with an offset, and
 * zone-less "2021-10-21 23:30:00" / "2024-01-15T00:00:00" (BettingPros, NBA.com), which those
 * sources document as UTC.
 */
public final class Timestamps {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private Timestamps() {}

    /** Parses any supported shape; throws DateTimeParseException otherwise. */
    public static Instant parse(String text) {
        String t = text.strip();
        if (t.endsWith("Z") || t.endsWith("z")) {
            return LocalDateTime.parse(t.substring(0, t.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
        }
        if (t.length() > 19 && (t.charAt(t.length() - 6) == '+' || t.charAt(t.length() - 6) == '-')) {
            return OffsetDateTime.parse(t).toInstant();
        }
        try {
            return LocalDateTime.parse(t, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("unsupported timestamp", text, 0, e);
        }
    }
}
