package io.nbaprops.app;

import io.nbaprops.analytics.ContextSources;
import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.analytics.PlayerGameSummaryAsset.BoxScoreSource;
import io.nbaprops.analytics.TeamGameSummaryAsset;
import io.nbaprops.analytics.UpcomingContextAsset;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.Asset;
import io.nbaprops.features.FeatureStoreAsset;
import io.nbaprops.features.PlayerDailyCacheAsset;
import io.nbaprops.grade.GradeAsset;
import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.predict.ModelTrainingAsset;
import io.nbaprops.predict.PredictionAsset;
import io.nbaprops.predict.PredictionService;
import io.nbaprops.publish.Exports;
import io.nbaprops.publish.PicksExportAsset;
import io.nbaprops.publish.ResultsExportAsset;
import io.nbaprops.publish.StatusExportAsset;
import io.nbaprops.raw.CollectAsset;
import io.nbaprops.raw.ParseAsset;
import io.nbaprops.raw.PredictionTime;
import io.nbaprops.raw.ScheduleAsset;
import io.nbaprops.raw.ScheduleAsset.ScheduleSource;
import io.nbaprops.raw.SourceAssets;
import io.nbaprops.raw.lines.LineHistoryAsset;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.Parsers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every asset of the platform, wired to its services, for the configured source endpoints. The
 * engine orders them by their dependencies; {@link #pregame} and {@link #postgame} are the two
 * groups a game day runs (before the games, and after them).
 */
public final class Pipeline {
    /** Raw assets whose sources deliver box scores or lines only after or around the games. */
    private static final Set<String> POSTGAME_SOURCES = Set.of("bdl_box_scores", "bdl_player_box_scores", "bdl_game_adv_stats",
            "nbac_player_boxscore", "nbac_team_boxscore", "nbac_play_by_play", "nbac_gamebook_pdf", "espn_game_boxscore",
            "bigdataball_pbp", "bdl_live_box_scores");

    private final List<Asset> assets;
    private final List<String> pregame;
    private final List<String> postgame;
    private final List<String> closing;

    private Pipeline(List<Asset> assets, List<String> pregame, List<String> postgame) {
        this.assets = assets;
        this.pregame = pregame;
        this.postgame = postgame;
        this.closing = pregame.stream().filter(LineHistoryAsset::isLineAsset).toList();
    }

    public List<Asset> assets() {
        return assets;
    }

    /** Before the games: schedule, injuries, lines, context, features, model, predictions, picks, status. */
    public List<String> pregame() {
        return pregame;
    }

    /**
     * Close to each tip-off: the books' lines again (events, props, game lines and the line history), nothing else, so
     * a pick's closing-line value is measured against the book's last pre-game line while the pick keeps its own line.
     */
    public List<String> closing() {
        return closing;
    }

    /** After the games: final schedule, box scores, summaries, grades, performance, results, status. */
    public List<String> postgame() {
        return postgame;
    }

    public static Pipeline build(List<String> enabledSources, HttpFetcher fetcher, RawArchive archive, Exports exports,
            PredictionService predictions) {
        return build(enabledSources, fetcher, archive, exports, predictions, PredictionTime.defaults());
    }

    /** {@code time}: when each date's picks are made (the daily plan's lead over the first tip-off). */
    public static Pipeline build(List<String> enabledSources, HttpFetcher fetcher, RawArchive archive, Exports exports,
            PredictionService predictions, PredictionTime time) {
        Set<String> enabled = new LinkedHashSet<>(enabledSources);
        for (String s : enabled) {
            if (!Parsers.names().contains(s)) {
                throw new IllegalArgumentException("pipeline.sources: unknown source '" + s + "' (known: " + Parsers.names() + ")");
            }
        }
        List<Asset> all = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        for (SourceAssets.Endpoint e : SourceAssets.endpoints(time)) {
            if (!enabled.contains(e.source())) {
                continue;
            }
            for (String dep : e.after()) {
                if (!enabled.contains(dep)) {
                    throw new IllegalArgumentException("pipeline.sources: " + e.source() + " needs " + dep + " enabled too");
                }
            }
            List<io.nbaprops.engine.Dependency> after = new ArrayList<>(e.after().stream()
                    .map(a -> io.nbaprops.engine.Dependency.same("raw_" + a)).toList());
            if (e.needsSchedule()) {
                after.add(io.nbaprops.engine.Dependency.same(ScheduleAsset.NAME));
            }
            CollectAsset c = new CollectAsset(e.collectAsset(), e.httpSource(), e.endpoint(), fetcher, e.collector(), after);
            all.add(c);
            all.add(new ParseAsset(e.parseAsset(), c, Parsers.get(e.source()), archive, e.tables(), e.options()));
            List<String> group = POSTGAME_SOURCES.contains(e.source()) ? post : pre;
            group.add(e.collectAsset());
            group.add(e.parseAsset());
        }
        List<String> propRaw = new ArrayList<>();
        for (String s : List.of("oddsa_player_props", "bp_events", "bp_player_props")) {
            if (enabled.contains(s)) {
                propRaw.add("raw_" + s);
            }
        }
        if (!propRaw.isEmpty()) {
            all.add(LineHistoryAsset.propLines(propRaw));
            pre.add("prop_line");
        }
        if (enabled.contains("oddsa_game_lines")) {
            all.add(LineHistoryAsset.gameLines(List.of("raw_oddsa_game_lines")));
            pre.add("game_line");
        }
        List<ScheduleSource> schedule = new ArrayList<>();
        if (enabled.contains("nbac_schedule_api")) {
            schedule.add(ScheduleAsset.nbaSchedule("raw_nbac_schedule_api"));
        }
        if (enabled.contains("bdl_games")) {
            schedule.add(ScheduleAsset.balldontlieGames("raw_bdl_games"));
        }
        if (enabled.contains("bdl_box_scores")) {
            schedule.add(ScheduleAsset.balldontlieBoxScores());
        }
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("pipeline.sources: no schedule source (enable nbac_schedule_api or bdl_games)");
        }
        all.add(new ScheduleAsset(schedule));
        List<BoxScoreSource> box = new ArrayList<>();
        if (enabled.contains("bdl_box_scores")) {
            box.add(PlayerGameSummaryAsset.balldontlie("raw_bdl_box_scores"));
        }
        if (enabled.contains("nbac_player_boxscore")) {
            box.add(PlayerGameSummaryAsset.nbaLeagueGameLog("raw_nbac_player_boxscore"));
        }
        if (box.isEmpty()) {
            throw new IllegalArgumentException("pipeline.sources: no box-score source (enable bdl_box_scores or nbac_player_boxscore)");
        }
        all.add(new PlayerGameSummaryAsset(box));
        all.add(new TeamGameSummaryAsset());
        all.add(new UpcomingContextAsset(ContextSources.of(enabled), time));
        all.add(new PlayerDailyCacheAsset());
        all.add(new FeatureStoreAsset());
        all.add(new ModelTrainingAsset(predictions));
        all.add(new PredictionAsset(predictions, propRaw.isEmpty() ? List.of() : List.of("prop_line"), time));
        all.add(new PicksExportAsset(exports));
        all.add(new GradeAsset());
        all.add(new PerformanceAsset());
        all.add(new ResultsExportAsset(exports));
        all.add(new StatusExportAsset(exports));
        pre.addAll(List.of(ScheduleAsset.NAME, UpcomingContextAsset.NAME, PlayerDailyCacheAsset.NAME, FeatureStoreAsset.NAME,
                ModelTrainingAsset.NAME, PredictionAsset.NAME, PicksExportAsset.NAME, StatusExportAsset.NAME));
        List<String> postAll = new ArrayList<>();
        // The schedule sources run again after the games for final statuses and scores.
        for (String n : pre) {
            if ((n.startsWith("collect_") || n.startsWith("raw_")) && (n.contains("schedule") || n.contains("bdl_games"))) {
                postAll.add(n);
            }
        }
        postAll.addAll(post);
        postAll.addAll(List.of(ScheduleAsset.NAME, PlayerGameSummaryAsset.NAME, TeamGameSummaryAsset.NAME, GradeAsset.NAME,
                PerformanceAsset.NAME, ResultsExportAsset.NAME, StatusExportAsset.NAME));
        return new Pipeline(all, List.copyOf(pre), List.copyOf(postAll));
    }
}
