package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.raw.Collector;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** balldontlie requests per partition. */
public final class BdlCollectors {
    public static final String SOURCE = "balldontlie";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 200;

    private BdlCollectors() {}

    /** {@code GET /v1/games?dates[]=D}, every page. */
    public static Collector games() {
        return (ctx, fetcher, collection) -> paged(fetcher, FetchRequest.builder(SOURCE, "games", "/v1/games")
                .param("dates[]", ctx.partition()).param("per_page", 100).partition(ctx.partition()).collection(collection).build());
    }

    /** {@code GET /v1/box_scores?date=D}. */
    public static Collector boxScores() {
        return (ctx, fetcher, collection) -> List.of(fetcher.get(FetchRequest.builder(SOURCE, "box_scores", "/v1/box_scores")
                .param("date", ctx.partition()).partition(ctx.partition()).collection(collection).build()));
    }

    /**
     * Follows {@code meta.next_cursor} until it is absent. A cursor seen twice, or more pages than any
     * real listing has, stops with an error instead of looping.
     */
    public static List<FetchResult> paged(io.nbaprops.source.HttpFetcher fetcher, FetchRequest first) {
        List<FetchResult> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        FetchRequest req = first;
        while (true) {
            FetchResult r = fetcher.get(req);
            pages.add(r);
            String next = nextCursor(r);
            if (next == null) {
                return pages;
            }
            if (!seen.add(next)) {
                throw new SourceException(SOURCE, r.payload().url(), r.status(), "pagination loop: cursor " + next
                        + " returned twice after " + pages.size() + " pages", false, null);
            }
            if (pages.size() >= MAX_PAGES) {
                throw new SourceException(SOURCE, r.payload().url(), r.status(), "more than " + MAX_PAGES + " pages", false, null);
            }
            req = req.withParam("cursor", next);
        }
    }

    private static String nextCursor(FetchResult r) {
        try {
            JsonNode meta = JSON.readTree(r.body()).path("meta");
            JsonNode c = meta.get("next_cursor");
            return c == null || c.isNull() || c.asText().isBlank() ? null : c.asText();
        } catch (IOException e) {
            return null; // the parse step reports a malformed body with its field path
        }
    }
}
