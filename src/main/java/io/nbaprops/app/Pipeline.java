package io.nbaprops.app;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.analytics.TeamGameSummaryAsset;
import io.nbaprops.analytics.UpcomingContextAsset;
import io.nbaprops.features.FeatureStoreAsset;
import io.nbaprops.features.PlayerDailyCacheAsset;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.Asset;
import io.nbaprops.grade.GradeAsset;
import io.nbaprops.predict.MovingAverageAsset;
import io.nbaprops.publish.ExportStore;
import io.nbaprops.publish.ResultsExportAsset;
import io.nbaprops.raw.CollectAsset;
import io.nbaprops.raw.ParseAsset;
import io.nbaprops.raw.ScheduleAsset;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.bdl.BdlBoxScoresParser;
import io.nbaprops.source.bdl.BdlCollectors;
import io.nbaprops.source.bdl.BdlGamesParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every asset of the platform, wired to its services. The engine orders them by their dependencies. */
public final class Pipeline {
    public static final String COLLECT_GAMES = "collect_bdl_games";
    public static final String RAW_GAMES = "raw_bdl_games";
    public static final String COLLECT_BOX_SCORES = "collect_bdl_box_scores";
    public static final String RAW_BOX_SCORES = "raw_bdl_box_scores";

    private Pipeline() {}

    public static List<Asset> assets(HttpFetcher fetcher, RawArchive archive, ExportStore exports) {
        List<Asset> all = new ArrayList<>();
        CollectAsset games = new CollectAsset(COLLECT_GAMES, BdlCollectors.SOURCE, "games", fetcher, BdlCollectors.games(), List.of());
        CollectAsset box = new CollectAsset(COLLECT_BOX_SCORES, BdlCollectors.SOURCE, "box_scores", fetcher,
                BdlCollectors.boxScores(), List.of());
        all.add(games);
        all.add(new ParseAsset(RAW_GAMES, games, new BdlGamesParser(), archive, Map.of(BdlGamesParser.TABLE, "game_date")));
        all.add(box);
        all.add(new ParseAsset(RAW_BOX_SCORES, box, new BdlBoxScoresParser(), archive,
                Map.of(BdlBoxScoresParser.GAMES, "game_date", BdlBoxScoresParser.PLAYERS, "game_date")));
        all.add(new ScheduleAsset(List.of(RAW_GAMES)));
        all.add(new PlayerGameSummaryAsset(List.of(PlayerGameSummaryAsset.balldontlie(RAW_BOX_SCORES))));
        all.add(new TeamGameSummaryAsset());
        all.add(new UpcomingContextAsset(UpcomingContextAsset.ContextInputs.none()));
        all.add(new PlayerDailyCacheAsset());
        all.add(new FeatureStoreAsset());
        all.add(new MovingAverageAsset());
        all.add(new GradeAsset());
        all.add(new ResultsExportAsset(exports));
        return all;
    }
}
