package io.nbaprops.source.espn;

import io.nbaprops.identity.Teams;
import io.nbaprops.source.FetchRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The ESPN requests our collectors make: config source {@code espn} (site.api.espn.com) and {@code espn_web} (www.espn.com). */
public final class EspnRequests {
    /** ESPN's own team abbreviations where they differ from the tricode. */
    private static final Map<String, String> ABBR = Map.of("GSW", "gs", "NOP", "no", "NYK", "ny", "SAS", "sa", "UTA", "utah",
            "WAS", "wsh");

    private EspnRequests() {}

    public static String abbreviation(String tricode) {
        return ABBR.getOrDefault(tricode, tricode.toLowerCase(Locale.ROOT));
    }

    public static FetchRequest scoreboard(LocalDate date, String collection) {
        return FetchRequest.builder("espn", "scoreboard", "/apis/site/v2/sports/basketball/nba/scoreboard").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).param("dates", DateTimeFormatter.BASIC_ISO_DATE.format(date))
                .build();
    }

    public static FetchRequest boxScore(LocalDate date, String espnGameId, String collection) {
        return FetchRequest.builder("espn_web", "boxscore_html", "/nba/boxscore/_/gameId/" + espnGameId).partition(date)
                .collection(collection).expect(FetchRequest.Expect.HTML).build();
    }

    public static FetchRequest rosterPage(LocalDate date, Teams.Team team, String collection) {
        String slug = team.fullName().toLowerCase(Locale.ROOT).replace(' ', '-');
        return FetchRequest.builder("espn_web", "team_roster_html", "/nba/team/roster/_/name/" + abbreviation(team.tricode())
                        + "/" + slug).partition(date).collection(collection).expect(FetchRequest.Expect.HTML).build();
    }

    public static FetchRequest rosterApi(LocalDate date, Teams.Team team, String collection) {
        return FetchRequest.builder("espn", "team_roster_api", "/apis/site/v2/sports/basketball/nba/teams/"
                + abbreviation(team.tricode()) + "/roster").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).build();
    }
}
