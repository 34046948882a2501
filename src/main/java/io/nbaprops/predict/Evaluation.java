package io.nbaprops.predict;

import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How good each system was over a date range, from graded predictions (each player-game once per
 * system, at its latest line): MAE and bias, the books' line MAE and the sandbox oracle's MAE on the
 * same player-games, hit rate and ROI of the picks (overall and at edge >= 3), calibration by decile
 * of stated confidence and the expected calibration error.
 */
public final class Evaluation {
    private final Warehouse warehouse;

    public Evaluation(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public record SystemEvaluation(String system, String market, long predictions, Double mae, Double bias, Double lineMae,
            Double oracleMae, long picks, Double hitRate, Double roi, long picksEdge3, Double hitRateEdge3, Double roiEdge3,
            Double ece, Double eceOver, List<Map<String, Object>> calibration, List<Map<String, Object>> edgeBuckets) {}

    public List<SystemEvaluation> evaluate(LocalDate from, LocalDate to) {
        boolean sandbox = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sandbox_truth WHERE game_date BETWEEN ? AND ?")
                .bind(0, from).bind(1, to).mapTo(Long.class).one()) > 0;
        String oracle = sandbox ? "avg(abs(CASE g.market WHEN 'points' THEN t.exp_pts WHEN 'rebounds' THEN t.exp_reb "
                + "WHEN 'assists' THEN t.exp_ast WHEN 'threes' THEN t.exp_fg3m WHEN 'pra' THEN t.exp_pts + t.exp_reb + t.exp_ast END - g.actual))"
                : "CAST(NULL AS DOUBLE PRECISION)";
        String sql = "SELECT g.system_id, g.market, count(*) FILTER (WHERE g.actual IS NOT NULL) AS predictions, "
                + "avg(g.abs_error) AS mae, avg(g.signed_error) AS bias, avg(abs(g.line_value - g.actual)) AS line_mae, "
                + oracle + " AS oracle_mae, "
                + "count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS', 'PUSH')) AS picks, "
                + "CAST(count(*) FILTER (WHERE g.result = 'WIN') AS DOUBLE PRECISION) / nullif(count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS')), 0) AS hit_rate, "
                + "sum(g.profit_units) / nullif(count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS', 'PUSH')), 0) AS roi, "
                + "count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS', 'PUSH') AND abs(g.predicted - g.line_value) >= 3) AS picks3, "
                + "CAST(count(*) FILTER (WHERE g.result = 'WIN' AND abs(g.predicted - g.line_value) >= 3) AS DOUBLE PRECISION) "
                + "/ nullif(count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS') AND abs(g.predicted - g.line_value) >= 3), 0) AS hit3, "
                + "sum(g.profit_units) FILTER (WHERE abs(g.predicted - g.line_value) >= 3) "
                + "/ nullif(count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS', 'PUSH') AND abs(g.predicted - g.line_value) >= 3), 0) AS roi3 "
                + "FROM (" + PerformanceAsset.LATEST_GRADES + ") g "
                + (sandbox ? "LEFT JOIN sandbox_truth t ON t.game_key = g.game_key AND t.player_lookup = g.player_lookup " : "")
                + "GROUP BY g.system_id, g.market ORDER BY g.market, g.system_id";
        List<Map<String, Object>> rows = warehouse.jdbi().withHandle(h -> h.createQuery(sql).bind(0, from).bind(1, to).mapToMap().list());
        List<SystemEvaluation> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String system = (String) r.get("system_id");
            String market = (String) r.get("market");
            List<Map<String, Object>> cal = calibration(from, to, system, market, "confidence",
                    "result IN ('WIN', 'LOSS')", "CASE WHEN result = 'WIN' THEN 1.0 ELSE 0.0 END");
            List<Map<String, Object>> calOver = calibration(from, to, system, market, "p_over",
                    "went_over IS NOT NULL AND p_over IS NOT NULL", "CASE WHEN went_over THEN 1.0 ELSE 0.0 END");
            out.add(new SystemEvaluation(system, market, num(r.get("predictions")), dbl(r.get("mae")), dbl(r.get("bias")),
                    dbl(r.get("line_mae")), dbl(r.get("oracle_mae")), num(r.get("picks")), dbl(r.get("hit_rate")), dbl(r.get("roi")),
                    num(r.get("picks3")), dbl(r.get("hit3")), dbl(r.get("roi3")), ece(cal), ece(calOver), cal,
                    edgeBuckets(from, to, system, market)));
        }
        return out;
    }

    /** Stated probability vs what happened, by tenth of the stated value. */
    private List<Map<String, Object>> calibration(LocalDate from, LocalDate to, String system, String market, String column,
            String where, String outcome) {
        String latestWithP = "SELECT lg.*, p.p_over FROM (" + PerformanceAsset.LATEST_GRADES + ") lg JOIN prediction p "
                + "ON p.game_key = lg.game_key AND p.player_lookup = lg.player_lookup AND p.market = lg.market "
                + "AND p.system_id = lg.system_id AND p.line_key = lg.line_key";
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT least(9, CAST(floor(" + column + " * 10) AS INTEGER)) AS decile, "
                        + "count(*) AS n, avg(" + column + ") AS stated, avg(" + outcome + ") AS actual FROM (" + latestWithP + ") x "
                        + "WHERE system_id = ? AND market = ? AND " + where + " GROUP BY 1 ORDER BY 1")
                .bind(0, from).bind(1, to).bind(2, system).bind(3, market).mapToMap().list());
    }

    private List<Map<String, Object>> edgeBuckets(LocalDate from, LocalDate to, String system, String market) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT CASE WHEN abs(predicted - line_value) < 2 THEN '1.5-2' "
                        + "WHEN abs(predicted - line_value) < 3 THEN '2-3' WHEN abs(predicted - line_value) < 5 THEN '3-5' ELSE '5+' END AS edge, "
                        + "count(*) AS picks, CAST(count(*) FILTER (WHERE result = 'WIN') AS DOUBLE PRECISION) "
                        + "/ nullif(count(*) FILTER (WHERE result IN ('WIN', 'LOSS')), 0) AS hit_rate, sum(profit_units) / count(*) AS roi "
                        + "FROM (" + PerformanceAsset.LATEST_GRADES + ") g WHERE system_id = ? AND market = ? "
                        + "AND result IN ('WIN', 'LOSS', 'PUSH') GROUP BY 1 ORDER BY 1")
                .bind(0, from).bind(1, to).bind(2, system).bind(3, market).mapToMap().list());
    }

    /** Expected calibration error: the count-weighted mean gap between stated and actual frequency over the bins. */
    static Double ece(List<Map<String, Object>> bins) {
        double n = 0;
        double gap = 0;
        for (Map<String, Object> b : bins) {
            double c = num(b.get("n"));
            n += c;
            gap += c * Math.abs(dbl(b.get("stated")) - dbl(b.get("actual")));
        }
        return n == 0 ? null : gap / n;
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** The JSON shape of {@code evaluate --json}: {"from", "to", "systems": [...]}. */
    public static Map<String, Object> toJson(LocalDate from, LocalDate to, List<SystemEvaluation> systems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", from.toString());
        doc.put("to", to.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (SystemEvaluation s : systems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", s.system());
            m.put("market", s.market());
            m.put("predictions", s.predictions());
            m.put("mae", r(s.mae()));
            m.put("bias", r(s.bias()));
            m.put("line_mae", r(s.lineMae()));
            m.put("oracle_mae", r(s.oracleMae()));
            m.put("picks", s.picks());
            m.put("hit_rate", r(s.hitRate()));
            m.put("roi", r(s.roi()));
            m.put("picks_edge3", s.picksEdge3());
            m.put("hit_rate_edge3", r(s.hitRateEdge3()));
            m.put("roi_edge3", r(s.roiEdge3()));
            m.put("ece", r(s.ece()));
            m.put("ece_p_over", r(s.eceOver()));
            m.put("calibration", s.calibration());
            m.put("edge_buckets", s.edgeBuckets());
            list.add(m);
        }
        doc.put("systems", list);
        return doc;
    }

    private static Double r(Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}
