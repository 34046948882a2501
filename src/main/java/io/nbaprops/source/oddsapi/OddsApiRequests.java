package io.nbaprops.source.oddsapi;

import io.nbaprops.identity.GameKey;
import io.nbaprops.source.FetchRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The Odds API v4 requests (config source {@code odds_api}, key as the apiKey query parameter,
 * masked everywhere). Live endpoints for today's lines; historical ones (which cost 10x the quota)
 * for a past date's snapshot.
 */
public final class OddsApiRequests {
    public static final String SOURCE = "odds_api";
    /** Each market costs quota; every predicted market is bought, so each is judged against its own lines (PRA included). */
    public static final String PROP_MARKETS = "player_points,player_rebounds,player_assists,player_threes,"
            + "player_points_rebounds_assists";
    public static final String GAME_MARKETS = "h2h,spreads,totals";
    private static final String SPORT = "/v4/sports/basketball_nba";
    private static final String HISTORICAL = "/v4/historical/sports/basketball_nba";

    private OddsApiRequests() {}

    /** The US-Eastern day as a UTC window: games whose commence time falls on {@code date} in New York. */
    private static Instant[] window(LocalDate date) {
        Instant from = date.atStartOfDay(GameKey.EASTERN).toInstant();
        return new Instant[] {from, date.plusDays(1).atStartOfDay(GameKey.EASTERN).toInstant()};
    }

    private static String iso(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static FetchRequest events(LocalDate date, String collection) {
        Instant[] w = window(date);
        return FetchRequest.builder(SOURCE, "events", SPORT + "/events").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("dateFormat", "iso").param("commenceTimeFrom", iso(w[0]))
                .param("commenceTimeTo", iso(w[1])).build();
    }

    public static FetchRequest historicalEvents(LocalDate date, Instant snapshot, String collection) {
        Instant[] w = window(date);
        return FetchRequest.builder(SOURCE, "events", HISTORICAL + "/events").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("date", iso(snapshot)).param("dateFormat", "iso")
                .param("commenceTimeFrom", iso(w[0])).param("commenceTimeTo", iso(w[1])).build();
    }

    public static FetchRequest eventProps(LocalDate date, String eventId, String collection) {
        return FetchRequest.builder(SOURCE, "event_odds_props", SPORT + "/events/" + eventId + "/odds").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).param("regions", "us").param("markets", PROP_MARKETS)
                .param("oddsFormat", "american").param("dateFormat", "iso").build();
    }

    public static FetchRequest historicalEventProps(LocalDate date, String eventId, Instant snapshot, String collection) {
        return FetchRequest.builder(SOURCE, "event_odds_props", HISTORICAL + "/events/" + eventId + "/odds").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).param("date", iso(snapshot)).param("regions", "us")
                .param("markets", PROP_MARKETS).param("oddsFormat", "american").param("dateFormat", "iso").build();
    }

    /** All of a day's games with h2h/spreads/totals in one call (an array of events). */
    public static FetchRequest gameLines(LocalDate date, String collection) {
        Instant[] w = window(date);
        return FetchRequest.builder(SOURCE, "odds_game_lines", SPORT + "/odds").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("regions", "us").param("markets", GAME_MARKETS)
                .param("oddsFormat", "american").param("dateFormat", "iso").param("commenceTimeFrom", iso(w[0]))
                .param("commenceTimeTo", iso(w[1])).build();
    }

    public static FetchRequest historicalEventGameLines(LocalDate date, String eventId, Instant snapshot, String collection) {
        return FetchRequest.builder(SOURCE, "odds_game_lines", HISTORICAL + "/events/" + eventId + "/odds").partition(date)
                .collection(collection).expect(FetchRequest.Expect.JSON).param("date", iso(snapshot)).param("regions", "us")
                .param("markets", GAME_MARKETS).param("oddsFormat", "american").param("dateFormat", "iso").build();
    }
}
