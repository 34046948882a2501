package io.nbaprops.predict;

import java.time.Instant;

/**
 * A book's line for a player-market at one snapshot before tip-off, with American prices. A
 * flagged line (placeholder, missing point, absurd price) is kept for the record but never bet.
 */
public record LineQuote(String book, double value, Integer overPrice, Integer underPrice, Instant snapshotAt, boolean flagged,
        String flagReason) {

    public static final String NO_LINE = "no-line";

    /** The prediction key part: the exact book and snapshot the prediction was made against. */
    public String key() {
        return book + "@" + snapshotAt;
    }

    public boolean usable() {
        return !flagged && overPrice != null && underPrice != null;
    }
}
