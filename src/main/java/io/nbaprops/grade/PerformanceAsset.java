package io.nbaprops.grade;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import java.util.List;

/**
 * Per system, market and date: MAE and bias of the predictions, the books' line MAE on the same
 * player-games, and the picks' wins, losses, pushes, profit and closing-line value. Each player-game
 * counts once per system (its latest line); rolling windows and breakdowns are sums over these rows.
 */
public final class PerformanceAsset implements Asset {
    public static final String NAME = "system_daily_performance";

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
                WHERE g.game_date BETWEEN ? AND ?) x
            WHERE latest = 1""";

    @Override
    public AssetResult materialize(AssetContext ctx) {
        var d = ctx.partition();
        String sql = "SELECT game_date, system_id, market, "
                + "CAST(count(*) FILTER (WHERE result <> 'VOID') AS INTEGER), "
                + "nbp_round(avg(abs_error), 6), nbp_round(avg(signed_error), 6), "
                + "nbp_round(avg(abs(line_value - actual)) FILTER (WHERE line_value IS NOT NULL), 6), "
                + "CAST(count(*) FILTER (WHERE result IN ('WIN', 'LOSS', 'PUSH')) AS INTEGER), "
                + "CAST(count(*) FILTER (WHERE result = 'WIN') AS INTEGER), CAST(count(*) FILTER (WHERE result = 'LOSS') AS INTEGER), "
                + "CAST(count(*) FILTER (WHERE result = 'PUSH') AS INTEGER), nbp_round(coalesce(sum(profit_units), 0), 6), "
                + "nbp_round(avg(clv) FILTER (WHERE result IN ('WIN', 'LOSS', 'PUSH')), 6), CAST(count(*) FILTER (WHERE result = 'VOID') AS INTEGER) "
                + "FROM (" + LATEST_GRADES + ") lg GROUP BY game_date, system_id, market";
        long n = ctx.write(tx -> tx.replacePartitionFromQuery(NAME, List.of("game_date", "system_id", "market", "predictions", "mae",
                "bias", "line_mae", "picks", "wins", "losses", "pushes", "profit_units", "avg_clv", "voids"), sql, List.of(d, d),
                "game_date", d));
        return AssetResult.rows(n);
    }
}
