package io.nbaprops.grade;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;

/**
 * Per system, market and date: MAE and bias of the predictions, the books' line MAE on the same
 * player-games, and the picks' wins, losses, pushes, profit and closing-line value. Each player-game
 * counts once per system (its latest line); rolling windows and breakdowns are sums over these rows.
 */
public final class PerformanceAsset implements RangeAsset {
    public static final String NAME = "system_daily_performance";

    /** The breakdowns of the picks: dimension to the SQL of its bucket (over the latest-line grade columns). */
    public static final java.util.Map<String, String> BUCKETS = new java.util.LinkedHashMap<>();

    static {
        BUCKETS.put("decile", "CAST(least(9, CAST(floor(confidence * 10) AS INTEGER)) AS VARCHAR)");
        BUCKETS.put("edge", "CASE WHEN abs(predicted - line_value) < 2 THEN '1.5-2' WHEN abs(predicted - line_value) < 3 THEN '2-3' "
                + "WHEN abs(predicted - line_value) < 5 THEN '3-5' ELSE '5+' END");
        BUCKETS.put("tier", "CASE WHEN predicted < 8 THEN 'bench <8' WHEN predicted < 14 THEN 'role 8-14' WHEN predicted < 20 "
                + "THEN 'starter 14-20' WHEN predicted < 26 THEN 'scorer 20-26' ELSE 'star 26+' END");
        BUCKETS.put("side", "recommendation");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.GRADE;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(GradeAsset.NAME));
    }

    /** The latest-line grade of each (player-game, system, market) of a date: what a bettor acting on the final pick would have. */
    public static final String LATEST_GRADES = """
            SELECT * FROM (
                SELECT g.*, row_number() OVER (PARTITION BY g.game_key, g.player_lookup, g.market, g.system_id
                                               ORDER BY p.line_snapshot_at DESC NULLS LAST, g.line_key DESC) AS latest
                FROM prediction_grade g
                JOIN prediction p ON p.game_key = g.game_key AND p.player_lookup = g.player_lookup AND p.market = g.market
                     AND p.system_id = g.system_id AND p.line_key = g.line_key
                     AND p.game_date = g.game_date -- lets the date range prune predictions too (a date's export scanned them all)
                WHERE g.game_date BETWEEN ? AND ?) x
            WHERE latest = 1""";

    @Override
    public AssetResult materialize(AssetContext ctx) {
        var d = ctx.partition();
        return AssetResult.rows(ctx.write(tx -> replace(tx, d, d)));
    }

    /** A season's aggregates in two statements (a backfill): the same rows as aggregating each date. */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) {
        return RangeAsset.wholeRange(ctx, dates, PerformanceAsset::replace, NAME, BREAKDOWN);
    }

    private static final String BREAKDOWN = "system_daily_breakdown";

    private static void replace(io.nbaprops.store.WriteTx tx, LocalDate from, LocalDate to) {
        String sql = "SELECT game_date, system_id, market, "
                + "CAST(count(*) FILTER (WHERE result <> 'VOID') AS INTEGER), "
                + "nbp_round(avg(abs_error), 6), nbp_round(avg(signed_error), 6), "
                + "nbp_round(avg(abs(line_value - actual)) FILTER (WHERE line_value IS NOT NULL), 6), "
                + "CAST(count(*) FILTER (WHERE result IN ('WIN', 'LOSS', 'PUSH')) AS INTEGER), "
                + "CAST(count(*) FILTER (WHERE result = 'WIN') AS INTEGER), CAST(count(*) FILTER (WHERE result = 'LOSS') AS INTEGER), "
                + "CAST(count(*) FILTER (WHERE result = 'PUSH') AS INTEGER), nbp_round(coalesce(sum(profit_units), 0), 6), "
                + "nbp_round(avg(clv) FILTER (WHERE result IN ('WIN', 'LOSS', 'PUSH')), 6), CAST(count(*) FILTER (WHERE result = 'VOID') AS INTEGER) "
                + "FROM (" + LATEST_GRADES + ") lg GROUP BY game_date, system_id, market";
        // The latest-line grades once, then one GROUP BY per dimension over them (a season is 225k grades).
        StringBuilder breakdown = new StringBuilder("WITH lg AS MATERIALIZED (" + LATEST_GRADES + ") ");
        String union = "";
        for (var dim : BUCKETS.entrySet()) {
            breakdown.append(union).append("SELECT game_date, system_id, market, '").append(dim.getKey()).append("', ").append(dim.getValue())
                    .append(", CAST(count(*) AS INTEGER), CAST(count(*) FILTER (WHERE result = 'WIN') AS INTEGER), ")
                    .append("CAST(count(*) FILTER (WHERE result = 'LOSS') AS INTEGER), nbp_round(coalesce(sum(profit_units), 0), 6), ")
                    .append("nbp_round(coalesce(sum(confidence), 0), 6) FROM lg")
                    .append(" WHERE result IN ('WIN', 'LOSS', 'PUSH') GROUP BY game_date, system_id, market, ").append(dim.getValue());
            union = " UNION ALL ";
        }
        List<Object> params = List.of(from, to);
        tx.replaceRangeFromQuery(NAME, List.of("game_date", "system_id", "market", "predictions", "mae", "bias", "line_mae",
                "picks", "wins", "losses", "pushes", "profit_units", "avg_clv", "voids"), sql, List.of(from, to), "game_date", from, to);
        tx.replaceRangeFromQuery(BREAKDOWN, List.of("game_date", "system_id", "market", "dimension", "bucket",
                "picks", "wins", "losses", "profit_units", "stated_sum"), breakdown.toString(), params, "game_date", from, to);
    }
}
