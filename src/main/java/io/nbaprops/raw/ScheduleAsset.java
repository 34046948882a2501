package io.nbaprops.raw;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import java.util.List;

/**
 * The canonical schedule ({@code game}) for a date, from the raw schedule sources. A game whose
 * status says postponed keeps that status so it is excluded from every "expected" count.
 */
public final class ScheduleAsset implements Asset {
    public static final String NAME = "schedule";
    private final List<Dependency> upstream;

    public ScheduleAsset(List<String> rawScheduleAssets) {
        this.upstream = rawScheduleAssets.stream().map(Dependency::same).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.RAW;
    }

    @Override
    public List<Dependency> upstream() {
        return upstream;
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        // balldontlie's games listing first; a box score's game header fills in a game the listing lacks
        // (and confirms final scores), since a game with a box score certainly took place.
        String status = "CASE WHEN lower(status) LIKE 'final%' THEN 'final' "
                + "WHEN lower(status) LIKE '%postpon%' THEN 'postponed' "
                + "WHEN period > 0 THEN 'in_progress' ELSE 'scheduled' END";
        String select = "SELECT " + GameKeys.sql("game_date", "away_team", "home_team") + ", game_date, season, home_team, "
                + "away_team, tip_off, " + status + ", home_score, away_score, game_id, CAST(NULL AS VARCHAR), source FROM ("
                + " SELECT g.game_date, g.season, g.home_team, g.away_team, g.tip_off, "
                + "   CASE WHEN b.status IS NOT NULL AND lower(b.status) LIKE 'final%' THEN b.status ELSE g.status END AS status, "
                + "   coalesce(g.period, b.period) AS period, coalesce(b.home_score, g.home_score) AS home_score, "
                + "   coalesce(b.away_score, g.away_score) AS away_score, g.game_id, 'bdl_games' AS source "
                + " FROM bdl_game g LEFT JOIN bdl_box_score_game b ON b.game_date = g.game_date AND b.home_team = g.home_team "
                + " WHERE g.game_date = ? AND NOT coalesce(g.postseason, false)"
                + " UNION ALL "
                + " SELECT b.game_date, b.season, b.home_team, b.away_team, CAST(NULL AS TIMESTAMP), b.status, b.period, "
                + "   b.home_score, b.away_score, CAST(NULL AS BIGINT), 'bdl_box_scores' FROM bdl_box_score_game b "
                + " WHERE b.game_date = ? AND NOT EXISTS (SELECT 1 FROM bdl_game g WHERE g.game_date = b.game_date "
                + "   AND g.home_team = b.home_team)) s";
        long n = ctx.write(tx -> tx.replacePartitionFromQuery("game", List.of("game_key", "game_date", "season", "home_team",
                "away_team", "tip_off", "status", "home_score", "away_score", "bdl_game_id", "nba_game_id", "source"),
                select, List.of(ctx.partition(), ctx.partition()), "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
