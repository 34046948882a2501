package io.nbaprops.analytics;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Offence and defence of each team in each game of a date, from the player rows: points,
 * possessions (FGA - OREB + TOV + 0.44 FTA, averaged over both teams), pace per 48 minutes,
 * offensive/defensive rating per 100 possessions, and what each defence allowed by shot type.
 */
public final class TeamGameSummaryAsset implements RangeAsset {
    public static final String NAME = "team_game_summary";

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
        return List.of(Dependency.same(PlayerGameSummaryAsset.NAME));
    }

    static final List<String> COLUMNS = List.of("game_key", "team", "game_date", "opponent", "is_home",
            "pts", "opp_pts", "won", "minutes", "fga", "fgm", "fg3a", "fg3m", "fta", "ftm", "oreb", "dreb", "tov", "ast",
            "possessions", "pace", "off_rating", "def_rating", "opp_fg3a_rate", "opp_fta_rate", "opp_fg2_pct", "opp_fg3_pct");

    @Override
    public AssetResult materialize(AssetContext ctx) {
        var d = ctx.partition();
        return AssetResult.rows(ctx.write(tx -> tx.replacePartitionFromQuery(NAME, COLUMNS, SQL, List.of(d, d), "game_date", d)));
    }

    /** A season's team games in one statement (a backfill): the same rows as each date's run. */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) {
        return RangeAsset.wholeRange(ctx, dates, (tx, from, to) -> tx.replaceRangeFromQuery(NAME, COLUMNS, SQL, List.of(from, to),
                "game_date", from, to), NAME);
    }

    private static final String SQL = """
                WITH t AS (
                    SELECT game_key, team, max(game_date) AS game_date, max(opponent) AS opponent, bool_and(is_home) AS is_home,
                           sum(coalesce(pts, 0)) AS pts, nbp_round(sum(coalesce(minutes, 0)) / 5.0, 6) AS minutes,
                           sum(coalesce(fga, 0)) AS fga, sum(coalesce(fgm, 0)) AS fgm, sum(coalesce(fg3a, 0)) AS fg3a,
                           sum(coalesce(fg3m, 0)) AS fg3m, sum(coalesce(fta, 0)) AS fta, sum(coalesce(ftm, 0)) AS ftm,
                           sum(coalesce(oreb, 0)) AS oreb, sum(coalesce(dreb, 0)) AS dreb, sum(coalesce(tov, 0)) AS tov,
                           sum(coalesce(ast, 0)) AS ast
                    FROM player_game_summary WHERE game_date BETWEEN ? AND ? GROUP BY game_key, team),
                p AS (SELECT t.*, t.fga - t.oreb + t.tov + 0.44 * t.fta AS poss_est FROM t)
                SELECT a.game_key, a.team, a.game_date, a.opponent, a.is_home, a.pts, b.pts, a.pts > b.pts, a.minutes,
                       a.fga, a.fgm, a.fg3a, a.fg3m, a.fta, a.ftm, a.oreb, a.dreb, a.tov, a.ast,
                       nbp_round((a.poss_est + b.poss_est) / 2.0, 6),
                       nbp_round(48.0 * (a.poss_est + b.poss_est) / 2.0 / nullif(a.minutes, 0), 6),
                       nbp_round(100.0 * a.pts / nullif((a.poss_est + b.poss_est) / 2.0, 0), 6),
                       nbp_round(100.0 * b.pts / nullif((a.poss_est + b.poss_est) / 2.0, 0), 6),
                       nbp_round(CAST(b.fg3a AS DOUBLE PRECISION) / nullif(b.fga, 0), 6),
                       nbp_round(CAST(b.fta AS DOUBLE PRECISION) / nullif(b.fga, 0), 6),
                       nbp_round(CAST(b.fgm - b.fg3m AS DOUBLE PRECISION) / nullif(b.fga - b.fg3a, 0), 6),
                       nbp_round(CAST(b.fg3m AS DOUBLE PRECISION) / nullif(b.fg3a, 0), 6)
                FROM p a JOIN p b ON b.game_key = a.game_key AND b.team <> a.team
                WHERE a.minutes > 0 AND b.minutes > 0
                """;
}
