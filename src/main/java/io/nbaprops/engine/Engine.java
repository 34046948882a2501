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
     * Runs an asset for a date after first running its same-date upstream closure (e.g. grading a date
     * whose box scores never arrived: collect, parse, summarise, then grade), all through this engine.
     */
    public RunSummary runWithUpstream(String assetName, LocalDate date, String trigger) {
        java.util.Set<String> closure = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(assetName));
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
     * range in one run, when {@link #byAssetAllowed} says the set permits it; otherwise date by date.
     */
    public RunSummary backfill(LocalDate from, LocalDate to, Collection<String> names, String trigger, boolean force,
            BackfillProgress progress) {
        List<LocalDate> dates = from.datesUntil(to.plusDays(1)).toList();
        List<Asset> assets = graph.ordered(names);
        if (progress != null) {
            progress.start(dates.size());
        }
        RunSummary all = byAssetAllowed(assets) ? backfillByAsset(dates, assets, trigger, force, progress)
                : backfillByDate(dates, assets, trigger, force, progress);
        try {
            // A backfill writes a lot: fold the WAL in now rather than inside the next run's commit.
            store.warehouse().checkpoint();
        } catch (RuntimeException e) {
            log.warn("warehouse checkpoint after the backfill failed (DuckDB will checkpoint on its own later): {}", e.toString());
        }
        if (progress != null) {
            progress.finish(all);
        }
        return all;
    }

    /**
     * Asset by asset is only worth it when one of the assets builds ranges, and only correct when no
     * asset reads the earlier output of a later one in the set (predictions read past grades).
     */
    static boolean byAssetAllowed(List<Asset> assets) {
        java.util.Set<String> names = new java.util.HashSet<>();
        assets.forEach(a -> names.add(a.name()));
        return assets.stream().anyMatch(a -> a instanceof RangeAsset)
                && assets.stream().noneMatch(a -> a.feedbackFrom().stream().anyMatch(names::contains));
    }

    private RunSummary backfillByDate(List<LocalDate> dates, List<Asset> assets, String trigger, boolean force,
            BackfillProgress progress) {
        RunSummary all = new RunSummary();
        for (LocalDate d : dates) {
            RunSummary day = new RunSummary();
            for (Asset a : assets) {
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
        return all;
    }

    private RunSummary backfillByAsset(List<LocalDate> dates, List<Asset> assets, String trigger, boolean force,
            BackfillProgress progress) {
        RunSummary all = new RunSummary();
        for (Asset a : assets) {
            all.addAll(runRange(a.name(), dates, trigger, force));
        }
        if (progress != null) {
            java.util.Map<LocalDate, RunSummary> byDate = new java.util.HashMap<>();
            all.outcomes().forEach(o -> byDate.computeIfAbsent(o.partition(), k -> new RunSummary()).add(o));
            dates.forEach(d -> progress.dateDone(d, byDate.getOrDefault(d, new RunSummary())));
        }
        return all;
    }

    /**
     * Runs one asset for many dates (ascending). A {@link RangeAsset} builds each stretch of consecutive
     * ready dates in one run; a date whose inputs are not ready waits as in {@link #run} and splits the
     * stretch; a failed range run is retried date by date. Other assets run date by date. Dates that
     * already succeeded are skipped unless {@code force}.
     */
    public RunSummary runRange(String assetName, List<LocalDate> dates, String trigger, boolean force) {
        Asset asset = graph.get(assetName);
        RunSummary s = new RunSummary();
        if (dates.isEmpty()) {
            return s;
        }
        java.util.Map<LocalDate, PartitionState> states = store.states(assetName, dates.get(0), dates.get(dates.size() - 1));
        java.util.NavigableSet<LocalDate> partitions = new java.util.TreeSet<>(calendar.datesBefore(dates.get(dates.size() - 1)));
        UpstreamStates upstream = asset instanceof RangeAsset
                ? UpstreamStates.snapshot(store, calendar, dates.get(0), dates.get(dates.size() - 1)) : null;
        List<LocalDate> stretch = new ArrayList<>();
        for (LocalDate d : dates) {
            // A range statement covers every day from its first date to its last: never step over a partition not in it.
            if (!stretch.isEmpty() && !partitions.subSet(stretch.get(stretch.size() - 1), false, d, false).isEmpty()) {
                stretch = runStretch(asset, stretch, trigger, s);
            }
            PartitionState st = states.get(d);
            if (!force && st != null && st.state().equals("SUCCESS")) {
                stretch = runStretch(asset, stretch, trigger, s);
                continue;
            }
            if (!(asset instanceof RangeAsset)) {
                s.add(run(assetName, d, trigger));
                continue;
            }
            String waiting = waitingReason(asset, d, trigger, upstream);
            if (waiting != null) {
                stretch = runStretch(asset, stretch, trigger, s);
                markWaiting(assetName, d, waiting);
                s.add(new RunOutcome(assetName, d, RunStatus.WAITING, 0, 0, waiting, null));
                continue;
            }
            stretch.add(d);
        }
        runStretch(asset, stretch, trigger, s);
        return s;
    }

    /** Runs a stretch of ready dates (one range run, or per date after it failed); returns a fresh stretch. */
    private List<LocalDate> runStretch(Asset asset, List<LocalDate> dates, String trigger, RunSummary s) {
        if (dates.size() == 1) {
            s.add(run(asset.name(), dates.get(0), trigger));
        } else if (dates.size() > 1) {
            List<ActiveRun> slots = new ArrayList<>();
            for (LocalDate d : dates) {
                ActiveRun slot = new ActiveRun(asset.name(), d);
                if (active.putIfAbsent(key(asset.name(), d), slot) != null) {
                    slots.forEach(this::release);
                    dates.forEach(x -> s.add(run(asset.name(), x, trigger)));
                    return new ArrayList<>();
                }
                slots.add(slot);
            }
            RangeEnd end = RangeEnd.FAILED;
            try {
                end = attemptRange((RangeAsset) asset, dates, trigger, slots, s);
            } finally {
                if (end != RangeEnd.TIMED_OUT || slots.stream().allMatch(ActiveRun::workerDone)) {
                    slots.forEach(this::release);
                }
            }
            if (end == RangeEnd.FAILED) {
                dates.forEach(d -> s.add(run(asset.name(), d, trigger)));
            }
        }
        return new ArrayList<>();
    }

    private enum RangeEnd { SUCCEEDED, FAILED, TIMED_OUT }

    /** One range run: all its dates' records move together (RUNNING, then SUCCESS or FAILED) in one transaction each. */
    private RangeEnd attemptRange(RangeAsset asset, List<LocalDate> dates, String trigger, List<ActiveRun> slots, RunSummary s) {
        String name = asset.name();
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        String what = "range run of " + dates.size() + " dates " + first + ".." + last;
        java.util.Map<LocalDate, PartitionState> prev = store.states(name, first, last);
        List<String> ids = dates.stream().map(d -> UUID.randomUUID().toString()).toList();
        AssetContext ctx = new AssetContext(name, first, ids.get(0), 1, trigger, store.warehouse(), clock);
        for (int i = 0; i < dates.size(); i++) {
            slots.get(i).begin(ids.get(i), ctx);
        }
        Instant started = clock.instant();
        List<RunRecord> runs = new ArrayList<>();
        List<PartitionState> states = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            runs.add(new RunRecord(ids.get(i), name, d, 1, "RUNNING", trigger, node, started, started, null, null, null, what, null, null));
            states.add(nextState(name, d, "RUNNING", null, ids.get(i), prev.get(d), null, null, null));
        }
        store.saveAll(runs, states);
        long t0 = System.nanoTime();
        Duration budget = budgetOf(asset).multipliedBy(dates.size());
        try {
            java.util.Map<LocalDate, Long> rows = execute(name, () -> asset.materializeRange(ctx, dates), ctx, budget, slots);
            Instant ended = clock.instant();
            long ms = elapsedMs(t0);
            runs.clear();
            states.clear();
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                long n = rows.getOrDefault(d, 0L);
                runs.add(new RunRecord(ids.get(i), name, d, 1, "SUCCESS", trigger, node, started, ended, ended, n, ms, what, null, null));
                states.add(nextState(name, d, "SUCCESS", what, ids.get(i), prev.get(d), started, ended, n));
            }
            store.saveAll(runs, states);
            for (int i = 0; i < dates.size(); i++) {
                RunOutcome o = new RunOutcome(name, dates.get(i), RunStatus.SUCCESS, 1, runs.get(i).rowsWritten(), what, ids.get(i));
                s.add(o);
                finished(o, ms / dates.size());
            }
            return RangeEnd.SUCCEEDED;
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            boolean timedOut = cause instanceof AssetTimeoutException;
            String message = what + (timedOut ? " timed out: " : " failed, running its dates one by one: ")
                    + Secrets.mask(String.valueOf(cause.getMessage()));
            Instant ended = clock.instant();
            String status = timedOut ? "TIMED_OUT" : "FAILED";
            runs.clear();
            states.clear();
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                runs.add(new RunRecord(ids.get(i), name, d, 1, status, trigger, node, started, ended, ended, 0L, elapsedMs(t0), message,
                        cause.getClass().getName(), causeChain(cause)));
                states.add(nextState(name, d, status, message, ids.get(i), prev.get(d), null, null, null));
            }
            store.saveAll(runs, states);
            emit(timedOut ? "TIMEOUT" : "RANGE_FAILED", name, first, ids.get(0), message);
            if (timedOut) {
                for (int i = 0; i < dates.size(); i++) {
                    s.add(new RunOutcome(name, dates.get(i), RunStatus.TIMED_OUT, 1, 0, message, ids.get(i)));
                }
                return RangeEnd.TIMED_OUT;
            }
            return RangeEnd.FAILED;
        }
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
        String key = key(assetName, date);
        ActiveRun mine = new ActiveRun(assetName, date);
        if (active.putIfAbsent(key, mine) != null) {
            return new RunOutcome(assetName, date, RunStatus.ALREADY_RUNNING, 0, 0,
                    "a run of " + assetName + " [" + date + "] is already in progress", null);
        }
        boolean release = true;
        try {
            String waiting = waitingReason(asset, date, trigger, UpstreamStates.live(store, calendar));
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

    private static String key(String asset, LocalDate date) {
        return asset + "|" + date;
    }

    private void release(ActiveRun slot) {
        active.remove(key(slot.asset, slot.date), slot);
    }

    /** Why the partition cannot run yet (upstream states, then the asset's own readiness), or null. */
    private String waitingReason(Asset asset, LocalDate date, String trigger, UpstreamStates states) {
        String waiting = upstreamWaiting(asset, date, states);
        return waiting != null ? waiting : ownReadiness(asset, date, trigger);
    }

    private Duration budgetOf(Asset asset) {
        return asset.budget() != null ? asset.budget() : cfg.budgetFor(asset.name());
    }

    private record Attempted(RunOutcome outcome, boolean releaseLock) {}

    private Attempted attempt(Asset asset, LocalDate date, String trigger, ActiveRun slot) {
        String name = asset.name();
        Duration budget = budgetOf(asset);
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
                AssetResult r = execute(name, () -> asset.materialize(ctx), ctx, budget, List.of(slot));
                Instant ended = clock.instant();
                store.save(new RunRecord(runId, name, date, attempt, "SUCCESS", trigger, node, started, ended, ended,
                        r.rowsWritten(), elapsedMs(t0), r.message(), null, null),
                        nextState(name, date, "SUCCESS", r.message(), runId, prev, started, ended, r.rowsWritten()));
                RunOutcome o = new RunOutcome(name, date, RunStatus.SUCCESS, attempt, r.rowsWritten(), r.message(), runId);
                finished(o, elapsedMs(t0));
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
                finished(o, elapsedMs(t0));
                // A timed-out worker may still be unwinding: keep the partition locked until it has.
                return new Attempted(o, !timedOut || slot.workerDone());
            }
        }
    }

    /** Runs {@code work} on a worker thread under the time budget; every slot is told when the worker is done. */
    private <T> T execute(String name, java.util.concurrent.Callable<T> work, AssetContext ctx, Duration budget, List<ActiveRun> slots)
            throws Throwable {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> worker = workers.submit(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                for (ActiveRun slot : slots) {
                    slot.markWorkerDone();
                    if (slot.timedOut()) {
                        release(slot);
                    }
                }
            }
        });
        long budgetMs = Math.max(1, budget.toMillis());
        long warnMs = Math.max(1, (long) (budgetMs * cfg.warnAtFraction()));
        ScheduledFuture<?> warn = sweeper.schedule(() -> {
            if (!result.isDone()) {
                emit("BUDGET_WARNING", name, ctx.partition(), ctx.runId(), "still running after " + warnMs
                        + " ms, " + Math.round(cfg.warnAtFraction() * 100) + "% of its " + budgetMs + " ms budget");
            }
        }, warnMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> kill = sweeper.schedule(() -> {
            // Complete first so the caller sees the timeout, then tell the worker to stop and roll back.
            slots.forEach(ActiveRun::markTimedOut);
            if (result.completeExceptionally(new AssetTimeoutException(name, ctx.partition(), budget))) {
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

    private String upstreamWaiting(Asset asset, LocalDate date, UpstreamStates states) {
        List<String> reasons = new ArrayList<>();
        java.util.Map<String, PartitionState> today = asset.upstream().stream().anyMatch(d -> d.window() == Dependency.Window.SAME_DATE)
                ? states.on(date) : java.util.Map.of();
        for (Dependency d : asset.upstream()) {
            if (d.window() == Dependency.Window.SAME_DATE) {
                PartitionState s = today.get(d.asset());
                if (s == null) {
                    reasons.add(d.asset() + " [" + date + "] has not run");
                } else if (!s.state().equals("SUCCESS")) {
                    // Name the upstream's own problem, not the chain of waits behind it (that is on the upstream's row).
                    boolean failed = !s.state().equals("WAITING") && !s.state().equals("RUNNING");
                    reasons.add(d.asset() + " [" + date + "] is " + s.state() + (failed && s.reason() != null ? ": " + abbreviate(s.reason(), 160) : ""));
                }
            } else {
                List<LocalDate> missing = states.notSucceededBefore(d.asset(), date);
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
     * Embedded mode calls this at start-up with zero silence (only one process can hold the file): then every
     * RUNNING row goes, whatever its heartbeat says, since a replay clock may stand before the dead process's.
     */
    public List<RunRecord> abandonSilentRuns(Duration silence) {
        List<RunRecord> stale = silence.isZero() ? store.running() : store.runningOlderThan(clock.instant().minus(silence));
        for (RunRecord r : stale) {
            if (active.containsKey(key(r.asset(), r.partitionDate()))) {
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

    private void finished(RunOutcome o, long ms) {
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
