package io.nbaprops.analytics;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.Readiness;
import io.nbaprops.raw.ScheduleAsset;
import java.util.List;

/**
 * One row per player per game for a date, from the box scores. Runs only when every scheduled,
 * not postponed game of the date has a final box score.
 */
public final class PlayerGameSummaryAsset implements Asset {
    public static final String NAME = "player_game_summary";
    private final String rawBoxScores;

    public PlayerGameSummaryAsset(String rawBoxScoresAsset) {
        this.rawBoxScores = rawBoxScoresAsset;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.ANALYTICS;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(ScheduleAsset.NAME), Dependency.same(rawBoxScores));
    }

    @Override
    public Readiness readiness(AssetContext ctx) {
        List<String> missing = ctx.warehouse().jdbi().withHandle(h -> h.createQuery(
                        "SELECT g.game_key FROM game g WHERE g.game_date = ? AND g.status <> 'postponed' AND NOT EXISTS ("
                                + "SELECT 1 FROM bdl_box_score_game b WHERE b.game_date = g.game_date AND b.home_team = g.home_team "
                                + "AND lower(b.status) LIKE 'final%') ORDER BY g.game_key")
                .bind(0, ctx.partition()).mapTo(String.class).list());
        return missing.isEmpty() ? Readiness.ok()
                : Readiness.waitingFor("final box scores of " + missing.size() + " game(s): " + String.join(", ", missing));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        String select = "SELECT g.game_key, b.player_lookup, b.game_date, b.player_name, b.team, b.opponent, b.is_home, "
                + "coalesce(b.minutes, 0) > 0, b.minutes, b.pts, b.reb, b.ast, b.fg3m, b.fgm, b.fga, b.fg3a, b.ftm, b.fta, "
                + "'bdl_box_scores' FROM bdl_box_score_player b JOIN game g ON g.game_date = b.game_date "
                + "AND g.home_team = CASE WHEN b.is_home THEN b.team ELSE b.opponent END "
                + "WHERE b.game_date = ? AND g.status <> 'postponed'";
        long n = ctx.write(tx -> tx.replacePartitionFromQuery(NAME, List.of("game_key", "player_lookup", "game_date", "player_name",
                "team", "opponent", "is_home", "played", "minutes", "pts", "reb", "ast", "fg3m", "fgm", "fga", "fg3a", "ftm", "fta",
                "source"), select, List.of(ctx.partition()), "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
