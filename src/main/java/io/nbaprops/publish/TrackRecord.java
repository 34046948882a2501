package io.nbaprops.publish;

import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public track record ({@code performance.json}'s {@code track_record}): the season's graded picks (latest line of
 * each prediction) per system and market, then per side, book, edge bucket and stated-probability decile within each. Every
 * row carries its N; hit rate with its 95% Wilson interval (pushes excluded), ROI per unit staked with a 95% normal
 * interval from the picks' own profit spread, the break-even hit rate of the prices taken, and closing-line value with its
 * own N (picks whose book posted a closing line). One query over the season: the dimensions are grouped in SQL.
 */
public final class TrackRecord {
    static final double Z95 = 1.959964;
    /** Dimensions of the breakdowns: name to the SQL of the bucket over the graded columns (the performance asset's own buckets). */
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("all", null); // no bucket: grouped by system and market only (PostgreSQL refuses a constant in GROUP BY)
        DIMENSIONS.put("side", PerformanceAsset.BUCKETS.get("side"));
        DIMENSIONS.put("book", "coalesce(line_book, 'unknown')");
        DIMENSIONS.put("edge", PerformanceAsset.BUCKETS.get("edge"));
        DIMENSIONS.put("decile", PerformanceAsset.BUCKETS.get("decile"));
    }

    private final Warehouse warehouse;

    public TrackRecord(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Per dimension (all, side, book, edge, decile): one row per system, market and bucket, from {@code from} to {@code to}. */
    public Map<String, Object> between(LocalDate from, LocalDate to) {
        // The latest-line grades (as PerformanceAsset.LATEST_GRADES picks them) with the book of the line, in one join.
        StringBuilder sql = new StringBuilder("""
                WITH lg AS MATERIALIZED (SELECT * FROM (
                    SELECT g.*, p.line_book, row_number() OVER (PARTITION BY g.game_key, g.player_lookup, g.market, g.system_id
                                                   ORDER BY p.line_snapshot_at DESC NULLS LAST, g.line_key DESC) AS latest
                    FROM prediction_grade g
                    JOIN prediction p ON p.game_key = g.game_key AND p.player_lookup = g.player_lookup AND p.market = g.market
                         AND p.system_id = g.system_id AND p.line_key = g.line_key AND p.game_date = g.game_date
                    WHERE g.game_date BETWEEN ? AND ?) x
                WHERE latest = 1 AND result IN ('WIN', 'LOSS', 'PUSH')) """);
        String union = "";
        for (var dim : DIMENSIONS.entrySet()) {
            String bucket = dim.getValue() == null ? "'" + dim.getKey() + "'" : dim.getValue();
            sql.append(union).append("SELECT '").append(dim.getKey()).append("' AS dimension, system_id, market, CAST(")
                    .append(bucket).append(" AS VARCHAR) AS bucket, count(*) AS picks, ")
                    .append("count(*) FILTER (WHERE result = 'WIN') AS wins, count(*) FILTER (WHERE result = 'LOSS') AS losses, ")
                    // Sums in DECIMAL: exact, so the same grades give the same file whatever order the threads add them in.
                    .append("count(*) FILTER (WHERE result = 'PUSH') AS pushes, coalesce(sum(" + dec("profit_units") + "), 0) AS profit, ")
                    .append("coalesce(sum(" + dec("profit_units * profit_units") + "), 0) AS profit_sq, avg(" + dec("confidence")
                            + ") AS stated, ")
                    .append("avg(" + dec("CASE WHEN price < 0 THEN -price / (100.0 - price) WHEN price > 0 THEN 100.0 / (price + 100.0) END")
                            + ") AS break_even, ")
                    .append("avg(" + dec("clv") + ") AS clv, count(clv) AS clv_n FROM lg GROUP BY system_id, market")
                    .append(dim.getValue() == null ? "" : ", " + dim.getValue());
            union = " UNION ALL ";
        }
        sql.append(" ORDER BY dimension, market, system_id, bucket");
        List<Map<String, Object>> rows = warehouse.jdbi().withHandle(h -> h.createQuery(sql.toString()).bind(0, from).bind(1, to)
                .mapToMap().list());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("interval", "95%: hit rate Wilson score (pushes excluded); ROI normal approximation from the picks' profit spread (from "
                + MIN_ROI_INTERVAL_N + " picks)");
        for (String dim : DIMENSIONS.keySet()) {
            out.put(dim.equals("all") ? "systems" : dim, new ArrayList<Map<String, Object>>());
        }
        for (Map<String, Object> r : rows) {
            String dim = (String) r.get("dimension");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> target = (List<Map<String, Object>>) out.get(dim.equals("all") ? "systems" : dim);
            target.add(row(r, dim));
        }
        return out;
    }

    private static Map<String, Object> row(Map<String, Object> r, String dim) {
        long picks = n(r.get("picks"));
        long wins = n(r.get("wins"));
        long losses = n(r.get("losses"));
        double profit = d(r.get("profit"));
        double profitSq = d(r.get("profit_sq"));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("system_id", r.get("system_id"));
        o.put("market", r.get("market"));
        if (!dim.equals("all")) {
            o.put("bucket", r.get("bucket"));
        }
        o.put("picks", picks);
        o.put("wins", wins);
        o.put("losses", losses);
        o.put("pushes", n(r.get("pushes")));
        o.put("hit_rate", wins + losses == 0 ? null : r4((double) wins / (wins + losses)));
        o.put("hit_rate_ci", wilson(wins, wins + losses));
        o.put("break_even", r.get("break_even") == null ? null : r4(d(r.get("break_even"))));
        o.put("profit_units", r4(profit));
        o.put("roi", picks == 0 ? null : r4(profit / picks));
        o.put("roi_ci", meanInterval(profit, profitSq, picks));
        o.put("stated", r.get("stated") == null ? null : r4(d(r.get("stated"))));
        o.put("clv", r.get("clv") == null ? null : r4(d(r.get("clv"))));
        o.put("clv_n", n(r.get("clv_n")));
        return o;
    }

    /** The 95% Wilson score interval of {@code k} successes in {@code n}; null when n is 0. */
    static List<Double> wilson(long k, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return List.of(r4(Math.max(0, centre - half)), r4(Math.min(1, centre + half)));
    }

    /** Below this many picks the ROI has no interval: a normal approximation on a handful of ±1 outcomes says nothing. */
    static final int MIN_ROI_INTERVAL_N = 10;

    /** The 95% normal interval of a mean from its sum and sum of squares over {@code n} values; null below {@link #MIN_ROI_INTERVAL_N}. */
    static List<Double> meanInterval(double sum, double sumSq, long n) {
        if (n < MIN_ROI_INTERVAL_N) {
            return null;
        }
        double mean = sum / n;
        double var = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
        double half = Z95 * Math.sqrt(var / n);
        return List.of(r4(mean - half), r4(mean + half));
    }

    private static String dec(String expr) {
        return "CAST(" + expr + " AS DECIMAL(18, 6))"; // rounded to 6 decimals by the cast, on DuckDB and PostgreSQL
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static double d(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    private static double r4(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
