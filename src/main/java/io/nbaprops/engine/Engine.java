package io.nbaprops.engine;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.config.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Materialises asset partitions: checks that inputs are complete, runs one partition at a time per
 * (asset, date), records every attempt in run history, retries retryable errors with exponential
 * backoff, and enforces each asset's time budget from a sweeper thread (a warning at 80%, a timeout
 * at 100% that cancels the run so nothing it wrote is committed).
 * The parts: {@link RunLedger} (run records, partition states, events), {@link Budgets} (the sweeper),
 * {@link WaitingReasons} (readiness), {@link RangeRuns} (backfills and range runs), {@link ActiveRuns}.
 */
public final class Engine implements AutoCloseable {
    private final AssetGraph graph;
    private final RunStore store;
    private final EngineConfig cfg;
    private final PartitionCalendar calendar;
    private final Clock clock;
    private final ActiveRuns active = new ActiveRuns();
    private final RunLedger ledger;
    private final Budgets budgets;
    private final WaitingReasons waiting;
    private final RangeRuns ranges;

    public Engine(AssetGraph graph, RunStore store, EngineConfig cfg, PartitionCalendar calendar, Clock clock, String node) {
        this.graph = graph;
        this.store = store;
        this.cfg = cfg;
        this.calendar = calendar;
        this.clock = clock;
        this.ledger = new RunLedger(store, clock, node);
        this.budgets = new Budgets(cfg, ledger, active);
        this.waiting = new WaitingReasons(store, clock, active);
        this.ranges = new RangeRuns(this, graph, calendar, ledger, waiting, budgets, active);
    }

    public void addListener(EngineListener l) {
        ledger.addListener(l);
    }

    public AssetGraph graph() {
        return graph;
    }

    public RunStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    /** (asset, date) pairs running right now in this process. */
    public List<String> activeRuns() {
        return active.keys();
    }

    /** Runs every asset of {@code names} (all when empty) for one date, upstream first. */
    public RunSummary runPartition(LocalDate date, Collection<String> names, String trigger) {
        RunSummary s = new RunSummary();
        for (Asset a : graph.ordered(names)) {
            s.add(run(a.name(), date, trigger));
        }
        return s;
    }

    /**
     * Runs an asset for a date after first running its same-date upstream closure (e.g. grading a date
     * whose box scores never arrived: collect, parse, summarise, then grade), all through this engine.
     */
    public RunSummary runWithUpstream(String assetName, LocalDate date, String trigger) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(assetName));
        while (!todo.isEmpty()) {
            String a = todo.pop();
            if (closure.add(a)) {
                graph.get(a).upstream().stream().filter(d -> d.window() == Dependency.Window.SAME_DATE)
                        .forEach(d -> todo.push(d.asset()));
            }
        }
        return runPartition(date, closure, trigger);
    }

    /**
     * Runs the assets for every date of the range. Dates whose partitions already succeeded are skipped
     * unless {@code force}, so an interrupted backfill resumes where it stopped. A failing date never
     * stops the others. The backfill goes asset by asset, each {@link RangeAsset} building the whole
     * range in one run, when {@link RangeRuns#byAssetAllowed} says the set permits it; otherwise date by date.
     */
    public RunSummary backfill(LocalDate from, LocalDate to, Collection<String> names, String trigger, boolean force,
            BackfillProgress progress) {
        return ranges.backfill(from, to, names, trigger, force, progress);
    }

    /**
     * Runs one asset for many dates (ascending). A {@link RangeAsset} builds each stretch of consecutive
     * ready dates in one run; a date whose inputs are not ready waits as in {@link #run} and splits the
     * stretch; a failed range run is retried date by date. Other assets run date by date. Dates that
     * already succeeded are skipped unless {@code force}.
     */
    public RunSummary runRange(String assetName, List<LocalDate> dates, String trigger, boolean force) {
        return ranges.runRange(assetName, dates, trigger, force);
    }

    /** The partition dates (game dates) from {@code from} to {@code to}, inclusive. */
    public List<LocalDate> partitionDates(LocalDate from, LocalDate to) {
        return calendar.datesBefore(to.plusDays(1)).stream().filter(d -> !d.isBefore(from)).toList();
    }

    /** Told about each date of a backfill; the CLI draws a progress bar from it. */
    public interface BackfillProgress {
        void start(int dates);

        void dateDone(LocalDate date, RunSummary day);

        default void finish(RunSummary all) {}
    }

    /** Materialises one asset partition if its inputs are complete; idempotent while one is running. */
    public RunOutcome run(String assetName, LocalDate date, String trigger) {
        Asset asset = graph.get(assetName);
        ActiveRuns.Slot mine = active.claim(assetName, date);
        if (mine == null) {
            return new RunOutcome(assetName, date, RunStatus.ALREADY_RUNNING, 0, 0,
                    "a run of " + assetName + " [" + date + "] is already in progress", null);
        }
        boolean release = true;
        try {
            UpstreamStates upstream = UpstreamStates.live(store, calendar);
            String why = waiting.of(asset, date, trigger, upstream);
            if (why != null) {
                ledger.markWaiting(assetName, date, why);
                return new RunOutcome(assetName, date, RunStatus.WAITING, 0, 0, why, null);
            }
            // The date's states were read for readiness (nothing else runs this partition meanwhile: it is claimed).
            Attempted a = attempt(asset, date, trigger, mine, upstream.on(date).get(assetName));
            release = a.releaseLock;
            return a.outcome;
        } finally {
            if (release) {
                active.release(mine);
            }
        }
    }

    private record Attempted(RunOutcome outcome, boolean releaseLock) {}

    private Attempted attempt(Asset asset, LocalDate date, String trigger, ActiveRuns.Slot slot, PartitionState prev) {
        String name = asset.name();
        String node = ledger.node();
        Duration budget = budgets.budgetOf(asset);
        int max = Math.max(1, cfg.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            String runId = UUID.randomUUID().toString();
            Instant started = clock.instant();
            AssetContext ctx = new AssetContext(name, date, runId, attempt, trigger, store.warehouse(), clock);
            int n = attempt;
            PartitionState runningState = ledger.nextState(name, date, "RUNNING", null, runId, prev, null, null, null);
            RunningRecord running = new RunningRecord(() -> store.save(new RunRecord(runId, name, date, n, "RUNNING", trigger, node,
                    started, started, null, null, null, ctx.progress(), null, null), runningState));
            slot.begin(runId, ctx, running);
            if (cfg.runningRecordAfterMs() <= 0) {
                running.write();
            }
            long t0 = System.nanoTime();
            try {
                AssetResult r = budgets.execute(name, () -> asset.materialize(ctx), ctx, budget, List.of(slot),
                        cfg.runningRecordAfterMs() <= 0 ? null : running);
                Instant ended = clock.instant();
                store.save(new RunRecord(runId, name, date, attempt, "SUCCESS", trigger, node, started, ended, ended,
                        r.rowsWritten(), elapsedMs(t0), r.message(), null, null),
                        ledger.nextState(name, date, "SUCCESS", r.message(), runId, prev, started, ended, r.rowsWritten()), !running.end());
                RunOutcome o = new RunOutcome(name, date, RunStatus.SUCCESS, attempt, r.rowsWritten(), r.message(), runId);
                ledger.finished(o, elapsedMs(t0));
                return new Attempted(o, true);
            } catch (Throwable t) {
                Throwable cause = Failures.unwrap(t);
                Instant ended = clock.instant();
                boolean timedOut = cause instanceof AssetTimeoutException;
                boolean retry = !timedOut && Failures.isRetryable(cause) && attempt < max;
                String status = timedOut ? "TIMED_OUT" : "FAILED";
                String chain = Failures.causeChain(cause);
                String message = Secrets.mask(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
                RunRecord failed = new RunRecord(runId, name, date, attempt, status, trigger, node, started, ended, ended, 0L,
                        elapsedMs(t0), retry ? "will retry: " + message : message, cause.getClass().getName(), chain);
                boolean first = !running.end();
                if (retry) {
                    store.save(failed, null, first);
                    long backoff = backoffMillis(attempt);
                    ledger.emit("RETRY", name, date, runId, "attempt " + attempt + " of " + max + " failed (" + message
                            + "); retrying in " + backoff + " ms");
                    if (!sleep(backoff)) {
                        ledger.saveState(name, date, "FAILED", "interrupted while waiting to retry", runId, prev, null, null, null);
                        return new Attempted(new RunOutcome(name, date, RunStatus.FAILED, attempt, 0, "interrupted", runId), true);
                    }
                    continue;
                }
                store.save(failed, ledger.nextState(name, date, status, message, runId, prev, null, null, null), first);
                ledger.emit(timedOut ? "TIMEOUT" : "FAILED", name, date, runId,
                        (timedOut ? "" : "failed after " + attempt + " attempt(s): ") + message);
                RunOutcome o = new RunOutcome(name, date, timedOut ? RunStatus.TIMED_OUT : RunStatus.FAILED, attempt, 0, message, runId);
                ledger.finished(o, elapsedMs(t0));
                // A timed-out worker may still be unwinding: keep the partition locked until it has.
                return new Attempted(o, !timedOut || slot.workerDone());
            }
        }
    }

    /**
     * Marks runs whose process is gone as ABANDONED: a RUNNING row with no heartbeat for {@code silence}.
     * Embedded mode calls this at start-up with zero silence (only one process can hold the file): then every
     * RUNNING row goes, whatever its heartbeat says, since a replay clock may stand before the dead process's.
     */
    public List<RunRecord> abandonSilentRuns(Duration silence) {
        return ledger.abandonSilentRuns(silence, active);
    }

    static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private long backoffMillis(int attempt) {
        double base = cfg.initialBackoffMs() * Math.pow(2, attempt - 1);
        double capped = Math.min(base, cfg.maxBackoffMs());
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() - 0.5) * 0.5;
        return Math.max(0, Math.round(capped * jitter));
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        budgets.close();
    }
}
