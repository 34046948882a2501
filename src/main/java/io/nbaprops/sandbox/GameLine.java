package io.nbaprops.sandbox;

import java.time.Instant;
import java.util.List;

/** One book's game lines for one game over time (snapshots in time order, all before tip-off). */
public record GameLine(int gameIndex, Book book, List<GameLineSnapshot> snapshots) {

    public GameLineSnapshot at(Instant t, Instant tipoff) {
        if (!t.isBefore(tipoff)) {
            return null;
        }
        GameLineSnapshot current = null;
        for (GameLineSnapshot s : snapshots) {
            if (s.at().isAfter(t)) {
                break;
            }
            current = s;
        }
        return current;
    }

    public GameLineSnapshot closing() {
        return snapshots.get(snapshots.size() - 1);
    }
}
