package io.nbaprops.source.bdl;

import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.Seasons;
import java.time.LocalDate;

/** The balldontlie requests our collectors make (config source {@code balldontlie}, API v1). */
public final class BdlRequests {
    public static final String SOURCE = "balldontlie";

    private BdlRequests() {}

    private static FetchRequest.Builder json(String endpoint, String path, LocalDate date, String collection) {
        return FetchRequest.builder(SOURCE, endpoint, path).partition(date).collection(collection).expect(FetchRequest.Expect.JSON);
    }

    public static FetchRequest games(LocalDate date, String collection) {
        return json("games", "/v1/games", date, collection).param("dates[]", date).param("per_page", 100).build();
    }

    public static FetchRequest boxScores(LocalDate date, String collection) {
        return json("box_scores", "/v1/box_scores", date, collection).param("date", date).build();
    }

    public static FetchRequest liveBoxScores(LocalDate date, String collection) {
        return json("box_scores_live", "/v1/box_scores/live", date, collection).build();
    }

    public static FetchRequest stats(LocalDate date, String collection) {
        return json("stats", "/v1/stats", date, collection).param("dates[]", date).param("per_page", 100).build();
    }

    public static FetchRequest advancedStats(LocalDate date, String collection) {
        return json("stats_advanced", "/v1/stats/advanced", date, collection).param("dates[]", date).param("per_page", 100).build();
    }

    public static FetchRequest players(LocalDate date, String collection) {
        return json("players", "/v1/players", date, collection).param("per_page", 100).build();
    }

    public static FetchRequest activePlayers(LocalDate date, String collection) {
        return json("players_active", "/v1/players/active", date, collection).param("per_page", 100).build();
    }

    public static FetchRequest teams(LocalDate date, String collection) {
        return json("teams", "/v1/teams", date, collection).build();
    }

    public static FetchRequest injuries(LocalDate date, String collection) {
        return json("player_injuries", "/v1/player_injuries", date, collection).param("per_page", 100).build();
    }

    public static FetchRequest standings(LocalDate date, String collection) {
        return json("standings", "/v1/standings", date, collection).param("season", Seasons.startYear(date)).build();
    }

    /** One leaders list per stat type. */
    public static FetchRequest leaders(LocalDate date, String statType, String collection) {
        return json("leaders", "/v1/leaders", date, collection).param("stat_type", statType)
                .param("season", Seasons.startYear(date)).build();
    }

    public static FetchRequest seasonAverages(LocalDate date, String collection) {
        return json("season_averages", "/v1/season_averages/general", date, collection).param("season", Seasons.startYear(date))
                .param("season_type", "regular").param("type", "base").param("per_page", 100).build();
    }

    public static FetchRequest odds(LocalDate date, String collection) {
        return json("odds", "/v1/odds", date, collection).param("date", date).param("per_page", 100).build();
    }
}
