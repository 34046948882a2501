package io.nbaprops.ops.alert;

import java.time.Instant;

/** An alert as stored: first and last occurrence, how many times it was raised, and whether someone acknowledged it. */
public record AlertRecord(String alertId, String alertKey, String severity, String kind, String title, String detail,
        Instant firstAt, Instant lastAt, int occurrences, String status, String ackedBy, Instant ackedAt) {
    public boolean open() {
        return "OPEN".equals(status);
    }
}
