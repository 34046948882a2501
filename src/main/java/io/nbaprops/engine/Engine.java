package io.nbaprops.engine;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.config.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materialises asset partitions: checks that inputs are complete, runs one partition at a time per
 * (asset, date), records every attempt in run history, retries retryable errors with exponential
 * backoff, and enforces each asset's time budget from a sweeper thread (a warning at 80%, a timeout
 * at 100% that cancels the run so nothing it wrote is committed).
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final int MAX_ERROR_CHARS = 4000;

    private final AssetGraph graph;
    private final RunStore store;
    private final EngineConfig cfg;
    private final PartitionCalendar calendar;
    private final Clock clock;
    private final String node;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final ConcurrentMap<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

    public Engine(AssetGraph graph, RunStore store, EngineConfig cfg, PartitionCalendar calendar, Clock clock, String node) {
        this.graph = graph;
        this.store = store;
        this.cfg = cfg;
        this.calendar = calendar;
        this.clock = clock;
        this.node = node;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "engine-run-" + n.incrementAndGet()));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "engine-sweeper"));
        long hb = Math.max(1, cfg.heartbeatSeconds());
        sweeper.scheduleAtFixedRate(this::beat, hb, hb, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void addListener(EngineListener l) {
        listeners.add(l);
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
        return List.copyOf(active.keySet());
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
     * Runs the assets for every date of the range in date order. Dates whose partitions already
     * succeeded are skipped unless {@code force}, so an interrupted backfill resumes where it stopped.
     * A failing date never stops the others.
     */
    public RunSummary backfill(LocalDate from, LocalDate to, Collection<String> names, String trigger, boolean force,
            BackfillProgress progress) {
        RunSummary all = new RunSummary();
        List<LocalDate> dates = from.datesUntil(to.plusDays(1)).toList();
        if (progress != null) {
            progress.start(dates.size());
        }
        for (LocalDate d : dates) {
            RunSummary day = new RunSummary();
            for (Asset a : graph.ordered(names)) {
                if (!force && store.state(a.name(), d).map(s -> s.state().equals("SUCCESS")).orElse(false)) {
                    continue;
                }
                day.add(run(a.name(), d, trigger));
            }
            all.addAll(day);
            if (progress != null) {
                progress.dateDone(d, day);
            }
        }
        if (progress != null) {
            progress.finish(all);
        }
        return all;
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
        String key = assetName + "|" + date;
        ActiveRun mine = new ActiveRun(assetName, date);
        if (active.putIfAbsent(key, mine) != null) {
            return new RunOutcome(assetName, date, RunStatus.ALREADY_RUNNING, 0, 0,
                    "a run of " + assetName + " [" + date + "] is already in progress", null);
        }
        boolean release = true;
        try {
            String waiting = upstreamWaiting(asset, date);
            if (waiting == null) {
                waiting = ownReadiness(asset, date, trigger);
            }
            if (waiting != null) {
                markWaiting(assetName, date, waiting);
                return new RunOutcome(assetName, date, RunStatus.WAITING, 0, 0, waiting, null);
            }
            Attempted a = attempt(asset, date, trigger, mine);
            release = a.releaseLock;
            return a.outcome;
        } finally {
            if (release) {
                active.remove(key, mine);
            }
        }
    }

    private record Attempted(RunOutcome outcome, boolean releaseLock) {}

    private Attempted attempt(Asset asset, LocalDate date, String trigger, ActiveRun slot) {
        String name = asset.name();
        Duration budget = asset.budget() != null ? asset.budget() : cfg.budgetFor(name);
        int max = Math.max(1, cfg.maxAttempts());
        for (int attempt = 1; ; attempt++) {
            String runId = UUID.randomUUID().toString();
            Instant started = clock.instant();
            AssetContext ctx = new AssetContext(name, date, runId, attempt, trigger, store.warehouse(), clock);
            slot.begin(runId, ctx);
            PartitionState prev = store.state(name, date).orElse(null);
            store.save(new RunRecord(runId, name, date, attempt, "RUNNING", trigger, node, started, started, null, null, null,
                    ctx.progress(), null, null), nextState(name, date, "RUNNING", null, runId, prev, null, null, null));
            long t0 = System.nanoTime();
            try {
                AssetResult r = execute(asset, ctx, budget, slot);
                Instant ended = clock.instant();
                store.save(new RunRecord(runId, name, date, attempt, "SUCCESS", trigger, node, started, ended, ended,
                        r.rowsWritten(), elapsedMs(t0), r.message(), null, null),
                        nextState(name, date, "SUCCESS", r.message(), runId, prev, started, ended, r.rowsWritten()));
                RunOutcome o = new RunOutcome(name, date, RunStatus.SUCCESS, attempt, r.rowsWritten(), r.message(), runId);
                finished(o, t0);
                return new Attempted(o, true);
            } catch (Throwable t) {
                Throwable cause = unwrap(t);
                Instant ended = clock.instant();
                boolean timedOut = cause instanceof AssetTimeoutException;
                boolean retry = !timedOut && isRetryable(cause) && attempt < max;
                String status = timedOut ? "TIMED_OUT" : "FAILED";
                String chain = causeChain(cause);
                String message = Secrets.mask(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
                RunRecord failed = new RunRecord(runId, name, date, attempt, status, trigger, node, started, ended, ended, 0L,
                        elapsedMs(t0), retry ? "will retry: " + message : message, cause.getClass().getName(), chain);
                if (retry) {
                    store.saveRun(failed);
                    long backoff = backoffMillis(attempt);
                    emit("RETRY", name, date, runId, "attempt " + attempt + " of " + max + " failed (" + message
                            + "); retrying in " + backoff + " ms");
                    if (!sleep(backoff)) {
                        saveState(name, date, "FAILED", "interrupted while waiting to retry", runId, prev, null, null, null);
                        return new Attempted(new RunOutcome(name, date, RunStatus.FAILED, attempt, 0, "interrupted", runId), true);
                    }
                    continue;
                }
                store.save(failed, nextState(name, date, status, message, runId, prev, null, null, null));
                emit(timedOut ? "TIMEOUT" : "FAILED", name, date, runId,
                        (timedOut ? "" : "failed after " + attempt + " attempt(s): ") + message);
                RunOutcome o = new RunOutcome(name, date, timedOut ? RunStatus.TIMED_OUT : RunStatus.FAILED, attempt, 0, message, runId);
                finished(o, t0);
                // A timed-out worker may still be unwinding: keep the partition locked until it has.
                return new Attempted(o, !timedOut || slot.workerDone());
            }
        }
    }

    private AssetResult execute(Asset asset, AssetContext ctx, Duration budget, ActiveRun slot) throws Throwable {
        CompletableFuture<AssetResult> result = new CompletableFuture<>();
        String key = asset.name() + "|" + ctx.partition();
        Future<?> worker = workers.submit(() -> {
            try {
                result.complete(asset.materialize(ctx));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                slot.markWorkerDone();
                if (slot.timedOut()) {
                    active.remove(key, slot);
                }
            }
        });
        long budgetMs = Math.max(1, budget.toMillis());
        long warnMs = Math.max(1, (long) (budgetMs * cfg.warnAtFraction()));
        ScheduledFuture<?> warn = sweeper.schedule(() -> {
            if (!result.isDone()) {
                emit("BUDGET_WARNING", asset.name(), ctx.partition(), ctx.runId(), "still running after " + warnMs
                        + " ms, " + Math.round(cfg.warnAtFraction() * 100) + "% of its " + budgetMs + " ms budget");
            }
        }, warnMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> kill = sweeper.schedule(() -> {
            // Complete first so the caller sees the timeout, then tell the worker to stop and roll back.
            slot.markTimedOut();
            if (result.completeExceptionally(new AssetTimeoutException(asset.name(), ctx.partition(), budget))) {
                ctx.cancel("time budget of " + budgetMs + " ms exceeded");
                worker.cancel(true);
            }
        }, budgetMs, TimeUnit.MILLISECONDS);
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } finally {
            warn.cancel(false);
            kill.cancel(false);
        }
    }

    private String upstreamWaiting(Asset asset, LocalDate date) {
        List<String> reasons = new ArrayList<>();
        for (Dependency d : asset.upstream()) {
            if (d.window() == Dependency.Window.SAME_DATE) {
                PartitionState s = store.state(d.asset(), date).orElse(null);
                if (s == null) {
                    reasons.add(d.asset() + " [" + date + "] has not run");
                } else if (!s.state().equals("SUCCESS")) {
                    // Name the upstream's own problem, not the chain of waits behind it (that is on the upstream's row).
                    boolean failed = !s.state().equals("WAITING") && !s.state().equals("RUNNING");
                    reasons.add(d.asset() + " [" + date + "] is " + s.state() + (failed && s.reason() != null ? ": " + abbreviate(s.reason(), 160) : ""));
                }
            } else {
                List<LocalDate> missing = store.notSucceeded(d.asset(), calendar.datesBefore(date));
                if (!missing.isEmpty()) {
                    reasons.add(d.asset() + " has not succeeded for " + missing.size() + " earlier date(s), first "
                            + missing.get(0));
                }
            }
        }
        return reasons.isEmpty() ? null : "waiting for " + String.join("; ", reasons);
    }

    private String ownReadiness(Asset asset, LocalDate date, String trigger) {
        AssetContext probe = new AssetContext(asset.name(), date, "readiness", 0, trigger, store.warehouse(), clock);
        try {
            Readiness r = asset.readiness(probe);
            return r.ready() ? null : "waiting for " + r.reason();
        } catch (Exception e) {
            // A check that cannot run is not "ready" and not "fine": report it as the reason.
            return "waiting: readiness check failed: " + Secrets.mask(String.valueOf(e.getMessage()));
        }
    }

    private void markWaiting(String asset, LocalDate date, String reason) {
        PartitionState prev = store.state(asset, date).orElse(null);
        if (prev != null && "WAITING".equals(prev.state()) && reason.equals(prev.reason())) {
            return;
        }
        saveState(asset, date, "WAITING", reason, prev == null ? null : prev.lastRunId(), prev, null, null, null);
        emit("WAITING", asset, date, null, reason);
    }

    private void saveState(String asset, LocalDate date, String state, String reason, String runId, PartitionState prev,
            Instant successStarted, Instant successEnded, Long rows) {
        store.saveState(nextState(asset, date, state, reason, runId, prev, successStarted, successEnded, rows));
    }

    private PartitionState nextState(String asset, LocalDate date, String state, String reason, String runId, PartitionState prev,
            Instant successStarted, Instant successEnded, Long rows) {
        boolean success = state.equals("SUCCESS");
        int failures = prev == null ? 0 : prev.failuresSinceSuccess();
        if (success) {
            failures = 0;
        } else if (state.equals("FAILED") || state.equals("TIMED_OUT")) {
            failures++;
        }
        return new PartitionState(asset, date, state, reason, runId, clock.instant(),
                success ? successStarted : prev == null ? null : prev.lastSuccessStarted(),
                success ? successEnded : prev == null ? null : prev.lastSuccessEnded(),
                success ? rows : prev == null ? null : prev.lastRowsWritten(), failures);
    }

    /**
     * Marks runs whose process is gone as ABANDONED: a RUNNING row with no heartbeat for {@code silence}.
     * Embedded mode calls this at start-up with zero silence (only one process can hold the file).
     */
    public List<RunRecord> abandonSilentRuns(Duration silence) {
        List<RunRecord> stale = store.runningOlderThan(clock.instant().minus(silence));
        for (RunRecord r : stale) {
            if (active.containsKey(r.asset() + "|" + r.partitionDate())) {
                continue;
            }
            Instant now = clock.instant();
            String msg = "no heartbeat since " + (r.heartbeatAt() == null ? r.startedAt() : r.heartbeatAt())
                    + " (process " + r.node() + " gone?)";
            store.saveRun(new RunRecord(r.runId(), r.asset(), r.partitionDate(), r.attempt(), "ABANDONED", r.triggerSource(),
                    r.node(), r.startedAt(), r.heartbeatAt(), now, 0L, null, msg, null, null));
            PartitionState prev = store.state(r.asset(), r.partitionDate()).orElse(null);
            if (prev == null || r.runId().equals(prev.lastRunId())) {
                saveState(r.asset(), r.partitionDate(), "ABANDONED", msg, r.runId(), prev, null, null, null);
            }
            emit("ABANDONED", r.asset(), r.partitionDate(), r.runId(), msg);
        }
        return stale;
    }

    private void beat() {
        try {
            List<String> ids = active.values().stream().map(ActiveRun::runId).filter(java.util.Objects::nonNull).toList();
            store.heartbeat(ids, clock.instant());
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    private void emit(String kind, String asset, LocalDate date, String runId, String message) {
        switch (kind) {
            case "FAILED", "TIMEOUT", "ABANDONED" -> log.warn("engine event={} asset={} partition={} run={} {}", kind, asset, date, runId, message);
            case "WAITING" -> log.debug("engine event={} asset={} partition={} {}", kind, asset, date, message);
            default -> log.info("engine event={} asset={} partition={} run={} {}", kind, asset, date, runId, message);
        }
        try {
            store.event(kind, asset, date, runId, message, clock.instant());
        } catch (RuntimeException e) {
            log.error("cannot record engine event {} for {} [{}]: {}", kind, asset, date, e.toString());
        }
        for (EngineListener l : listeners) {
            try {
                l.onEvent(kind, asset, date, runId, message);
            } catch (RuntimeException e) {
                log.warn("engine listener failed on {}: {}", kind, e.toString());
            }
        }
    }

    private void finished(RunOutcome o, long t0) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (EngineListener l : listeners) {
            try {
                l.onRunFinished(o, ms);
            } catch (RuntimeException e) {
                log.warn("engine listener failed: {}", e.toString());
            }
        }
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static long elapsedMs(long t0) {
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

    static boolean isRetryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RetryableError r) {
                return r.isRetryable();
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** "Type: message <- caused by Type: message ...", secrets masked, bounded. */
    public static String causeChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- caused by ");
            }
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        String s = Secrets.mask(sb.toString());
        return s.length() > MAX_ERROR_CHARS ? s.substring(0, MAX_ERROR_CHARS) + "..." : s;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        workers.shutdownNow();
    }

    /** A slot held while (asset, date) runs in this process. */
    private static final class ActiveRun {
        final String asset;
        final LocalDate date;
        volatile String runId;
        volatile AssetContext ctx;
        volatile boolean workerDone = true;
        volatile boolean timedOut;

        ActiveRun(String asset, LocalDate date) {
            this.asset = asset;
            this.date = date;
        }

        void begin(String id, AssetContext c) {
            runId = id;
            ctx = c;
            workerDone = false;
            timedOut = false;
        }

        void markTimedOut() {
            timedOut = true;
        }

        boolean timedOut() {
            return timedOut;
        }

        String runId() {
            return runId;
        }

        void markWorkerDone() {
            workerDone = true;
        }

        boolean workerDone() {
            return workerDone;
        }
    }
}
