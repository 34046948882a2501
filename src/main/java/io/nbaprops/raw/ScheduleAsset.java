package io.nbaprops.raw;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical schedule ({@code game}) for a date, merged from every schedule source collected:
 * NBA.com's schedule (ids, tip-off, postponements), balldontlie's games listing, and the game
 * headers of balldontlie's box scores (a game with a box score certainly took place). A game any
 * source reports final is final; one whose preferred source says postponed stays postponed, which
 * excludes it from every expected count. A rescheduled game has another date, hence another key.
 */
public final class ScheduleAsset implements Asset {
    public static final String NAME = "schedule";

    /** One schedule source: its raw asset and a SELECT of (game_key, game_date, season, home_team, away_team, tip_off,
     *  status in final/postponed/in_progress/scheduled, home_score, away_score, bdl_game_id, nba_game_id) for one date (one ?). */
    public record ScheduleSource(String name, String rawAsset, int priority, String sql) {}

    private final List<ScheduleSource> sources;

    public ScheduleAsset(List<ScheduleSource> sources) {
        this.sources = List.copyOf(sources);
    }

    static final String BDL_STATUS = "CASE WHEN lower(status) LIKE 'final%' THEN 'final' WHEN lower(status) LIKE '%postpon%' THEN 'postponed' "
            + "WHEN period > 0 THEN 'in_progress' ELSE 'scheduled' END";

    public static ScheduleSource balldontlieGames(String rawAsset) {
        return new ScheduleSource("bdl_games", rawAsset, 2, "SELECT " + GameKeys.sql("game_date", "away_team", "home_team")
                + " AS game_key, game_date, season, home_team, away_team, tip_off, " + BDL_STATUS + " AS status, home_score, away_score, "
                + "game_id AS bdl_game_id, CAST(NULL AS VARCHAR) AS nba_game_id FROM bdl_game WHERE game_date = ? AND NOT coalesce(postseason, false)");
    }

    public static ScheduleSource balldontlieBoxScores() {
        return new ScheduleSource("bdl_box_scores", null, 3, "SELECT " + GameKeys.sql("game_date", "away_team", "home_team")
                + " AS game_key, game_date, season, home_team, away_team, CAST(NULL AS TIMESTAMP) AS tip_off, " + BDL_STATUS
                + " AS status, home_score, away_score, CAST(NULL AS BIGINT) AS bdl_game_id, CAST(NULL AS VARCHAR) AS nba_game_id "
                + "FROM bdl_box_score_game WHERE game_date = ?");
    }

    public static ScheduleSource nbaSchedule(String rawAsset) {
        return new ScheduleSource("nbac_schedule", rawAsset, 1, "SELECT game_key, game_date, CAST(substr(season_year, 1, 4) AS INTEGER) AS season, "
                + "home_team, away_team, tip_off, CASE WHEN coalesce(is_postponed, false) THEN 'postponed' WHEN game_status = 3 THEN 'final' "
                + "WHEN game_status = 2 THEN 'in_progress' ELSE 'scheduled' END AS status, home_score, away_score, "
                + "CAST(NULL AS BIGINT) AS bdl_game_id, game_id AS nba_game_id FROM nbac_schedule WHERE game_date = ? "
                + "AND game_id LIKE '002%'");
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
        return sources.stream().filter(s -> s.rawAsset() != null).map(s -> Dependency.same(s.rawAsset())).toList();
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        StringBuilder union = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (ScheduleSource s : sources) {
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT '").append(s.name()).append("' AS source, ").append(s.priority()).append(" AS priority, x.* FROM (")
                    .append(s.sql()).append(") x");
            params.add(ctx.partition());
        }
        String sql = "SELECT game_key, min(game_date), max(season), max(home_team), max(away_team), "
                + "coalesce(max(tip_off) FILTER (WHERE priority = 1), max(tip_off)), "
                + "CASE WHEN bool_or(status = 'final') THEN 'final' "
                + "     WHEN min(CASE WHEN status = 'postponed' THEN priority END) = min(priority) THEN 'postponed' "
                + "     WHEN bool_or(status = 'in_progress') THEN 'in_progress' ELSE 'scheduled' END, "
                + "max(home_score) FILTER (WHERE status = 'final'), max(away_score) FILTER (WHERE status = 'final'), "
                + "max(bdl_game_id), max(nba_game_id), substr(min(CAST(priority AS VARCHAR) || source), 2) "
                + "FROM (" + union + ") u GROUP BY game_key";
        List<Object> all = params;
        long n = ctx.write(tx -> tx.replacePartitionFromQuery("game", List.of("game_key", "game_date", "season", "home_team",
                "away_team", "tip_off", "status", "home_score", "away_score", "bdl_game_id", "nba_game_id", "source"),
                sql, all, "game_date", ctx.partition()));
        return AssetResult.rows(n);
    }
}
