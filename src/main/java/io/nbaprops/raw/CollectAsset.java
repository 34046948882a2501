package io.nbaprops.raw;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import java.util.List;

/** Phase 1: fetches one source endpoint for a partition into the raw archive. Writes no table rows. */
public final class CollectAsset implements Asset {
    private final String name;
    private final String source;
    private final String endpoint;
    private final HttpFetcher fetcher;
    private final Collector collector;
    private final List<Dependency> upstream;

    public CollectAsset(String name, String source, String endpoint, HttpFetcher fetcher, Collector collector,
            List<Dependency> upstream) {
        this.name = name;
        this.source = source;
        this.endpoint = endpoint;
        this.fetcher = fetcher;
        this.collector = collector;
        this.upstream = List.copyOf(upstream);
    }

    public String source() {
        return source;
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Phase phase() {
        return Phase.COLLECT;
    }

    @Override
    public List<Dependency> upstream() {
        return upstream;
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        // The run id names the collection, so the parse step reads this fetch and not an older one.
        List<FetchResult> results = collector.collect(ctx, fetcher, ctx.runId());
        long bytes = results.stream().mapToLong(r -> r.body().length).sum();
        return AssetResult.of(0, results.size() + " payload(s), " + bytes + " bytes archived from " + source + " " + endpoint);
    }
}
