package io.nbaprops.publish;

import io.nbaprops.analytics.Seasons;
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
        out.put("calibration", breakdown(from, date, "decile"));
        out.put("edge_buckets", breakdown(from, date, "edge"));
        out.put("tiers", breakdown(from, date, "tier"));
        out.put("sides", breakdown(from, date, "side"));
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

    /** Picks by one dimension's buckets over the window, summed from the daily breakdowns: count, wins, losses, win rate, ROI, mean stated confidence. */
    private List<Map<String, Object>> breakdown(LocalDate from, LocalDate to, String dimension) {
        List<Map<String, Object>> rows = rounded(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT system_id, market, bucket, "
                        + "sum(picks) AS picks, sum(wins) AS wins, sum(losses) AS losses, "
                        + "CAST(sum(wins) AS DOUBLE PRECISION) / nullif(sum(wins) + sum(losses), 0) AS win_rate, "
                        + "sum(stated_sum) / nullif(sum(picks), 0) AS stated, sum(profit_units) / nullif(sum(picks), 0) AS roi "
                        + "FROM system_daily_breakdown WHERE dimension = ? AND game_date BETWEEN ? AND ? "
                        + "GROUP BY system_id, market, bucket ORDER BY market, system_id, bucket")
                .bind(0, dimension).bind(1, from).bind(2, to).mapToMap().list()));
        for (Map<String, Object> r : rows) {
            Object bucket = r.remove("bucket");
            r.put(dimension, dimension.equals("decile") ? Integer.valueOf(bucket.toString()) : bucket);
        }
        return rows;
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
