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

    /** The same, for these players only (a re-prediction after their lines moved need not read everyone's). */
    default Map<String, LineQuote> lines(LocalDate date, Market market, Instant asOf, java.util.Set<String> players) {
        Map<String, LineQuote> out = new java.util.HashMap<>();
        lines(date, market, asOf).forEach((k, v) -> {
            if (players.contains(k.substring(k.indexOf('|') + 1))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Every book's usable quote per player-game (each book's newest snapshot before both tip-off and {@code asOf}),
     * where a bettor shops for the best line and price of the side he bets; {@code players} null: everyone's.
     * Ordered by book. None by default (a source with one book: the line above is the only price).
     */
    default Map<String, java.util.List<LineQuote>> quotes(LocalDate date, Market market, Instant asOf, java.util.Set<String> players) {
        return Map.of();
    }

    LineSource NONE = (d, m, a) -> Map.of();

    static String key(String gameKey, String player) {
        return gameKey + "|" + player;
    }
}
