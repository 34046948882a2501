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
        String status = "CASE WHEN lower(g.status) LIKE 'final%' THEN 'final' "
                + "WHEN lower(g.status) LIKE '%postpon%' THEN 'postponed' "
                + "WHEN g.period > 0 THEN 'in_progress' ELSE 'scheduled' END";
        String select = "SELECT " + GameKeys.sql("g.game_date", "g.away_team", "g.home_team") + ", g.game_date, g.season, "
                + "g.home_team, g.away_team, g.tip_off, " + status + ", g.home_score, g.away_score, g.game_id, "
                + "CAST(NULL AS VARCHAR), 'bdl_games' FROM bdl_game g WHERE g.game_date = ? AND NOT g.postseason";
        long n = ctx.write(tx -> tx.replacePartitionFromQuery("game", List.of("game_key", "game_date", "season", "home_team",
                "away_team", "tip_off", "status", "home_score", "away_score", "bdl_game_id", "nba_game_id", "source"),
                select, List.of(ctx.partition()), "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
