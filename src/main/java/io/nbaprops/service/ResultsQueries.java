package io.nbaprops.service;

import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the pipeline produced: today's games and their data coverage, predictions, and system performance. */
public final class ResultsQueries {
    /** Per game, how many players each stage has: the coverage columns of today's games, in pipeline order. */
    private static final Map<String, String> COVERAGE = linked(
            "lines", "SELECT game_key, count(DISTINCT player_lookup) AS n FROM prop_line",
            "context", "SELECT game_key, count(*) AS n FROM upcoming_player_game_context",
            "features", "SELECT game_key, count(*) AS n FROM feature_store",
            "predicted", "SELECT game_key, count(DISTINCT player_lookup) AS n FROM prediction",
            "box_scores", "SELECT game_key, count(*) AS n FROM player_game_summary");

    private final Warehouse warehouse;

    public ResultsQueries(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Cards for a date: games, predictions and picks, the last export, plus each game with its coverage. */
    public Map<String, Object> day(LocalDate date) {
        List<Map<String, Object>> games = new Where().and("game_date = ?", date).query(warehouse,
                "SELECT game_key, home_team, away_team, tip_off, status, home_score, away_score FROM game", "ORDER BY tip_off, game_key");
        Map<String, Map<String, Object>> byGame = new LinkedHashMap<>();
        for (Map<String, Object> g : games) {
            Map<String, Object> row = new LinkedHashMap<>(g);
            COVERAGE.keySet().forEach(k -> row.put(k, 0L));
            byGame.put((String) g.get("game_key"), row);
        }
        COVERAGE.forEach((name, select) -> new Where().and("game_date = ?", date).query(warehouse, select, "GROUP BY game_key")
                .forEach(r -> {
                    Map<String, Object> row = byGame.get((String) r.get("game_key"));
                    if (row != null) {
                        row.put(name, ((Number) r.get("n")).longValue());
                    }
                }));
        Map<String, Object> preds = new Where().and("game_date = ?", date).query(warehouse,
                "SELECT count(*) AS predictions, count(DISTINCT player_lookup) AS players, "
                        + "sum(CASE WHEN recommendation <> 'PASS' THEN 1 ELSE 0 END) AS picks FROM prediction", null).get(0);
        List<Map<String, Object>> export = new Where().query(warehouse,
                "SELECT path, partition_date, generated_at, items, status, note FROM export_log", "ORDER BY generated_at DESC LIMIT 1");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", date);
        out.put("games", games.size());
        out.put("predictions", number(preds.get("predictions")));
        out.put("predicted_players", number(preds.get("players")));
        out.put("picks", number(preds.get("picks")));
        out.put("last_export", export.isEmpty() ? null : export.get(0));
        out.put("game_coverage", new ArrayList<>(byGame.values()));
        return out;
    }

    /** Predictions of a date (optionally one system or one player), with their grade once graded. */
    public List<Map<String, Object>> predictions(LocalDate date, String system, String player, String market, int limit) {
        return new Where().and("p.game_date = ?", date).and("p.system_id = ?", system).and("p.player_lookup = ?", player)
                .and("p.market = ?", market)
                .query(warehouse, "SELECT p.game_key, p.player_lookup, p.player_name, p.team, p.opponent, p.market, p.system_id, "
                        + "p.predicted, p.line_value, p.line_book, p.line_snapshot_at, p.edge, p.recommendation, p.confidence, "
                        + "p.expected_value, p.p_over, p.created_at, g.actual, g.result, g.profit_units "
                        + "FROM prediction p LEFT JOIN prediction_grade g ON g.game_key = p.game_key AND g.player_lookup = p.player_lookup "
                        + "AND g.market = p.market AND g.system_id = p.system_id AND g.line_key = p.line_key",
                        "ORDER BY p.player_name, p.system_id, p.line_key LIMIT ?", limit);
    }

    /**
     * Performance over a date range: per system totals (win rate, ROI per unit staked), the daily rows for the
     * charts, and the breakdowns summed over the range (edge buckets; deciles of stated confidence = calibration).
     */
    public Map<String, Object> performance(String system, String market, LocalDate from, LocalDate to) {
        List<Map<String, Object>> daily = new Where().and("game_date BETWEEN ? AND ?", from, to).and("system_id = ?", system)
                .and("market = ?", market).query(warehouse, "SELECT game_date, system_id, market, predictions, mae, line_mae, picks, "
                        + "wins, losses, pushes, profit_units, avg_clv FROM system_daily_performance", "ORDER BY game_date, system_id, market");
        List<Map<String, Object>> breakdown = new Where().and("game_date BETWEEN ? AND ?", from, to).and("system_id = ?", system)
                .and("market = ?", market).query(warehouse, "SELECT system_id, dimension, bucket, sum(picks) AS picks, sum(wins) AS wins, "
                        + "sum(losses) AS losses, sum(profit_units) AS profit_units, sum(stated_sum) AS stated_sum "
                        + "FROM system_daily_breakdown", "GROUP BY system_id, dimension, bucket ORDER BY system_id, dimension, bucket");
        for (Map<String, Object> b : breakdown) {
            double picks = number(b.get("picks"));
            double decided = number(b.get("wins")) + number(b.get("losses"));
            b.put("win_rate", decided == 0 ? null : number(b.get("wins")) / decided);
            b.put("roi", picks == 0 ? null : dbl(b.get("profit_units")) / picks);
            b.put("mean_stated", picks == 0 ? null : dbl(b.get("stated_sum")) / picks);
        }
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        Map<String, double[]> sums = new HashMap<>();
        for (Map<String, Object> d : daily) {
            String s = (String) d.get("system_id");
            double[] t = sums.computeIfAbsent(s, k -> new double[5]);
            t[0] += number(d.get("picks"));
            t[1] += number(d.get("wins"));
            t[2] += number(d.get("losses"));
            t[3] += dbl(d.get("profit_units"));
            t[4] += number(d.get("predictions"));
        }
        sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            double[] t = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system_id", e.getKey());
            m.put("predictions", (long) t[4]);
            m.put("picks", (long) t[0]);
            m.put("wins", (long) t[1]);
            m.put("losses", (long) t[2]);
            m.put("win_rate", t[1] + t[2] == 0 ? null : t[1] / (t[1] + t[2]));
            m.put("profit_units", t[3]);
            m.put("roi", t[0] == 0 ? null : t[3] / t[0]);
            totals.put(e.getKey(), m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("systems", new ArrayList<>(totals.values()));
        out.put("daily", daily);
        out.put("breakdown", breakdown);
        return out;
    }

    static double dbl(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
