package io.nbaprops.source.bdl;

import io.nbaprops.raw.Collector;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.Pagination;
import java.util.List;

/**
 * balldontlie collectors per partition, kept for the wiring that predates
 * {@link io.nbaprops.raw.SourceAssets}; they use the same requests ({@link BdlRequests}) and the same
 * loop-refusing cursor pagination ({@link Pagination#cursor}) as the registry.
 */
public final class BdlCollectors {
    public static final String SOURCE = BdlRequests.SOURCE;

    private BdlCollectors() {}

    /** {@code GET /v1/games?dates[]=D}, every page. */
    public static Collector games() {
        return (ctx, fetcher, collection) -> paged(fetcher, BdlRequests.games(ctx.partition(), collection));
    }

    /** {@code GET /v1/box_scores?date=D}. */
    public static Collector boxScores() {
        return (ctx, fetcher, collection) -> List.of(fetcher.get(BdlRequests.boxScores(ctx.partition(), collection)));
    }

    /**
     * Follows {@code meta.next_cursor} until it is absent. A cursor seen twice, a page without
     * {@code meta}, or more pages than any real listing has, stops with an error instead of looping.
     */
    public static List<FetchResult> paged(HttpFetcher fetcher, FetchRequest first) {
        return Pagination.cursor(fetcher, first, Pagination.DEFAULT_MAX_PAGES);
    }
}
