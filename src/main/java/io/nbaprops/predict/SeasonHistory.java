package io.nbaprops.predict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One season's played games of one market, every player, for {@code from <= game_date < until}, kept in
 * memory by a batch coordinator so that a walk-forward over the season reads each past game from the
 * warehouse once (appending the dates between the last one predicted and the next) instead of the whole
 * season so far at every date. Valid only while the warehouse's change stamp of its tables is {@link #stamp()}.
 * Not thread-safe: the coordinator guards it.
 */
final class SeasonHistory {
    private final long stamp;
    private final LocalDate from;
    private LocalDate until;
    /** Each player's games in date order (appended range after range, each range read in date order). */
    private final Map<String, List<HistoryGame>> byPlayer = new HashMap<>();

    SeasonHistory(long stamp, LocalDate from) {
        this.stamp = stamp;
        this.from = from;
        this.until = from;
    }

    long stamp() {
        return stamp;
    }

    LocalDate from() {
        return from;
    }

    /** Games before this date are all here. */
    LocalDate until() {
        return until;
    }

    /** Adds the games of {@code [until, newUntil)}, read by player then date; then covers up to {@code newUntil}. */
    void append(List<HistoryGame> rows, LocalDate newUntil) {
        for (HistoryGame g : rows) {
            if (g.gameDate().isBefore(until) || !g.gameDate().isBefore(newUntil)) {
                throw new IllegalArgumentException("game of " + g.playerLookup() + " on " + g.gameDate() + " is outside ["
                        + until + ", " + newUntil + ")");
            }
            byPlayer.computeIfAbsent(g.playerLookup(), k -> new ArrayList<>()).add(g);
        }
        until = newUntil;
    }

    /** Each of these players' games before {@code date} (which must not be after {@link #until()}), as the warehouse would list them. */
    Map<String, List<HistoryGame>> before(LocalDate date, List<PlayerGame> games) {
        if (date.isAfter(until)) {
            throw new IllegalArgumentException("history only covers dates before " + until + ", not " + date);
        }
        Map<String, List<HistoryGame>> out = new HashMap<>();
        for (PlayerGame g : games) {
            List<HistoryGame> all = byPlayer.get(g.playerLookup());
            if (all == null || out.containsKey(g.playerLookup())) {
                continue;
            }
            int n = 0;
            while (n < all.size() && all.get(n).gameDate().isBefore(date)) {
                n++;
            }
            if (n > 0) {
                out.put(g.playerLookup(), List.copyOf(all.subList(0, n)));
            }
        }
        return out;
    }
}
