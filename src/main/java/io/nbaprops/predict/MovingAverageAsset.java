package io.nbaprops.predict;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.raw.ScheduleAsset;
import java.util.List;

/**
 * Walking-skeleton prediction: each expected player's points as the mean of his last 10 games
 * before the date. Expected players: those whose latest game before the date was for a team playing.
 */
public final class MovingAverageAsset implements Asset {
    public static final String NAME = "prediction";
    public static final String SYSTEM = "moving_average";
    public static final String VERSION = "ma10-v1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.PREDICT;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(ScheduleAsset.NAME), Dependency.prior(PlayerGameSummaryAsset.NAME));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        String select = """
                WITH recent AS (
                    SELECT player_lookup, player_name, team, pts, game_date,
                           row_number() OVER (PARTITION BY player_lookup ORDER BY game_date DESC) AS rn
                    FROM player_game_summary WHERE game_date < ? AND played),
                form AS (
                    SELECT player_lookup, avg(pts) AS ma FROM recent WHERE rn <= 10 GROUP BY player_lookup)
                SELECT g.game_key, r.player_lookup, 'points', ?, 'no-line', g.game_date, r.player_name, r.team,
                       CASE WHEN g.home_team = r.team THEN g.away_team ELSE g.home_team END, ?, round(f.ma, 2),
                       CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS VARCHAR), CAST(NULL AS TIMESTAMP),
                       CAST(NULL AS INTEGER), CAST(NULL AS INTEGER), 'PASS', 'no line', ?
                FROM game g
                JOIN recent r ON r.rn = 1 AND (r.team = g.home_team OR r.team = g.away_team)
                JOIN form f ON f.player_lookup = r.player_lookup
                WHERE g.game_date = ? AND g.status <> 'postponed'
                """;
        long n = ctx.write(tx -> tx.replacePartitionFromQuery(NAME, List.of("game_key", "player_lookup", "market", "system_id",
                        "line_key", "game_date", "player_name", "team", "opponent", "system_version", "predicted", "line_value",
                        "line_book", "line_snapshot_at", "over_price", "under_price", "recommendation", "reason", "created_at"),
                select, List.of(ctx.partition(), SYSTEM, VERSION, java.time.LocalDateTime.ofInstant(ctx.clock().instant(),
                        java.time.ZoneOffset.UTC), ctx.partition()), "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
