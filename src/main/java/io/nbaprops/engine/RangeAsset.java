package io.nbaprops.engine;

import io.nbaprops.store.WriteTx;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    /** One date's statement(s) within a range run's transaction; returns the rows written. */
    @FunctionalInterface
    interface DateWork {
        long write(WriteTx tx, LocalDate date);
    }

    /**
     * A range built with each date's own statement, one after the other in the run's one transaction:
     * for assets whose statement is "as of" its date (history windows ending the day before), where one
     * statement for every date would not be simpler. It saves the per-date runs' bookkeeping and commits;
     * running two dates at once was slower on two cores (each statement already uses both).
     */
    static Map<LocalDate, Long> eachDate(AssetContext ctx, List<LocalDate> dates, DateWork work) {
        Map<LocalDate, Long> rows = new LinkedHashMap<>();
        ctx.write(tx -> {
            for (LocalDate d : dates) {
                ctx.checkCancelled();
                rows.put(d, work.write(tx, d));
            }
        });
        return rows;
    }

    /** Statements that write every partition from {@code from} to {@code to} at once. */
    @FunctionalInterface
    interface WholeRangeWork {
        void write(WriteTx tx, LocalDate from, LocalDate to);
    }

    /**
     * A range built by set-based statements over the whole range in one transaction; the rows written
     * per date are counted afterwards in {@code tables} (partitioned by {@code game_date}) and summed.
     */
    static Map<LocalDate, Long> wholeRange(AssetContext ctx, List<LocalDate> dates, WholeRangeWork work, String... tables) {
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(dates.size() - 1);
        Map<LocalDate, Long> rows = new LinkedHashMap<>();
        ctx.write(tx -> {
            work.write(tx, from, to);
            for (String table : tables) {
                tx.countByPartition(table, "game_date", LocalDate.class, from, to).forEach((d, n) -> rows.merge(d, n, Long::sum));
            }
        });
        return rows;
    }
}
