package io.nbaprops.raw;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import java.util.List;

/**
 * The requests one source endpoint needs for one partition (e.g. every page of a day's games).
 * Each request must carry {@code ctx.partition()} and {@code collectionId} so the parse step can
 * find exactly this collection in the archive.
 */
@FunctionalInterface
public interface Collector {
    List<FetchResult> collect(AssetContext ctx, HttpFetcher fetcher, String collectionId);
}
