package io.nbaprops.publish;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.grade.PerformanceAsset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a date is graded: {@code results/<date>.json} (every graded pick and prediction, per system
 * summaries), {@code performance.json} (rolling and season performance with chart series and
 * breakdowns), and {@code players/<player>.json} for each player of the date (recent games against
 * the lines, prediction history).
 */
public final class ResultsExportAsset implements Asset {
    public static final String NAME = "export_results";
    private final Exports exports;

    public ResultsExportAsset(Exports exports) {
        this.exports = exports;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.PUBLISH;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(PerformanceAsset.NAME));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        LocalDate d = ctx.partition();
        var jdbi = ctx.warehouse().jdbi();
        Instant now = ctx.clock().instant();
        Instant asOf = jdbi.withHandle(h -> h.createQuery("SELECT max(graded_at) FROM prediction_grade WHERE game_date = ?").bind(0, d)
                .mapTo(Instant.class).findOne().orElse(null));
        List<Map<String, Object>> graded = PerformanceReport.rounded(jdbi.withHandle(h -> h.createQuery("SELECT g.game_key, g.player_lookup, "
                        + "p.player_name, p.team, p.opponent, g.market, g.system_id, g.predicted, g.actual, g.line_value, g.recommendation, "
                        + "g.confidence, g.result, g.price, g.profit_units, g.closing_line, g.clv, g.void_reason "
                        + "FROM (" + PerformanceAsset.LATEST_GRADES + ") g JOIN prediction p ON p.game_key = g.game_key "
                        + "AND p.player_lookup = g.player_lookup AND p.market = g.market AND p.system_id = g.system_id "
                        + "AND p.line_key = g.line_key AND p.game_date = g.game_date ORDER BY g.game_key, g.player_lookup, g.market, g.system_id")
                .bind(0, d).bind(1, d).mapToMap().list()));
        List<Map<String, Object>> summary = PerformanceReport.rounded(jdbi.withHandle(h -> h.createQuery(
                        "SELECT system_id, market, predictions, mae, bias, line_mae, picks, wins, losses, pushes, profit_units, avg_clv, voids "
                                + "FROM system_daily_performance WHERE game_date = ? ORDER BY market, system_id")
                .bind(0, d).mapToMap().list()));
        Map<String, Object> results = Exports.envelope("results/v1", d, now, asOf, "fresh", null);
        results.put("systems", summary);
        results.put("results", graded);
        exports.publish("results/" + d + ".json", d, results, graded.size(), ctx::checkCancelled);

        Map<String, Object> perf = Exports.envelope("performance/v1", d, now, asOf, "fresh", null);
        perf.putAll(new PerformanceReport(ctx.warehouse()).asOf(d));
        perf.put("track_record", new TrackRecord(ctx.warehouse()).between(io.nbaprops.analytics.Seasons.start(d), d));
        exports.publish("performance.json", d, perf, 1, ctx::checkCancelled);

        int players = playerPages(ctx, d, now, asOf);
        SiteIndex.write(exports, now);
        return AssetResult.of(graded.size(), graded.size() + " graded rows, " + players + " player pages");
    }

    /** One page per player of the date: his last 15 games against the closing lines and his last 15 ensemble predictions. */
    private int playerPages(AssetContext ctx, LocalDate d, Instant now, Instant asOf) {
        var jdbi = ctx.warehouse().jdbi();
        List<Map<String, Object>> games = PerformanceReport.rounded(jdbi.withHandle(h -> h.createQuery("""
                        WITH ps AS (SELECT DISTINCT player_lookup FROM prediction WHERE game_date = ?),
                        g AS (SELECT s.player_lookup, s.player_name, CAST(s.game_date AS VARCHAR) AS date, s.game_key, s.team, s.opponent,
                                     s.played, s.minutes, s.pts, s.reb, s.ast, s.fg3m,
                                     row_number() OVER (PARTITION BY s.player_lookup ORDER BY s.game_date DESC) AS rn
                              FROM player_game_summary s JOIN ps ON ps.player_lookup = s.player_lookup WHERE s.game_date <= ?),
                        recent AS (SELECT * FROM g WHERE rn <= 15),
                        -- Closing lines of those games only, not of the whole season.
                        lines AS (SELECT l.game_key, l.player_lookup, avg(l.line) AS closing_line FROM prop_line l
                                  JOIN recent r ON r.game_key = l.game_key AND r.player_lookup = l.player_lookup
                                  WHERE l.is_closing AND NOT l.flagged AND l.market = 'player_points' AND l.game_date <= ?
                                  GROUP BY l.game_key, l.player_lookup)
                        SELECT r.*, l.closing_line FROM recent r LEFT JOIN lines l ON l.game_key = r.game_key AND l.player_lookup = r.player_lookup
                        ORDER BY r.player_lookup, r.date DESC""")
                .bind(0, d).bind(1, d).bind(2, d).mapToMap().list()));
        List<Map<String, Object>> preds = PerformanceReport.rounded(jdbi.withHandle(h -> h.createQuery("""
                        WITH ps AS (SELECT DISTINCT player_lookup FROM prediction WHERE game_date = ?),
                        p AS (SELECT p.*, row_number() OVER (PARTITION BY p.player_lookup, p.market ORDER BY p.game_date DESC,
                                                                     p.line_snapshot_at DESC NULLS LAST, p.line_key DESC) AS rn
                              FROM prediction p JOIN ps ON ps.player_lookup = p.player_lookup
                              WHERE p.system_id = 'ensemble' AND p.game_date <= ?)
                        -- The last 15 first, then their grades: joining every grade of the season first cost most of the export.
                        SELECT p.player_lookup, CAST(p.game_date AS VARCHAR) AS date, p.game_key, p.market, p.predicted, p.line_value,
                               p.recommendation, p.confidence, g.actual, g.result, p.rn
                        FROM p LEFT JOIN prediction_grade g ON g.game_key = p.game_key AND g.player_lookup = p.player_lookup
                             AND g.market = p.market AND g.system_id = p.system_id AND g.line_key = p.line_key
                        WHERE p.rn <= 15 ORDER BY p.player_lookup, p.market, date DESC, p.rn""")
                .bind(0, d).bind(1, d).mapToMap().list()));
        Map<String, Map<String, Object>> pages = new LinkedHashMap<>();
        for (Map<String, Object> g : games) {
            Map<String, Object> page = pages.computeIfAbsent((String) g.get("player_lookup"), k -> {
                Map<String, Object> p = Exports.envelope("player/v1", d, now, asOf, "fresh", null);
                p.put("player_lookup", k);
                p.put("player_name", g.get("player_name"));
                p.put("team", g.get("team"));
                p.put("recent_games", new ArrayList<Map<String, Object>>());
                p.put("predictions", new ArrayList<Map<String, Object>>());
                return p;
            });
            g.remove("rn");
            g.remove("player_lookup");
            g.remove("player_name");
            list(page, "recent_games").add(g);
        }
        for (Map<String, Object> p : preds) {
            Map<String, Object> page = pages.get((String) p.get("player_lookup"));
            if (page != null) {
                p.remove("rn");
                p.remove("player_lookup");
                list(page, "predictions").add(p);
            }
        }
        Map<String, Object> files = new LinkedHashMap<>();
        pages.forEach((player, page) -> files.put("players/" + player + ".json", page));
        exports.store().writeAll(files, ctx::checkCancelled);
        return pages.size();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> page, String key) {
        return (List<Map<String, Object>>) page.get(key);
    }
}
