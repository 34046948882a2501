package io.nbaprops.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who writes which table in this process, and what the last difference writes left there (see
 * {@link WriteTx#replacePartitionByDifference}, {@link WriteTx#upsertByDifference}).
 *
 * <p>Every write transaction "begins" a table when it first writes it, before any of its statements on it: the table
 * gets the next tick of one clock and one more writer in flight; the transaction's end takes it off. A transaction
 * that uses the raw handle begins every table. A difference write trusts what it remembers of a table (its rows as
 * of the tick its transaction began the table) only when nobody began the table since that tick and nobody else
 * is writing it now; and its own transaction commits only if nobody began the table while it ran (else it is
 * refused as a write conflict and runs again, then in full). What it remembers is kept only if it was the table's
 * only writer from its beginning to its commit. So a remembered partition is exactly what the table holds, or it
 * is not used: never a guess.
 */
final class TableWriters {
    /** What a difference write left in one slot of a table: its columns, its rows by key, and the tick it began at. */
    record Remembered(List<String> columns, Map<List<Object>, Object[]> rows, long tick) {}

    private long clock;
    private final Map<String, Long> lastBegun = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private long anyLastBegun;
    private int anyInFlight;
    private final Map<String, LinkedHashMap<String, Remembered>> remembered = new HashMap<>();

    /** A transaction's first write to {@code table}: its tick, and whether nobody else was writing the table then. */
    record Begun(long tick, boolean alone, long previousTick) {}

    synchronized Begun begin(String table) {
        long previous = Math.max(lastBegun.getOrDefault(table, 0L), anyLastBegun);
        boolean alone = inFlight.getOrDefault(table, 0) == 0 && anyInFlight == 0;
        long tick = ++clock;
        lastBegun.put(table, tick);
        inFlight.merge(table, 1, Integer::sum);
        return new Begun(tick, alone, previous);
    }

    /** A transaction's first use of the raw handle: it may write any table. */
    synchronized long beginAny() {
        anyLastBegun = ++clock;
        anyInFlight++;
        return anyLastBegun;
    }

    /** Whether anybody began {@code table} after {@code tick} (the tick this transaction began it at). */
    synchronized boolean begunSince(String table, long tick) {
        return lastBegun.getOrDefault(table, 0L) > tick || anyLastBegun > tick;
    }

    /**
     * The rows remembered in {@code slot} of {@code table}, if they are still what the table holds for a transaction
     * that began the table as {@code begun}: nobody else began it since they were written, nobody else writes it now.
     */
    synchronized Remembered recall(String table, String slot, Begun begun) {
        LinkedHashMap<String, Remembered> slots = remembered.get(table);
        Remembered r = slots == null ? null : slots.get(slot);
        if (r == null || !begun.alone() || begun.previousTick() != r.tick()) {
            return null;
        }
        return r;
    }

    /**
     * A transaction ends. {@code keep}: slots it wrote by difference, with what they now hold, kept only if it committed
     * ({@code committed}), used no raw handle, and was each table's only writer from its beginning to now.
     */
    synchronized void end(Map<String, Begun> begun, boolean any, boolean committed, Map<String, Map<String, Remembered>> keep) {
        for (var e : keep.entrySet()) {
            String table = e.getKey();
            Begun b = begun.get(table);
            boolean sole = committed && !any && b != null && b.alone() && lastBegun.getOrDefault(table, 0L) == b.tick()
                    && inFlight.getOrDefault(table, 0) == 1 && anyInFlight == 0 && anyLastBegun < b.tick();
            LinkedHashMap<String, Remembered> slots = remembered.computeIfAbsent(table, t -> new LinkedHashMap<>());
            for (var s : e.getValue().entrySet()) {
                slots.remove(s.getKey());
                if (sole) {
                    slots.put(s.getKey(), s.getValue());
                }
            }
        }
        for (String table : begun.keySet()) {
            inFlight.merge(table, -1, Integer::sum);
        }
        if (any) {
            anyInFlight--;
        }
        dropStale();
    }

    /**
     * Forgets slots nobody can use any more (their table was begun by someone after them): what is kept is at most the
     * slots of each table's last transaction, so a season's partitions do not accumulate.
     */
    private void dropStale() {
        List<String> empty = new ArrayList<>();
        remembered.forEach((table, slots) -> {
            long last = Math.max(lastBegun.getOrDefault(table, 0L), anyLastBegun);
            slots.values().removeIf(r -> !Objects.equals(r.tick(), last));
            if (slots.isEmpty()) {
                empty.add(table);
            }
        });
        empty.forEach(remembered::remove);
    }
}
