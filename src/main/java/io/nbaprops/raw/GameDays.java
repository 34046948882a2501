package io.nbaprops.raw;

import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How many games a date has according to the schedules we hold (the canonical {@code game} table
 * and the raw schedules of NBA.com, balldontlie and ESPN), postponed games excluded. Used to tell
 * "200 OK with zero rows" on a game day (a failure) from a day without games (fine).
 */
public final class GameDays {
    private GameDays() {}

    /**
     * Distinct games on {@code date}; with {@code tippedBefore} set, only games whose tip-off (when
     * known) is before it, so a box-score source is not expected to have games that have not started.
     */
    public static int games(Warehouse warehouse, LocalDate date, Instant tippedBefore) {
        String tipFilter = tippedBefore == null ? "" : " AND (tip_off IS NULL OR tip_off <= ?)";
        String sql = "SELECT COUNT(DISTINCT k) FROM ("
                + "SELECT game_key AS k, tip_off FROM game WHERE game_date = ? AND status <> 'postponed'" + tipFilter
                + " UNION ALL SELECT game_key, tip_off FROM nbac_schedule WHERE game_date = ? AND NOT COALESCE(is_postponed, FALSE)"
                + tipFilter
                + " UNION ALL SELECT game_key, tip_off FROM bdl_game WHERE game_date = ? AND game_key IS NOT NULL" + tipFilter
                + " UNION ALL SELECT game_key, tip_off FROM espn_scoreboard_game WHERE game_date = ?"
                + " AND COALESCE(status, '') <> 'STATUS_POSTPONED'" + tipFilter + ") g";
        return warehouse.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            int i = 0;
            for (int part = 0; part < 4; part++) {
                q.bind(i++, date);
                if (tippedBefore != null) {
                    q.bind(i++, tippedBefore);
                }
            }
            return q.mapTo(Integer.class).one();
        });
    }
}
