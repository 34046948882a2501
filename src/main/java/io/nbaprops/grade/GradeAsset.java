package io.nbaprops.grade;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.predict.MovingAverageAsset;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Grades every prediction of a date against what happened; players who did not play are VOID. */
public final class GradeAsset implements Asset {
    public static final String NAME = "prediction_grade";

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
        return List.of(Dependency.same(MovingAverageAsset.NAME), Dependency.same(PlayerGameSummaryAsset.NAME));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        String select = """
                SELECT p.game_key, p.player_lookup, p.market, p.system_id, p.line_key, p.game_date, p.predicted,
                       CASE WHEN s.played THEN s.pts END,
                       CASE WHEN s.played THEN abs(p.predicted - s.pts) END,
                       CASE WHEN s.played THEN p.predicted - s.pts END,
                       p.line_value, p.recommendation,
                       CASE WHEN s.player_lookup IS NULL OR NOT s.played THEN 'VOID'
                            WHEN p.recommendation = 'PASS' OR p.line_value IS NULL THEN 'NO_PICK'
                            WHEN s.pts = p.line_value THEN 'PUSH'
                            WHEN (p.recommendation = 'OVER') = (s.pts > p.line_value) THEN 'WIN'
                            ELSE 'LOSS' END,
                       CASE WHEN s.player_lookup IS NULL THEN 'not in the box score' WHEN NOT s.played THEN 'did not play' END,
                       ?
                FROM prediction p
                LEFT JOIN player_game_summary s ON s.game_key = p.game_key AND s.player_lookup = p.player_lookup
                WHERE p.game_date = ?
                """;
        long n = ctx.write(tx -> tx.replacePartitionFromQuery(NAME, List.of("game_key", "player_lookup", "market", "system_id",
                        "line_key", "game_date", "predicted", "actual", "abs_error", "signed_error", "line_value", "recommendation",
                        "result", "void_reason", "graded_at"),
                select, List.of(LocalDateTime.ofInstant(ctx.clock().instant(), ZoneOffset.UTC), ctx.partition()),
                "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
