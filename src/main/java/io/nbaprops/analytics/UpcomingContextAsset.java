package io.nbaprops.analytics;

import io.nbaprops.raw.PredictionTime;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import io.nbaprops.store.WriteTx;
import java.time.LocalDate;
import io.nbaprops.raw.ScheduleAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For each player expected on a date (his latest appearance within {@link Seasons#lookback} was for a
 * team playing that date): the game, days of rest, back-to-back, team games in the last 7 days, travel
 * and time zones since the team's previous game, the latest injury status and absent teammates,
 * and the market (consensus points line now and at opening, spread, total) before tip-off.
 * Uses only data from before the date, so it can be built the morning of the games.
 */
public final class UpcomingContextAsset implements RangeAsset {
    public static final String NAME = "upcoming_player_game_context";
    private final List<Dependency> upstream;
    private final ContextInputs inputs;
    private final PredictionTime time;

    /**
     * Where injuries and lines come from: SQL producing (player_lookup, team, status, code, reason, reported_at)
     * for the date's latest report, and per player consensus lines; both may be empty selections.
     */
    public record ContextInputs(List<String> rawAssets, String injuriesSql, String linesSql, String gameLinesSql) {
        public static ContextInputs none() {
            return new ContextInputs(List.of(),
                    "SELECT CAST(NULL AS VARCHAR) AS player_lookup, CAST(NULL AS VARCHAR) AS team, CAST(NULL AS VARCHAR) AS status, "
                            + "0 AS code, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS TIMESTAMP) AS reported_at WHERE 1 = 0 AND ? IS NULL",
                    "SELECT CAST(NULL AS VARCHAR) AS game_key, CAST(NULL AS VARCHAR) AS player_lookup, CAST(NULL AS DOUBLE PRECISION) AS line_current, "
                            + "CAST(NULL AS DOUBLE PRECISION) AS line_opening, 0 AS books, CAST(NULL AS TIMESTAMP) AS snapshot_at "
                            + "WHERE 1 = 0 AND ? IS NULL",
                    "SELECT CAST(NULL AS VARCHAR) AS game_key, CAST(NULL AS VARCHAR) AS team, CAST(NULL AS DOUBLE PRECISION) AS spread, "
                            + "CAST(NULL AS DOUBLE PRECISION) AS total WHERE 1 = 0 AND ? IS NULL");
        }
    }

    public UpcomingContextAsset(ContextInputs inputs, PredictionTime time) {
        this.inputs = inputs;
        this.time = time;
        List<Dependency> up = new ArrayList<>();
        up.add(Dependency.same(ScheduleAsset.NAME));
        up.add(Dependency.prior(PlayerGameSummaryAsset.NAME));
        inputs.rawAssets().forEach(a -> up.add(Dependency.same(a)));
        this.upstream = List.copyOf(up);
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
        return upstream;
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        return AssetResult.rows(ctx.write(tx -> replace(tx, ctx.partition(), known(ctx, ctx.partition()))));
    }

    /** Each date's own statement (its windows end the day before it) in one run and transaction (RangeAsset.eachDate). */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) throws Exception {
        return RangeAsset.eachDate(ctx, dates, (tx, d) -> replace(tx, d, known(ctx, d)));
    }

    /** What a run now may know of the date's lines and reports (see ContextSources). */
    private java.time.Instant known(AssetContext ctx, LocalDate d) {
        return time.asOf(ctx.warehouse(), d, ctx.clock().instant());
    }

    private long replace(WriteTx tx, LocalDate d, java.time.Instant known) {
        String sql = """
                WITH known AS (SELECT CAST(? AS TIMESTAMP) AS known_at),
                todays AS (
                    SELECT game_key, game_date, home_team, away_team, tip_off FROM game WHERE game_date = ? AND status <> 'postponed'),
                sides AS (
                    SELECT game_key, game_date, tip_off, home_team AS team, away_team AS opponent, true AS is_home, home_team AS venue FROM todays
                    UNION ALL
                    SELECT game_key, game_date, tip_off, away_team, home_team, false, home_team FROM todays),
                seen AS (
                    SELECT player_lookup, player_name, team, game_date,
                           row_number() OVER (PARTITION BY player_lookup ORDER BY game_date DESC, game_key DESC) AS rn
                    FROM player_game_summary WHERE game_date < ? AND game_date >= ?),
                moves AS (
                    SELECT player_lookup, team, transaction_type, transaction_date,
                           row_number() OVER (PARTITION BY player_lookup ORDER BY transaction_date DESC, group_sort DESC) AS rn
                    FROM nbac_player_movement
                    WHERE player_lookup IS NOT NULL AND transaction_date < ? AND transaction_type IN ('Trade', 'Signing', 'Waive')),
                roster AS (
                    -- His last team, unless a trade or signing since then moved him (or a waiver released him).
                    SELECT s.player_lookup, s.player_name,
                           CASE WHEN m.transaction_date > s.game_date AND m.transaction_type <> 'Waive' AND m.team IS NOT NULL
                                THEN m.team ELSE s.team END AS team
                    FROM seen s LEFT JOIN moves m ON m.player_lookup = s.player_lookup AND m.rn = 1
                    WHERE s.rn = 1 AND NOT coalesce(m.transaction_date > s.game_date AND m.transaction_type = 'Waive', false)),
                last_played AS (
                    SELECT player_lookup, max(game_date) AS last_date FROM player_game_summary
                    WHERE played AND game_date < ? AND game_date >= ? GROUP BY player_lookup),
                team_games AS (
                    SELECT home_team AS team, game_date, home_team AS venue FROM game WHERE status <> 'postponed' AND game_date < ? AND game_date >= ?
                    UNION ALL
                    SELECT away_team, game_date, home_team FROM game WHERE status <> 'postponed' AND game_date < ? AND game_date >= ?),
                prev_game AS (
                    SELECT team, game_date, venue, row_number() OVER (PARTITION BY team ORDER BY game_date DESC) AS rn FROM team_games),
                last7 AS (SELECT team, count(*) AS n FROM team_games WHERE game_date >= ? GROUP BY team),
                injuries AS (%s),
                usage AS (
                    -- Only absent players' load is used: ranking every player's history was half the statement's time.
                    SELECT player_lookup, avg(coalesce(usage_rate, 0) * coalesce(minutes, 0) / 48.0) AS load
                    FROM (SELECT player_lookup, usage_rate, minutes,
                                 row_number() OVER (PARTITION BY player_lookup ORDER BY game_date DESC) AS rn
                          FROM player_game_summary WHERE played AND game_date < ? AND game_date >= ?
                               AND player_lookup IN (SELECT player_lookup FROM injuries WHERE code >= 3)) x
                    WHERE rn <= 10 GROUP BY player_lookup),
                absent AS (
                    SELECT r.team, i.player_lookup, coalesce(u.load, 0) AS load FROM injuries i
                    JOIN roster r ON r.player_lookup = i.player_lookup
                    LEFT JOIN usage u ON u.player_lookup = i.player_lookup WHERE i.code >= 3),
                lines AS (%s),
                game_lines AS (%s)
                SELECT s.game_key, r.player_lookup, s.game_date, r.player_name, s.team, s.opponent, s.is_home, s.tip_off,
                       lp.last_date,
                       CASE WHEN lp.last_date IS NULL THEN 10 ELSE least(10, CAST(? AS DATE) - lp.last_date) END,
                       coalesce(pg.game_date = CAST(? AS DATE), false),
                       coalesce(l7.n, 0),
                       CASE WHEN pg.venue IS NULL THEN NULL ELSE nbp_round(6371.0 * 2 * asin(sqrt(
                           power(sin(radians(a2.latitude - a1.latitude) / 2), 2)
                           + cos(radians(a1.latitude)) * cos(radians(a2.latitude))
                             * power(sin(radians(a2.longitude - a1.longitude) / 2), 2))), 1) END,
                       CASE WHEN pg.venue IS NULL THEN NULL ELSE abs(a2.utc_offset - a1.utc_offset) END,
                       coalesce(i.status, 'none'), coalesce(i.code, 0), i.reason, i.reported_at,
                       (SELECT count(*) FROM absent ab WHERE ab.team = s.team AND ab.player_lookup <> r.player_lookup),
                       (SELECT nbp_round(coalesce(sum(ab.load), 0), 6) FROM absent ab WHERE ab.team = s.team AND ab.player_lookup <> r.player_lookup),
                       nbp_round(ln.line_current, 6), nbp_round(ln.line_opening, 6), coalesce(ln.books, 0), ln.snapshot_at,
                       nbp_round(gl.spread, 6), nbp_round(gl.total, 6)
                FROM sides s
                JOIN roster r ON r.team = s.team
                LEFT JOIN last_played lp ON lp.player_lookup = r.player_lookup
                LEFT JOIN prev_game pg ON pg.team = s.team AND pg.rn = 1
                LEFT JOIN last7 l7 ON l7.team = s.team
                LEFT JOIN team_arena a1 ON a1.team = pg.venue
                JOIN team_arena a2 ON a2.team = s.venue
                LEFT JOIN injuries i ON i.player_lookup = r.player_lookup
                LEFT JOIN lines ln ON ln.game_key = s.game_key AND ln.player_lookup = r.player_lookup
                LEFT JOIN game_lines gl ON gl.game_key = s.game_key AND gl.team = s.team
                """.formatted(inputs.injuriesSql(), inputs.linesSql(), inputs.gameLinesSql());
        var lookback = Seasons.lookback(d);
        List<Object> params = List.of(known, d, d, lookback, d, d, lookback, d, lookback, d, lookback, d.minusDays(7),
                d, d, lookback, d, d, d, d.minusDays(1));
        return tx.replacePartitionFromQuery(NAME, List.of("game_key", "player_lookup", "game_date", "player_name",
                "team", "opponent", "is_home", "tip_off", "last_game_date", "days_rest", "back_to_back", "games_last_7d", "travel_km",
                "tz_crossed", "injury_status", "injury_code", "injury_reason", "injury_reported_at", "teammates_out",
                "teammates_out_usage", "line_current", "line_opening", "line_books", "line_snapshot_at", "spread", "game_total"),
                sql, params, "game_date", d);
    }
}
