package io.nbaprops.raw.lines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One book's Over/Under on one player's market at one snapshot, from either source, before the
 * rules decide whether it is usable. Prices as given plus American integers (null when invalid).
 */
public record PropSnapshot(
        String gameKey,
        String playerLookup,
        String market,
        String book,
        Instant snapshotAt,
        LocalDate gameDate,
        String source,
        String playerName,
        Instant tipOff,
        Double overPoint,
        Double underPoint,
        Double overPrice,
        Double underPrice,
        String priceFormat,
        Integer overAmerican,
        Integer underAmerican) {

    /** The line: the Over's point, else the Under's. */
    public Double line() {
        return overPoint != null ? overPoint : underPoint;
    }

    public boolean inGame() {
        return tipOff != null && !snapshotAt.isBefore(tipOff);
    }
}
