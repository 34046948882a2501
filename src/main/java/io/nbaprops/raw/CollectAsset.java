package io.nbaprops.raw;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.QuotaTracker;
import io.nbaprops.store.RowBatch;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1: fetches one source endpoint for a partition into the raw archive. Writes no raw rows;
 * when the source reported its quota (The Odds API), the latest figures go to {@code source_quota}.
 */
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
        long written = 0;
        Optional<QuotaTracker.Quota> quota = fetcher == null ? Optional.empty() : fetcher.quotas().get(source);
        if (quota.isPresent()) {
            QuotaTracker.Quota q = quota.get();
            written = ctx.write(tx -> tx.upsert(RowBatch.of("source_quota", "source", "requests_remaining", "requests_used",
                    "requests_last", "observed_at", "nearly_used_up")
                    .add(q.source(), q.remaining(), q.used(), q.lastCost(), q.observedAt(), q.nearlyUsedUp())));
        }
        String msg = results.size() + " payload(s), " + bytes + " bytes archived from " + source + " " + endpoint;
        if (results instanceof CollectedPages pages && !pages.failures().isEmpty()) {
            msg += "; " + pages.failures().size() + " request(s) failed and will be retried by the next run: "
                    + String.join("; ", pages.failures().subList(0, Math.min(5, pages.failures().size())));
        }
        if (results instanceof CollectedPages pages && !pages.notes().isEmpty()) {
            msg += "; " + String.join("; ", pages.notes());
        }
        if (quota.isPresent()) {
            msg += "; quota remaining " + quota.get().remaining() + (quota.get().nearlyUsedUp() ? " (NEARLY USED UP)" : "");
        }
        return AssetResult.of(written, msg);
    }
}
