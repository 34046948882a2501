package io.nbaprops.engine;

import io.nbaprops.store.WriteTx;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** One date's statement(s) within a range run's transaction; returns the rows written. */
    @FunctionalInterface
    interface DateWork {
        long write(WriteTx tx, LocalDate date);
    }

    /**
     * A range built with each date's own statement: for assets whose statement is "as of" its date
     * (history windows ending the day before), where one statement for every date would not be
     * simpler. Dates run two at a time, each in its own transaction: one date's statement reads tables
     * too small for DuckDB to split across threads (one row group), so two dates use both cores. A
     * failure or cancellation leaves whole dates only, and the engine then re-runs the range date by date.
     */
    static Map<LocalDate, Long> eachDate(AssetContext ctx, List<LocalDate> dates, DateWork work) throws Exception {
        int threads = Math.min(dates.size(), Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, ctx.asset() + "-range");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<LocalDate, Future<Long>> running = new LinkedHashMap<>();
            for (LocalDate d : dates) {
                running.put(d, pool.submit(() -> ctx.write(tx -> work.write(tx, d))));
            }
            Map<LocalDate, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<LocalDate, Future<Long>> e : running.entrySet()) {
                try {
                    rows.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }
}
