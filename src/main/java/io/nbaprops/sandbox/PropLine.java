package io.nbaprops.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One book's line for one player, market and game over time: snapshots in time order from the
 * opening one; {@code pulledAt} (or null) is when the book took the market down (a player ruled
 * out). Nothing is posted at or after tip-off.
 */
public record PropLine(int gameIndex, int playerIndex, Market market, Book book, List<PropSnapshot> snapshots,
        Instant pulledAt) {

    /** The snapshot in force at {@code t}, or null when none is (not posted yet, pulled, or after tip-off). */
    public PropSnapshot at(Instant t, Instant tipoff) {
        if (!t.isBefore(tipoff) || pulledAt != null && !t.isBefore(pulledAt)) {
            return null;
        }
        PropSnapshot current = null;
        for (PropSnapshot s : snapshots) {
            if (s.at().isAfter(t)) {
                break;
            }
            current = s;
        }
        return current;
    }

    /** The closing line: the last snapshot before tip-off, or null if the market was pulled. */
    public PropSnapshot closing() {
        return pulledAt != null ? null : snapshots.get(snapshots.size() - 1);
    }

    public PropSnapshot opening() {
        return snapshots.get(0);
    }
}
