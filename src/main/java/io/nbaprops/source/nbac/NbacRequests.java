package io.nbaprops.source.nbac;

import io.nbaprops.identity.Teams;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.Seasons;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The NBA.com requests our collectors make. Hosts are separate config sources because NBA.com
 * spreads them over several (and blocks them separately): {@code nba_stats} (stats.nba.com),
 * {@code nba_cdn} (cdn.nba.com), {@code nba_web} (www.nba.com team pages), {@code nba_official}
 * (official.nba.com referee assignments), {@code nba_static} (the injury-report PDFs) and
 * {@code nba_statsdmz} (game-book PDFs).
 */
public final class NbacRequests {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private NbacRequests() {}

    public static FetchRequest scheduleApi(LocalDate date, String collection) {
        return FetchRequest.builder("nba_stats", "schedule_api", "/stats/scheduleleaguev2int").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("LeagueID", "00").param("Season", Seasons.label(date)).build();
    }

    public static FetchRequest scheduleCdn(LocalDate date, String collection) {
        return FetchRequest.builder("nba_cdn", "schedule_cdn", "/static/json/staticData/scheduleLeagueV2.json").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).build();
    }

    public static FetchRequest scoreboard(LocalDate date, String collection) {
        return FetchRequest.builder("nba_stats", "scoreboard_v2", "/stats/scoreboardv2").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("GameDate", date).param("LeagueID", "00").param("DayOffset", 0).build();
    }

    /** Every player's line of the day; seasonType "Regular Season", "PlayIn" or "Playoffs". */
    public static FetchRequest leagueGameLog(LocalDate date, String seasonType, String collection) {
        return FetchRequest.builder("nba_stats", "league_game_log", "/stats/leaguegamelog").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("Counter", 1000).param("DateFrom", date).param("DateTo", date)
                .param("Direction", "DESC").param("LeagueID", "00").param("PlayerOrTeam", "P")
                .param("Season", Seasons.label(date)).param("SeasonType", seasonType).param("Sorter", "DATE").build();
    }

    public static FetchRequest boxScore(LocalDate date, String gameId, String collection) {
        return FetchRequest.builder("nba_stats", "boxscore_traditional", "/stats/boxscoretraditionalv3").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).param("GameID", gameId).param("StartPeriod", 0)
                .param("EndPeriod", 0).param("StartRange", 0).param("EndRange", 0).param("RangeType", 0).build();
    }

    public static FetchRequest playByPlay(LocalDate date, String gameId, String collection) {
        return FetchRequest.builder("nba_cdn", "play_by_play", "/static/json/liveData/playbyplay/playbyplay_" + gameId + ".json")
                .partition(date).collection(collection).expect(FetchRequest.Expect.JSON).build();
    }

    public static FetchRequest playerIndex(LocalDate date, String collection) {
        return FetchRequest.builder("nba_stats", "player_index", "/stats/playerindex").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("LeagueID", "00").param("Season", Seasons.label(date)).build();
    }

    public static FetchRequest playerMovement(LocalDate date, String collection) {
        return FetchRequest.builder("nba_stats", "player_movement", "/js/data/playermovement/NBA_Player_Movement.json")
                .partition(date).collection(collection).expect(FetchRequest.Expect.JSON).build();
    }

    /** The team page holding the roster table: www.nba.com/team/{id}/{slug}. */
    public static FetchRequest teamRoster(LocalDate date, Teams.Team team, String collection) {
        String slug = switch (team.tricode()) {
            case "PHI" -> "sixers";
            case "POR" -> "blazers";
            default -> team.nickname().toLowerCase(Locale.ROOT).replace(' ', '-');
        };
        return FetchRequest.builder("nba_web", "team_roster", "/team/" + Teams.nbaId(team.tricode()) + "/" + slug)
                .partition(date).collection(collection).expect(FetchRequest.Expect.HTML).build();
    }

    public static FetchRequest refereeAssignments(LocalDate date, String collection) {
        return FetchRequest.builder("nba_official", "referee_assignments", "/wp-json/api/v1/get-game-officials")
                .partition(date).collection(collection).expect(FetchRequest.Expect.JSON).param("date", date).build();
    }

    /** The injury report published at {@code hour} (0-23, US Eastern) of {@code date}: Injury-Report_2024-01-04_12PM.pdf. */
    public static FetchRequest injuryReport(LocalDate date, int hour, String collection) {
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        String file = "Injury-Report_" + date + "_" + String.format("%02d", h12) + (hour < 12 ? "AM" : "PM") + ".pdf";
        return FetchRequest.builder("nba_static", "injury_report", "/referee/injury/" + file).partition(date)
                .collection(collection).expect(FetchRequest.Expect.PDF).build();
    }

    /** statsdmz.nba.com/pdfs/20240410/20240410_MEMCLE.pdf */
    public static FetchRequest gamebook(LocalDate date, String away, String home, String collection) {
        String d = BASIC.format(date);
        return FetchRequest.builder("nba_statsdmz", "gamebook_pdf", "/pdfs/" + d + "/" + d + "_" + away + home + ".pdf")
                .partition(date).collection(collection).expect(FetchRequest.Expect.PDF).build();
    }
}
