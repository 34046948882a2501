package io.nbaprops.source.bettingpros;

import io.nbaprops.source.FetchRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The BettingPros v3 requests (config source {@code bettingpros}). */
public final class BpRequests {
    public static final String SOURCE = "bettingpros";
    /** points, rebounds, assists, threes: the markets the platform predicts. */
    public static final List<Long> PROP_MARKETS = List.of(156L, 157L, 151L, 162L);

    private BpRequests() {}

    public static FetchRequest events(LocalDate date, String collection) {
        return FetchRequest.builder(SOURCE, "events", "/v3/events").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("sport", "NBA").param("date", date).param("lineups", "true").build();
    }

    /** The first page of one market's offers for the day's events; Pagination.pages walks the rest. */
    public static FetchRequest offers(LocalDate date, long marketId, List<Long> eventIds, String collection) {
        return FetchRequest.builder(SOURCE, "offers", "/v3/offers").partition(date).collection(collection)
                .expect(FetchRequest.Expect.JSON).param("sport", "NBA").param("market_id", marketId)
                .param("event_id", eventIds.stream().map(String::valueOf).collect(Collectors.joining(":")))
                .param("book_id", "null").param("limit", 10).build();
    }
}
