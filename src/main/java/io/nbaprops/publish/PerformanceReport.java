package io.nbaprops.publish;

import io.nbaprops.analytics.Seasons;
import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System performance as of a date, computed set-based from the daily aggregates and the latest-line
 * grades: rolling 7/30-day and season summaries, the daily series a chart needs, and breakdowns by
 * confidence decile (calibration), edge bucket, player tier and side. Used by the export, the API
 * and {@code evaluate}.
 */
public final class PerformanceReport {
    private final Warehouse warehouse;

    public PerformanceReport(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Map<String, Object> asOf(LocalDate date) {
        LocalDate from = Seasons.start(date);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("season_from", from.toString());
        out.put("windows", windows(date));
        out.put("daily", daily(from, date));
        out.put("calibration", breakdown(from, date, "CAST(floor(confidence * 10) AS INTEGER)", "decile"));
        out.put("edge_buckets", breakdown(from, date,
                "CASE WHEN abs(predicted - line_value) < 1 THEN '0-1' WHEN abs(predicted - line_value) < 2 THEN '1-2' "
                        + "WHEN abs(predicted - line_value) < 3 THEN '2-3' WHEN abs(predicted - line_value) < 5 THEN '3-5' ELSE '5+' END",
                "edge"));
        out.put("tiers", breakdown(from, date,
                "CASE WHEN predicted < 8 THEN 'bench <8' WHEN predicted < 14 THEN 'role 8-14' WHEN predicted < 20 THEN 'starter 14-20' "
                        + "WHEN predicted < 26 THEN 'scorer 20-26' ELSE 'star 26+' END", "tier"));
        out.put("sides", breakdown(from, date, "recommendation", "side"));
        return out;
    }

    private List<Map<String, Object>> windows(LocalDate date) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var w : List.of(Map.entry("last_7_days", date.minusDays(6)), Map.entry("last_30_days", date.minusDays(29)),
                Map.entry("season", Seasons.start(date)))) {
            out.addAll(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT ? AS window_name, system_id, market, "
                            + "sum(predictions) AS predictions, sum(mae * predictions) / nullif(sum(predictions), 0) AS mae, "
                            + "sum(bias * predictions) / nullif(sum(predictions), 0) AS bias, "
                            + "sum(line_mae * predictions) / nullif(sum(predictions), 0) AS line_mae, sum(picks) AS picks, "
                            + "sum(wins) AS wins, sum(losses) AS losses, sum(pushes) AS pushes, "
                            + "CAST(sum(wins) AS DOUBLE PRECISION) / nullif(sum(wins) + sum(losses), 0) AS win_rate, "
                            + "sum(profit_units) AS profit_units, sum(profit_units) / nullif(sum(picks), 0) AS roi "
                            + "FROM system_daily_performance WHERE game_date BETWEEN ? AND ? GROUP BY system_id, market "
                            + "ORDER BY market, system_id")
                    .bind(0, w.getKey()).bind(1, w.getValue()).bind(2, date).mapToMap().list()));
        }
        return rounded(out);
    }

    private List<Map<String, Object>> daily(LocalDate from, LocalDate to) {
        return rounded(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT CAST(game_date AS VARCHAR) AS date, system_id, market, "
                        + "predictions, mae, picks, wins, losses, pushes, profit_units, "
                        + "CAST(wins AS DOUBLE PRECISION) / nullif(wins + losses, 0) AS win_rate, "
                        + "sum(profit_units) OVER (PARTITION BY system_id, market ORDER BY game_date) AS cumulative_profit, "
                        + "sum(wins) OVER (PARTITION BY system_id, market ORDER BY game_date) AS cumulative_wins, "
                        + "sum(picks) OVER (PARTITION BY system_id, market ORDER BY game_date) AS cumulative_picks "
                        + "FROM system_daily_performance WHERE game_date BETWEEN ? AND ? ORDER BY game_date, market, system_id")
                .bind(0, from).bind(1, to).mapToMap().list()));
    }

    /** Picks grouped by an expression: count, wins, losses, win rate, ROI, mean stated confidence. */
    private List<Map<String, Object>> breakdown(LocalDate from, LocalDate to, String bucketSql, String bucketName) {
        return rounded(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT system_id, market, " + bucketSql + " AS " + bucketName
                        + ", count(*) AS picks, count(*) FILTER (WHERE result = 'WIN') AS wins, "
                        + "count(*) FILTER (WHERE result = 'LOSS') AS losses, "
                        + "CAST(count(*) FILTER (WHERE result = 'WIN') AS DOUBLE PRECISION) / "
                        + "nullif(count(*) FILTER (WHERE result IN ('WIN', 'LOSS')), 0) AS win_rate, "
                        + "avg(confidence) AS stated, sum(profit_units) / count(*) AS roi "
                        + "FROM (" + PerformanceAsset.LATEST_GRADES + ") g WHERE result IN ('WIN', 'LOSS', 'PUSH') "
                        + "GROUP BY system_id, market, " + bucketName + " ORDER BY market, system_id, " + bucketName)
                .bind(0, from).bind(1, to).mapToMap().list()));
    }

    /** Four decimals are plenty for a chart and keep the files small. */
    static List<Map<String, Object>> rounded(List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            r.replaceAll((k, v) -> {
                if (v instanceof Double x) {
                    return x.isNaN() ? null : Math.round(x * 10000) / 10000.0;
                }
                if (v instanceof java.math.BigDecimal b) {
                    return Math.round(b.doubleValue() * 10000) / 10000.0;
                }
                if (v instanceof java.math.BigInteger b) {
                    return b.longValue();
                }
                return v;
            });
        }
        return rows;
    }
}
