package io.nbaprops.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An asset that can also build many consecutive partitions in one run, with set-based statements
 * over the whole range (Dagster's "single-run backfill"): a season's backfill then costs a few
 * statements instead of a run, its bookkeeping and its transaction per date. The rows it leaves must
 * be exactly those of the per-date runs. If a range run fails the engine re-runs its dates one by one,
 * so a bad date fails alone and the others still succeed.
 */
public interface RangeAsset extends Asset {
    /**
     * Builds every date of {@code dates} (ascending; consecutive partitions of a backfill, each with
     * its inputs ready) in one transaction through {@link AssetContext#write}; returns rows written per date.
     */
    Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) throws Exception;
}
