package io.nbaprops.predict;

import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Best-available against single-book betting over a date range, from the same graded predictions: the picks as taken
 * (at the best line and price for their side among the books) and the picks a one-book bettor would have made at the
 * first book of the priority list at the same time, each with its count, hit rate and ROI; and over the same picks
 * (both bet the same side), the ROI of each, which isolates what the price alone is worth.
 */
public final class PriceComparison {
    private final Warehouse warehouse;

    public PriceComparison(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public record Row(String system, String market, long bestPicks, Double bestHitRate, Double bestRoi, long singlePicks,
            Double singleHitRate, Double singleRoi, long samePicks, Double samePicksBestRoi, Double samePicksSingleRoi) {}

    public List<Row> compare(LocalDate from, LocalDate to) {
        String picked = "('WIN', 'LOSS', 'PUSH')";
        String same = "g.result IN " + picked + " AND g.single_result IN " + picked + " AND g.recommendation = p.single_recommendation";
        String sql = "SELECT g.system_id, g.market, "
                + "count(*) FILTER (WHERE g.result IN " + picked + ") AS best_picks, "
                + "CAST(count(*) FILTER (WHERE g.result = 'WIN') AS DOUBLE PRECISION) "
                + "/ nullif(count(*) FILTER (WHERE g.result IN ('WIN', 'LOSS')), 0) AS best_hit, "
                + "sum(g.profit_units) / nullif(count(*) FILTER (WHERE g.result IN " + picked + "), 0) AS best_roi, "
                + "count(*) FILTER (WHERE g.single_result IN " + picked + ") AS single_picks, "
                + "CAST(count(*) FILTER (WHERE g.single_result = 'WIN') AS DOUBLE PRECISION) "
                + "/ nullif(count(*) FILTER (WHERE g.single_result IN ('WIN', 'LOSS')), 0) AS single_hit, "
                + "sum(g.single_profit_units) / nullif(count(*) FILTER (WHERE g.single_result IN " + picked + "), 0) AS single_roi, "
                + "count(*) FILTER (WHERE " + same + ") AS same_picks, "
                + "sum(g.profit_units) FILTER (WHERE " + same + ") / nullif(count(*) FILTER (WHERE " + same + "), 0) AS same_best_roi, "
                + "sum(g.single_profit_units) FILTER (WHERE " + same + ") / nullif(count(*) FILTER (WHERE " + same + "), 0) AS same_single_roi "
                + "FROM (" + PerformanceAsset.LATEST_GRADES + ") g JOIN prediction p ON p.game_key = g.game_key "
                + "AND p.player_lookup = g.player_lookup AND p.market = g.market AND p.system_id = g.system_id AND p.line_key = g.line_key "
                + "GROUP BY g.system_id, g.market ORDER BY g.market, g.system_id";
        List<Row> out = new ArrayList<>();
        warehouse.jdbi().useHandle(h -> h.createQuery(sql).bind(0, from).bind(1, to).mapToMap().forEach(r -> out.add(new Row(
                (String) r.get("system_id"), (String) r.get("market"), Evaluation.num(r.get("best_picks")), Evaluation.dbl(r.get("best_hit")),
                Evaluation.dbl(r.get("best_roi")), Evaluation.num(r.get("single_picks")), Evaluation.dbl(r.get("single_hit")),
                Evaluation.dbl(r.get("single_roi")), Evaluation.num(r.get("same_picks")), Evaluation.dbl(r.get("same_best_roi")),
                Evaluation.dbl(r.get("same_single_roi"))))));
        return out;
    }

    /** The JSON shape under {@code evaluate --json}'s "best_price". */
    public static List<Map<String, Object>> toJson(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", r.system());
            m.put("market", r.market());
            m.put("best_picks", r.bestPicks());
            m.put("best_hit_rate", round(r.bestHitRate()));
            m.put("best_roi", round(r.bestRoi()));
            m.put("single_book_picks", r.singlePicks());
            m.put("single_book_hit_rate", round(r.singleHitRate()));
            m.put("single_book_roi", round(r.singleRoi()));
            m.put("same_picks", r.samePicks());
            m.put("same_picks_best_roi", round(r.samePicksBestRoi()));
            m.put("same_picks_single_book_roi", round(r.samePicksSingleRoi()));
            out.add(m);
        }
        return out;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}
