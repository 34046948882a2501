package io.nbaprops.features;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.analytics.Seasons;
import io.nbaprops.analytics.UpcomingContextAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import io.nbaprops.store.WriteTx;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Rolling form of every player expected on a date, from his games strictly before it: last 5/10
 * and season averages and spreads of points and minutes, points per minute, usage, shooting; long-memory
 * weighted rates (minutes, attempts per minute, points per attempt shrunk toward the league's) and the
 * share of his current team's last 10 games he played. One set-based statement per date (window
 * functions), never a query per player.
 */
public final class PlayerDailyCacheAsset implements RangeAsset {
    public static final String NAME = "player_daily_cache";
    static final List<String> COLUMNS = List.of("player_lookup", "cache_date", "games_season", "games_l10", "last_game_date",
            "pts_avg_l5", "pts_avg_l10", "pts_avg_season", "pts_sd_l10", "pts_ewm", "min_avg_l5", "min_avg_l10", "min_avg_season",
            "min_sd_l10", "pts_per_min_l10", "usage_l10", "usage_season", "ts_pct_l10", "fga_per_min_l10", "starter_share_l10",
            "fg3a_share_l10", "ft_rate_l10", "fg3_pct_l10", "reb_avg_l10", "ast_avg_l10", "fg3m_avg_l10", "pts_ewm_long", "min_ewm",
            "fga_per_min_ewm", "pts_per_fga_shrunk", "played_share_l10");
    /** Attempts of league-average efficiency added to a player's own when estimating his points per attempt. */
    static final int PTS_PER_FGA_PRIOR_ATTEMPTS = 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.FEATURES;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(UpcomingContextAsset.NAME), Dependency.prior(PlayerGameSummaryAsset.NAME));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        return AssetResult.rows(ctx.write(tx -> replace(tx, ctx.partition())));
    }

    /** Each date's own statement (its windows end the day before it) in one run and transaction (RangeAsset.eachDate). */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) throws Exception {
        return RangeAsset.eachDate(ctx, dates, this::replace);
    }

    private long replace(WriteTx tx, LocalDate d) {
        String sql = """
                WITH players AS (SELECT player_lookup, min(team) AS team FROM upcoming_player_game_context WHERE game_date = ?
                                 GROUP BY player_lookup),
                lg AS (SELECT CAST(sum(pts) AS DOUBLE PRECISION) / nullif(sum(fga), 0) AS pts_per_fga FROM player_game_summary
                       WHERE played AND game_date < ? AND game_date >= ?),
                team_games AS (
                    SELECT team, game_key, row_number() OVER (PARTITION BY team ORDER BY game_date DESC, game_key DESC) AS rn
                    FROM (SELECT DISTINCT team, game_key, game_date FROM player_game_summary
                          WHERE game_date < ? AND game_date >= ? AND team IN (SELECT team FROM players)) x),
                presence AS (
                    SELECT p.player_lookup, CAST(count(*) FILTER (WHERE s.played) AS DOUBLE PRECISION) / count(*) AS played_share
                    FROM players p JOIN team_games t ON t.team = p.team AND t.rn <= 10
                    LEFT JOIN player_game_summary s ON s.game_key = t.game_key AND s.player_lookup = p.player_lookup
                    GROUP BY p.player_lookup),
                h AS (
                    SELECT s.*, row_number() OVER (PARTITION BY s.player_lookup ORDER BY s.game_date DESC, s.game_key DESC) AS rn,
                           s.game_date >= ? AS in_season
                    FROM player_game_summary s JOIN players p ON p.player_lookup = s.player_lookup
                    WHERE s.played AND s.game_date < ? AND s.game_date >= ?)
                SELECT p.player_lookup, CAST(? AS DATE),
                       count(h.pts) FILTER (WHERE h.in_season),
                       count(h.pts) FILTER (WHERE h.rn <= 10),
                       max(h.game_date),
                       nbp_round(avg(h.pts) FILTER (WHERE h.rn <= 5), 6),
                       nbp_round(avg(h.pts) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(avg(h.pts) FILTER (WHERE h.in_season), 6),
                       nbp_round(stddev_samp(h.pts) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(sum(h.pts * power(0.85, h.rn - 1)) FILTER (WHERE h.rn <= 20)
                           / nullif(sum(power(0.85, h.rn - 1)) FILTER (WHERE h.rn <= 20), 0), 6),
                       nbp_round(avg(h.minutes) FILTER (WHERE h.rn <= 5), 6),
                       nbp_round(avg(h.minutes) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(avg(h.minutes) FILTER (WHERE h.in_season), 6),
                       nbp_round(stddev_samp(h.minutes) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(sum(h.pts) FILTER (WHERE h.rn <= 10) / nullif(sum(h.minutes) FILTER (WHERE h.rn <= 10), 0), 6),
                       nbp_round(avg(h.usage_rate) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(avg(h.usage_rate) FILTER (WHERE h.in_season), 6),
                       nbp_round(sum(h.pts) FILTER (WHERE h.rn <= 10)
                           / nullif(2 * (sum(h.fga) FILTER (WHERE h.rn <= 10) + 0.44 * sum(h.fta) FILTER (WHERE h.rn <= 10)), 0), 6),
                       nbp_round(sum(h.fga) FILTER (WHERE h.rn <= 10) / nullif(sum(h.minutes) FILTER (WHERE h.rn <= 10), 0), 6),
                       nbp_round(avg(CASE WHEN h.starter THEN 1.0 ELSE 0.0 END) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(CAST(sum(h.fg3a) FILTER (WHERE h.rn <= 10) AS DOUBLE PRECISION) / nullif(sum(h.fga) FILTER (WHERE h.rn <= 10), 0), 6),
                       nbp_round(CAST(sum(h.fta) FILTER (WHERE h.rn <= 10) AS DOUBLE PRECISION) / nullif(sum(h.fga) FILTER (WHERE h.rn <= 10), 0), 6),
                       nbp_round(CAST(sum(h.fg3m) FILTER (WHERE h.rn <= 10) AS DOUBLE PRECISION) / nullif(sum(h.fg3a) FILTER (WHERE h.rn <= 10), 0), 6),
                       nbp_round(avg(h.reb) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(avg(h.ast) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(avg(h.fg3m) FILTER (WHERE h.rn <= 10), 6),
                       nbp_round(sum(h.pts * power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60)
                           / nullif(sum(power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60), 0), 6),
                       nbp_round(sum(h.minutes * power(0.9, h.rn - 1)) FILTER (WHERE h.rn <= 30)
                           / nullif(sum(power(0.9, h.rn - 1)) FILTER (WHERE h.rn <= 30), 0), 6),
                       nbp_round(sum(h.fga * power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60)
                           / nullif(sum(h.minutes * power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60), 0), 6),
                       nbp_round((sum(h.pts * power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60) + %1$d * max(lg.pts_per_fga))
                           / nullif(sum(h.fga * power(0.95, h.rn - 1)) FILTER (WHERE h.rn <= 60) + %1$d, 0), 6),
                       nbp_round(max(pr.played_share), 6)
                FROM players p LEFT JOIN h ON h.player_lookup = p.player_lookup
                LEFT JOIN presence pr ON pr.player_lookup = p.player_lookup
                CROSS JOIN lg
                GROUP BY p.player_lookup
                """.formatted(PTS_PER_FGA_PRIOR_ATTEMPTS);
        // Ten team games take about three weeks; 60 days bounds the scan with room for the All-Star break.
        List<Object> params = List.of(d, d, Seasons.lookback(d), d, d.minusDays(60), Seasons.start(d), d, Seasons.lookback(d), d);
        return tx.replacePartitionFromQuery(NAME, COLUMNS, sql, params, "cache_date", d);
    }
}
