package io.nbaprops.features;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.analytics.Seasons;
import io.nbaprops.analytics.TeamGameSummaryAsset;
import io.nbaprops.analytics.UpcomingContextAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import io.nbaprops.store.WriteTx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature vector per expected player-game of a date ({@link FeatureCatalog}), from the context,
 * the player's rolling form, and both teams' last 10 games; all strictly before the date. One SQL
 * statement per date. Each vector carries the feature version and a quality score (history behind it).
 */
public final class FeatureStoreAsset implements RangeAsset {
    public static final String NAME = "feature_store";

    /**
     * The SQL expression of each feature over the aliases c (context), p (cache), tm/op (team/opponent form), lg, ha
     * (league home/away), vs, x (expected minutes given who is out) and att (the expected rotation's attempts).
     */
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        e("pts_avg_l5", "p.pts_avg_l5");
        e("pts_avg_l10", "p.pts_avg_l10");
        e("pts_avg_season", "p.pts_avg_season");
        e("pts_sd_l10", "p.pts_sd_l10");
        e("pts_ewm", "p.pts_ewm");
        e("pts_trend", "p.pts_avg_l5 - p.pts_avg_season");
        e("min_avg_l5", "p.min_avg_l5");
        e("min_avg_l10", "p.min_avg_l10");
        e("min_sd_l10", "p.min_sd_l10");
        e("pts_per_min_l10", "p.pts_per_min_l10");
        e("usage_l10", "p.usage_l10");
        e("ts_pct_l10", "p.ts_pct_l10");
        e("fga_per_min_l10", "p.fga_per_min_l10");
        e("starter_share_l10", "p.starter_share_l10");
        e("days_rest", "c.days_rest");
        e("back_to_back", "CASE WHEN c.back_to_back THEN 1.0 ELSE 0.0 END");
        e("games_last_7d", "c.games_last_7d");
        e("travel_km", "c.travel_km");
        e("tz_crossed", "c.tz_crossed");
        e("opp_def_rating_l10", "op.def_rating");
        e("opp_pace_l10", "op.pace");
        e("opp_fg3a_rate_allowed_l10", "op.fg3a_rate_allowed");
        e("opp_fta_rate_allowed_l10", "op.fta_rate_allowed");
        e("opp_fg2_pct_allowed_l10", "op.fg2_pct_allowed");
        e("zone_mismatch", "p.fg3a_share_l10 * (op.fg3a_rate_allowed - lg.fg3a_rate_allowed)"
                + " + p.ft_rate_l10 * (op.fta_rate_allowed - lg.fta_rate_allowed)"
                + " + (1 - p.fg3a_share_l10) * (op.fg2_pct_allowed - lg.fg2_pct_allowed)");
        e("fg3a_share_l10", "p.fg3a_share_l10");
        e("ft_rate_l10", "p.ft_rate_l10");
        e("fg3_pct_l10", "p.fg3_pct_l10");
        e("is_home", "CASE WHEN c.is_home THEN 1.0 ELSE 0.0 END");
        e("team_pace_l10", "tm.pace");
        e("team_off_rating_l10", "tm.off_rating");
        e("teammates_out", "c.teammates_out");
        e("teammates_out_usage", "c.teammates_out_usage");
        e("injury_status", "c.injury_code");
        e("line_current", "c.line_current");
        e("line_opening", "c.line_opening");
        e("line_move", "c.line_current - c.line_opening");
        e("has_line", "CASE WHEN c.line_current IS NULL THEN 0.0 ELSE 1.0 END");
        e("spread", "c.spread");
        e("game_total", "c.game_total");
        e("implied_team_total", "c.game_total / 2 - c.spread / 2");
        e("vs_opp_pts_avg", "vs.pts");
        e("vs_opp_games", "coalesce(vs.n, 0)");
        e("reb_avg_l10", "p.reb_avg_l10");
        e("ast_avg_l10", "p.ast_avg_l10");
        e("fg3m_avg_l10", "p.fg3m_avg_l10");
        e("pts_ewm_long", "p.pts_ewm_long");
        e("min_ewm", "p.min_ewm");
        e("fga_per_min_ewm", "p.fga_per_min_ewm");
        e("pts_per_fga_shrunk", "p.pts_per_fga_shrunk");
        e("played_share_l10", "p.played_share_l10");
        e("teammates_out_minutes", "x.out_min - CASE WHEN x.is_out THEN coalesce(x.own_out, 0) ELSE 0 END");
        e("teammates_back_minutes", "x.back_min - CASE WHEN x.is_out THEN 0 ELSE coalesce(x.own_back, 0) END");
        e("min_expected", "x.min_expected");
        e("team_fga_factor", "tm.fga / nullif(att.rotation_fga, 0)");
        e("pts_projection", "x.min_expected * p.fga_per_min_ewm * tm.fga / nullif(att.rotation_fga, 0) * p.pts_per_fga_shrunk"
                + " * coalesce(op.def_rating / lg.def_rating, 1.0) * coalesce(op.pace / lg.pace, 1.0)"
                + " * coalesce(CASE WHEN c.is_home THEN ha.home ELSE ha.away END, 1.0)");
    }

    /**
     * Minutes a rotation player is assumed to have room to grow into when teammates are missing: freed minutes go
     * to those playing less than this (coaches stretch the bench before pushing starters past ~36 minutes).
     */
    static final int ROOM_MINUTES = 36;

    private static void e(String name, String sql) {
        EXPRESSIONS.put(name, sql);
    }

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
        return List.of(Dependency.same(UpcomingContextAsset.NAME), Dependency.same(PlayerDailyCacheAsset.NAME),
                Dependency.prior(TeamGameSummaryAsset.NAME), Dependency.prior(PlayerGameSummaryAsset.NAME));
    }

    static String selectSql() {
        StringBuilder features = new StringBuilder();
        for (String name : FeatureCatalog.names()) {
            String expr = EXPRESSIONS.get(name);
            if (expr == null) {
                throw new IllegalStateException("feature " + name + " has no SQL expression");
            }
            // Rounded so a recomputation is bit-identical whatever order parallel aggregation summed in.
            features.append(",\n       nbp_round(").append(expr).append(", 6)");
        }
        return """
                WITH c AS (SELECT * FROM upcoming_player_game_context WHERE game_date = ?),
                p AS (SELECT * FROM player_daily_cache WHERE cache_date = ?),
                tg AS (SELECT t.*, row_number() OVER (PARTITION BY team ORDER BY game_date DESC, game_key DESC) AS rn
                       FROM team_game_summary t WHERE game_date < ? AND game_date >= ?),
                -- Averages of exact decimals: a double average depends on the order rows are summed in (a range run or a
                -- parallel scan changes it), which flipped a rounded zone_mismatch in the walk-forward leakage test.
                form AS (SELECT team, avg(CAST(def_rating AS DECIMAL(18, 9))) AS def_rating,
                                avg(CAST(off_rating AS DECIMAL(18, 9))) AS off_rating, avg(CAST(pace AS DECIMAL(18, 9))) AS pace,
                                avg(CAST(fga AS DECIMAL(18, 9))) AS fga, avg(CAST(opp_fg3a_rate AS DECIMAL(18, 9))) AS fg3a_rate_allowed,
                                avg(CAST(opp_fta_rate AS DECIMAL(18, 9))) AS fta_rate_allowed,
                                avg(CAST(opp_fg2_pct AS DECIMAL(18, 9))) AS fg2_pct_allowed
                         FROM tg WHERE rn <= 10 GROUP BY team),
                lg AS (SELECT avg(CAST(fg3a_rate_allowed AS DECIMAL(18, 9))) AS fg3a_rate_allowed,
                              avg(CAST(fta_rate_allowed AS DECIMAL(18, 9))) AS fta_rate_allowed,
                              avg(CAST(fg2_pct_allowed AS DECIMAL(18, 9))) AS fg2_pct_allowed,
                              avg(CAST(def_rating AS DECIMAL(18, 9))) AS def_rating, avg(CAST(pace AS DECIMAL(18, 9))) AS pace FROM form),
                ha AS (SELECT avg(off_rating) FILTER (WHERE is_home) / nullif(avg(off_rating), 0) AS home,
                              avg(off_rating) FILTER (WHERE NOT is_home) / nullif(avg(off_rating), 0) AS away FROM tg WHERE rn <= 10),
                -- Who is out, what they had been playing, and how the freed minutes and shots are shared (see pts_projection).
                -- Exact decimals for the team sums: doubles summed in another row order (a table rewritten by a range run)
                -- differ in the last bit, and a half-way value like 32.753447 * 0.5 then rounds the other way.
                pl AS (SELECT c.game_key, c.team, c.player_lookup, c.injury_code >= 3 AS is_out,
                              CAST(p.min_ewm AS DECIMAL(18, 6)) AS min_ewm, p.fga_per_min_ewm,
                              CAST(coalesce(p.played_share_l10, 1.0) AS DECIMAL(18, 6)) AS present
                       FROM c LEFT JOIN p ON p.player_lookup = c.player_lookup),
                rot AS (SELECT game_key, team,
                               coalesce(sum(min_ewm * present) FILTER (WHERE is_out), 0) AS out_min,
                               coalesce(sum(min_ewm * (1 - present)) FILTER (WHERE NOT is_out), 0) AS back_min,
                               sum(greatest(0, %1$d - min_ewm)) FILTER (WHERE NOT is_out) AS room
                        FROM pl GROUP BY game_key, team),
                x AS (SELECT pl.game_key, pl.player_lookup, pl.team, pl.is_out, pl.fga_per_min_ewm, r.out_min, r.back_min,
                             pl.min_ewm * pl.present AS own_out, pl.min_ewm * (1 - pl.present) AS own_back,
                             pl.min_ewm + (r.out_min - r.back_min) * greatest(0, %1$d - pl.min_ewm) / nullif(r.room, 0) AS min_expected
                      FROM pl JOIN rot r ON r.game_key = pl.game_key AND r.team = pl.team),
                att AS (SELECT game_key, team, sum(CAST(fga_per_min_ewm * min_expected AS DECIMAL(38, 12))) FILTER (WHERE NOT is_out) AS rotation_fga
                        FROM x GROUP BY game_key, team),
                vs AS (SELECT player_lookup, opponent, avg(pts) AS pts, count(*) AS n FROM player_game_summary
                       WHERE played AND game_date < ? AND game_date >= ? GROUP BY player_lookup, opponent)
                SELECT c.game_key, c.player_lookup, c.game_date, c.team, c.opponent, ?,
                       least(1.0, coalesce(p.games_l10, 0) / 10.0), coalesce(p.games_season, 0)""".formatted(ROOM_MINUTES) + features
                // Last, as in the table: why the date's vectors are degraded (a point-in-time gap), or null.
                + ",\n       (SELECT min(g.source || ': ' || g.reason) FROM point_in_time_gap g WHERE g.game_date = c.game_date)" + """

                FROM c
                LEFT JOIN p ON p.player_lookup = c.player_lookup
                LEFT JOIN form tm ON tm.team = c.team
                LEFT JOIN form op ON op.team = c.opponent
                CROSS JOIN lg
                LEFT JOIN vs ON vs.player_lookup = c.player_lookup AND vs.opponent = c.opponent
                LEFT JOIN x ON x.game_key = c.game_key AND x.player_lookup = c.player_lookup
                LEFT JOIN att ON att.game_key = c.game_key AND att.team = c.team
                CROSS JOIN ha
                """;
    }

    static List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("game_key", "player_lookup", "game_date", "team", "opponent", "feature_version",
                "quality", "history_games"));
        cols.addAll(FeatureCatalog.names());
        // Why the date's vectors are degraded (a point-in-time gap of a source they read), or null.
        cols.add("degraded");
        return cols;
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        return AssetResult.rows(ctx.write(tx -> replace(tx, ctx.partition())));
    }

    /** Each date's own statement (its windows end the day before it) in one run and transaction (RangeAsset.eachDate). */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) throws Exception {
        return RangeAsset.eachDate(ctx, dates, FeatureStoreAsset::replace);
    }

    private static long replace(WriteTx tx, LocalDate d) {
        List<Object> params = List.of(d, d, d, Seasons.lookback(d), d, Seasons.start(d), FeatureCatalog.VERSION);
        return tx.replacePartitionFromQuery(NAME, columns(), selectSql(), params, "game_date", d);
    }
}
