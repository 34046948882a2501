package io.nbaprops.engine;

import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/** What a running materialisation may use: its partition, the warehouse, the clock, and cancellation. */
public final class AssetContext {
    private final String asset;
    private final LocalDate partition;
    private final String runId;
    private final int attempt;
    private final String trigger;
    private final Warehouse warehouse;
    private final Clock clock;
    private final AtomicReference<String> cancelled = new AtomicReference<>();
    private volatile String progress;

    AssetContext(String asset, LocalDate partition, String runId, int attempt, String trigger, Warehouse warehouse, Clock clock) {
        this.asset = asset;
        this.partition = partition;
        this.runId = runId;
        this.attempt = attempt;
        this.trigger = trigger;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /** A context outside the engine (tools, tests of a single asset). */
    public static AssetContext standalone(String asset, LocalDate partition, Warehouse warehouse, Clock clock) {
        return new AssetContext(asset, partition, "standalone-" + java.util.UUID.randomUUID(), 1, "standalone", warehouse, clock);
    }

    public String asset() {
        return asset;
    }

    public LocalDate partition() {
        return partition;
    }

    public String runId() {
        return runId;
    }

    public int attempt() {
        return attempt;
    }

    public String trigger() {
        return trigger;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Writes through the warehouse's one write path in one transaction; if the engine cancels this run
     * (timeout) before the commit, the transaction is rolled back. Returns the rows written.
     */
    public long write(Warehouse.WriteWork work) {
        checkCancelled();
        return warehouse.write(work, this::checkCancelled);
    }

    /** Throws if the engine has cancelled this run; call it in long loops. */
    public void checkCancelled() {
        String why = cancelled.get();
        if (why != null) {
            throw new RunCancelledException(asset + " [" + partition + "] cancelled: " + why);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new RunCancelledException(asset + " [" + partition + "] interrupted");
        }
    }

    public boolean isCancelled() {
        return cancelled.get() != null;
    }

    /** Notes what the run is doing (shown with its heartbeat). */
    public void progress(String what) {
        this.progress = what;
    }

    public String progress() {
        return progress;
    }

    void cancel(String why) {
        cancelled.compareAndSet(null, why);
    }
}
