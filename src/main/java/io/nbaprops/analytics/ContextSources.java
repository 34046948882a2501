package io.nbaprops.analytics;

import io.nbaprops.analytics.UpcomingContextAsset.ContextInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SQL that feeds the upcoming-game context from whichever sources are collected: injury statuses
 * (NBA.com's official report preferred over balldontlie's list), the consensus points line (each
 * book's newest and first usable pre-game snapshot, averaged over books) and the game lines. Every input is
 * bounded by {@code known.known_at}, what the run may know of the date (PredictionTime.asOf): now on the day before
 * the cut-off, the prediction time after it, so a re-run or a backfill builds the context the live run built,
 * never one with the closing lines or a later injury report.
 */
public final class ContextSources {
    private ContextSources() {}

    /** Status text to 0 none, 1 probable, 2 questionable / day-to-day, 3 doubtful, 4 out. */
    static String code(String col) {
        return "CASE WHEN lower(" + col + ") LIKE 'out%' THEN 4 WHEN lower(" + col + ") LIKE 'doubt%' THEN 3 "
                + "WHEN lower(" + col + ") LIKE 'question%' OR lower(" + col + ") LIKE 'day%' OR lower(" + col + ") LIKE 'game%' THEN 2 "
                + "WHEN lower(" + col + ") LIKE 'prob%' THEN 1 ELSE 0 END";
    }

    public static ContextInputs of(Set<String> enabled) {
        List<String> raw = new ArrayList<>();
        if (enabled.contains("nbac_player_movement")) {
            raw.add("raw_nbac_player_movement");
        }
        List<String> injuries = new ArrayList<>();
        if (enabled.contains("nbac_injury_report")) {
            raw.add("raw_nbac_injury_report");
            injuries.add("SELECT player_lookup, team, lower(status) AS status, " + code("status") + " AS code, reason, report_at AS reported_at, "
                    + "1 AS priority FROM nbac_injury_report WHERE game_date = ? "
                    + "AND (tip_off IS NULL OR report_at < tip_off) AND report_at <= (SELECT known_at FROM known)");
        }
        if (enabled.contains("bdl_injuries")) {
            raw.add("raw_bdl_injuries");
            injuries.add("SELECT player_lookup, team, lower(status) AS status, " + code("status") + " AS code, description AS reason, "
                    + "CAST(coalesce(reported_on, as_of_date) AS TIMESTAMP) AS reported_at, 2 AS priority FROM bdl_injury "
                    + "WHERE as_of_date = (SELECT max(as_of_date) FROM bdl_injury WHERE as_of_date <= ?) "
                    // A listing applies to the game it names or later ones, never an earlier one (see BdlInjuriesParser).
                    + "AND (for_game_date IS NULL OR for_game_date <= (SELECT min(game_date) FROM todays))");
        }
        String none = ContextInputs.none().injuriesSql();
        String injuriesSql = injuries.isEmpty() ? none : "SELECT player_lookup, team, status, code, reason, reported_at FROM ("
                + "SELECT u.*, row_number() OVER (PARTITION BY player_lookup ORDER BY priority, reported_at DESC) AS pick FROM ("
                + String.join(" UNION ALL ", injuries) + ") u) x WHERE pick = 1";
        boolean props = enabled.contains("oddsa_player_props") || enabled.contains("bp_player_props");
        boolean games = enabled.contains("oddsa_game_lines");
        if (props) {
            raw.add("prop_line");
        }
        if (games) {
            raw.add("game_line");
        }
        String lines = !props ? ContextInputs.none().linesSql() : """
                SELECT game_key, player_lookup, avg(line) FILTER (WHERE newest = 1) AS line_current,
                       avg(line) FILTER (WHERE oldest = 1) AS line_opening, count(DISTINCT book) AS books, max(snapshot_at) AS snapshot_at
                FROM (SELECT game_key, player_lookup, book, snapshot_at, line,
                             row_number() OVER (PARTITION BY game_key, player_lookup, book ORDER BY snapshot_at DESC) AS newest,
                             row_number() OVER (PARTITION BY game_key, player_lookup, book ORDER BY snapshot_at) AS oldest
                      FROM prop_line WHERE game_date = ? AND market = 'player_points' AND NOT in_game AND NOT flagged
                           AND line IS NOT NULL AND (tip_off IS NULL OR snapshot_at < tip_off)
                           AND snapshot_at <= (SELECT known_at FROM known)) x
                GROUP BY game_key, player_lookup""";
        String gameLines = !games ? ContextInputs.none().gameLinesSql() : """
                SELECT a.game_key, CASE WHEN side.home THEN g.home_team ELSE g.away_team END AS team,
                       CASE WHEN side.home THEN a.home_spread ELSE a.away_spread END AS spread, a.total
                FROM (SELECT game_key, avg(home_point) FILTER (WHERE market = 'spread') AS home_spread,
                             avg(away_point) FILTER (WHERE market = 'spread') AS away_spread,
                             avg(total_point) FILTER (WHERE market = 'total') AS total
                      FROM (SELECT game_key, market, home_point, away_point, total_point,
                                   row_number() OVER (PARTITION BY game_key, market, book ORDER BY snapshot_at DESC) AS rn
                            FROM game_line WHERE game_date = ? AND NOT in_game AND NOT flagged
                                 AND (tip_off IS NULL OR snapshot_at < tip_off) AND snapshot_at <= (SELECT known_at FROM known)) s
                      WHERE rn = 1 GROUP BY game_key) a
                JOIN game g ON g.game_key = a.game_key
                CROSS JOIN (VALUES (true), (false)) AS side(home)""";
        return new ContextInputs(raw, injuriesSql, lines, gameLines);
    }
}
