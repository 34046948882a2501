package io.nbaprops.predict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The line each prediction is made against: per player-game, the preferred book's latest snapshot
 * before both tip-off and {@code asOf} (a usable one if any book has one; otherwise the newest
 * flagged one, so the PASS says why). Keyed by {@code gameKey + "|" + playerLookup}.
 */
public interface LineSource {
    Map<String, LineQuote> lines(LocalDate date, Market market, Instant asOf);

    LineSource NONE = (d, m, a) -> Map.of();

    static String key(String gameKey, String player) {
        return gameKey + "|" + player;
    }
}
