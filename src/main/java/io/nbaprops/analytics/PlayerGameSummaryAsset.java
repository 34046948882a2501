package io.nbaprops.analytics;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RangeAsset;
import io.nbaprops.engine.Readiness;
import io.nbaprops.raw.ScheduleAsset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row per player per game for a date, merged from every box-score source in priority order
 * (the winner is recorded, with every source that had the player-game). Runs only when every
 * scheduled, not postponed game of the date has a final box score in at least one source.
 * Usage rate and the inferred starter flag are computed over the team in the same statement.
 */
public final class PlayerGameSummaryAsset implements RangeAsset {
    public static final String NAME = "player_game_summary";
    static final List<String> COLUMNS = List.of("game_key", "player_lookup", "game_date", "player_name", "player_id", "team",
            "opponent", "is_home", "played", "dnp_reason", "starter", "starter_inferred", "minutes", "pts", "reb", "ast", "fg3m",
            "fgm", "fga", "fg3a", "ftm", "fta", "oreb", "dreb", "stl", "blk", "tov", "pf", "usage_rate", "points_line_close",
            "source", "sources_seen");

    private final List<BoxScoreSource> sources;

    /** A box-score source: the raw asset that loads it, and a normalised SELECT of its rows for a range of dates (two ?: the first and last date). */
    public record BoxScoreSource(String name, String rawAsset, int priority, String rowsSql, String finalGamesSql) {}

    public PlayerGameSummaryAsset(List<BoxScoreSource> sources) {
        this.sources = sources.stream().sorted(java.util.Comparator.comparingInt(BoxScoreSource::priority)).toList();
    }

    /** balldontlie's box scores: the primary source. */
    public static BoxScoreSource balldontlie(String rawAsset) {
        return new BoxScoreSource("bdl_box_scores", rawAsset, 1, """
                SELECT b.game_date, b.team, b.opponent, b.is_home, b.player_lookup, b.player_name, b.player_id,
                       CAST(NULL AS BOOLEAN) AS starter, CAST(NULL AS VARCHAR) AS dnp_reason, b.minutes, b.pts, b.reb, b.ast,
                       b.fg3m, b.fgm, b.fga, b.fg3a, b.ftm, b.fta, b.oreb, b.dreb, b.stl, b.blk, b.turnover AS tov, b.pf
                FROM bdl_box_score_player b WHERE b.game_date BETWEEN ? AND ?""",
                "SELECT game_date, home_team FROM bdl_box_score_game WHERE game_date = ? AND lower(status) LIKE 'final%'");
    }

    /** NBA.com's league game log (players who played only): the fallback when balldontlie lacks a game. */
    public static BoxScoreSource nbaLeagueGameLog(String rawAsset) {
        return new BoxScoreSource("nbac_player_boxscore", rawAsset, 2, """
                SELECT n.game_date, n.team, n.opponent, n.is_home, n.player_lookup, n.player_name, n.player_id,
                       CAST(NULL AS BOOLEAN) AS starter, CAST(NULL AS VARCHAR) AS dnp_reason, n.minutes, n.pts, n.reb, n.ast,
                       n.fg3m, n.fgm, n.fga, n.fg3a, n.ftm, n.fta, n.oreb, n.dreb, n.stl, n.blk, n.turnover AS tov, n.pf
                FROM nbac_player_game_log n WHERE n.game_date BETWEEN ? AND ?""",
                "SELECT game_date, CASE WHEN is_home THEN team ELSE opponent END AS home_team FROM nbac_player_game_log "
                        + "WHERE game_date = ? GROUP BY game_date, CASE WHEN is_home THEN team ELSE opponent END");
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
        List<Dependency> up = new ArrayList<>();
        up.add(Dependency.same(ScheduleAsset.NAME));
        sources.forEach(s -> up.add(Dependency.same(s.rawAsset())));
        return up;
    }

    @Override
    public Readiness readiness(AssetContext ctx) {
        String finals = sources.stream().map(BoxScoreSource::finalGamesSql).collect(Collectors.joining(" UNION "));
        List<Object> params = new ArrayList<>();
        params.add(ctx.partition());
        sources.forEach(s -> params.add(ctx.partition()));
        List<String> missing = ctx.warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery("SELECT g.game_key FROM game g WHERE g.game_date = ? AND g.status <> 'postponed' "
                    + "AND NOT EXISTS (SELECT 1 FROM (" + finals + ") f WHERE f.game_date = g.game_date AND f.home_team = g.home_team) "
                    + "ORDER BY g.game_key");
            for (int i = 0; i < params.size(); i++) {
                q.bind(i, params.get(i));
            }
            return q.mapTo(String.class).list();
        });
        return missing.isEmpty() ? Readiness.ok()
                : Readiness.waitingFor("final box scores of " + missing.size() + " game(s): " + String.join(", ", missing));
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        var d = ctx.partition();
        return AssetResult.rows(ctx.write(tx -> tx.replacePartitionFromQuery(NAME, COLUMNS, sql(), params(d, d), "game_date", d)));
    }

    /** A season's summaries in one statement (a backfill): the same rows as each date's run. */
    @Override
    public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) {
        return RangeAsset.wholeRange(ctx, dates, (tx, from, to) -> tx.replaceRangeFromQuery(NAME, COLUMNS, sql(), params(from, to),
                "game_date", from, to), NAME);
    }

    private List<Object> params(LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        sources.forEach(s -> {
            params.add(from);
            params.add(to);
        });
        params.add(from);
        params.add(to);
        return params;
    }

    private String sql() {
        StringBuilder union = new StringBuilder();
        for (BoxScoreSource s : sources) {
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT '").append(s.name()).append("' AS source, ").append(s.priority()).append(" AS priority, r.* FROM (")
                    .append(s.rowsSql()).append(") r");
        }
        return """
                WITH candidates AS (%s),
                ranked AS (
                    SELECT c.*, g.game_key,
                           row_number() OVER (PARTITION BY g.game_key, c.player_lookup ORDER BY c.priority) AS pick,
                           string_agg(c.source, ',') OVER (PARTITION BY g.game_key, c.player_lookup) AS seen
                    FROM candidates c
                    JOIN game g ON g.game_date = c.game_date
                     AND g.home_team = CASE WHEN c.is_home THEN c.team ELSE c.opponent END
                    WHERE g.status <> 'postponed' AND g.game_date BETWEEN ? AND ?),
                won AS (SELECT * FROM ranked WHERE pick = 1),
                team AS (
                    SELECT game_key, team, sum(coalesce(minutes, 0)) AS mp, sum(coalesce(fga, 0)) AS fga,
                           sum(coalesce(fta, 0)) AS fta, sum(coalesce(tov, 0)) AS tov, bool_or(starter IS NOT NULL) AS has_starters
                    FROM won GROUP BY game_key, team),
                minutes_rank AS (
                    SELECT game_key, player_lookup,
                           row_number() OVER (PARTITION BY game_key, team ORDER BY coalesce(minutes, 0) DESC, player_lookup) AS mrank
                    FROM won)
                SELECT w.game_key, w.player_lookup, w.game_date, w.player_name, w.player_id, w.team, w.opponent, w.is_home,
                       coalesce(w.minutes, 0) > 0,
                       CASE WHEN coalesce(w.minutes, 0) > 0 THEN NULL ELSE coalesce(w.dnp_reason, 'DNP') END,
                       CASE WHEN t.has_starters THEN coalesce(w.starter, false) ELSE m.mrank <= 5 AND coalesce(w.minutes, 0) > 0 END,
                       NOT t.has_starters,
                       w.minutes, w.pts, w.reb, w.ast, w.fg3m, w.fgm, w.fga, w.fg3a, w.ftm, w.fta, w.oreb, w.dreb, w.stl, w.blk,
                       w.tov, w.pf,
                       CASE WHEN coalesce(w.minutes, 0) > 0 AND t.fga + 0.44 * t.fta + t.tov > 0 THEN
                           nbp_round(100.0 * (coalesce(w.fga, 0) + 0.44 * coalesce(w.fta, 0) + coalesce(w.tov, 0)) * (t.mp / 5.0)
                                 / (w.minutes * (t.fga + 0.44 * t.fta + t.tov)), 2) END,
                       CAST(NULL AS DOUBLE PRECISION),
                       w.source, w.seen
                FROM won w
                JOIN team t ON t.game_key = w.game_key AND t.team = w.team
                JOIN minutes_rank m ON m.game_key = w.game_key AND m.player_lookup = w.player_lookup
                """.formatted(union);
    }
}
