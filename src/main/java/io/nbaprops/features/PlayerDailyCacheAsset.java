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
 * and season averages and spreads of points and minutes, points per minute, usage, shooting.
 * One set-based statement per date (window functions), never a query per player.
 */
public final class PlayerDailyCacheAsset implements RangeAsset {
    public static final String NAME = "player_daily_cache";
    static final List<String> COLUMNS = List.of("player_lookup", "cache_date", "games_season", "games_l10", "last_game_date",
            "pts_avg_l5", "pts_avg_l10", "pts_avg_season", "pts_sd_l10", "pts_ewm", "min_avg_l5", "min_avg_l10", "min_avg_season",
            "min_sd_l10", "pts_per_min_l10", "usage_l10", "usage_season", "ts_pct_l10", "fga_per_min_l10", "starter_share_l10",
            "fg3a_share_l10", "ft_rate_l10", "fg3_pct_l10", "reb_avg_l10", "ast_avg_l10", "fg3m_avg_l10");

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

    /** Each date's own statement (its windows end the day before it), dates two at a time (RangeAsset.eachDate). */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) throws Exception {
        return RangeAsset.eachDate(ctx, dates, this::replace);
    }

    private long replace(WriteTx tx, LocalDate d) {
        String sql = """
                WITH players AS (SELECT DISTINCT player_lookup FROM upcoming_player_game_context WHERE game_date = ?),
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
                       nbp_round(avg(h.fg3m) FILTER (WHERE h.rn <= 10), 6)
                FROM players p LEFT JOIN h ON h.player_lookup = p.player_lookup
                GROUP BY p.player_lookup
                """;
        List<Object> params = List.of(d, Seasons.start(d), d, Seasons.lookback(d), d);
        return tx.replacePartitionFromQuery(NAME, COLUMNS, sql, params, "cache_date", d);
    }
}
