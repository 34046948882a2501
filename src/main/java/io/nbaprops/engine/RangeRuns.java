package io.nbaprops.engine;

import io.nbaprops.config.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs over many dates: backfills (date by date, or asset by asset when a {@link RangeAsset} can build a stretch of
 * dates in one run) and one asset over a list of dates. Single partitions go through {@link Engine#run}.
 */
final class RangeRuns {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Engine engine;
    private final AssetGraph graph;
    private final RunStore store;
    private final PartitionCalendar calendar;
    private final RunLedger ledger;
    private final WaitingReasons waiting;
    private final Budgets budgets;
    private final ActiveRuns active;

    RangeRuns(Engine engine, AssetGraph graph, PartitionCalendar calendar, RunLedger ledger, WaitingReasons waiting, Budgets budgets,
            ActiveRuns active) {
        this.engine = engine;
        this.graph = graph;
        this.store = ledger.store();
        this.calendar = calendar;
        this.ledger = ledger;
        this.waiting = waiting;
        this.budgets = budgets;
        this.active = active;
    }

    /** See {@link Engine#backfill}. */
    RunSummary backfill(LocalDate from, LocalDate to, java.util.Collection<String> names, String trigger, boolean force,
            Engine.BackfillProgress progress) {
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
        Set<String> names = new HashSet<>();
        assets.forEach(a -> names.add(a.name()));
        return assets.stream().anyMatch(a -> a instanceof RangeAsset)
                && assets.stream().noneMatch(a -> a.feedbackFrom().stream().anyMatch(names::contains));
    }

    private RunSummary backfillByDate(List<LocalDate> dates, List<Asset> assets, String trigger, boolean force,
            Engine.BackfillProgress progress) {
        RunSummary all = new RunSummary();
        for (LocalDate d : dates) {
            RunSummary day = new RunSummary();
            for (Asset a : assets) {
                if (!force && store.state(a.name(), d).map(s -> s.state().equals("SUCCESS")).orElse(false)) {
                    continue;
                }
                day.add(engine.run(a.name(), d, trigger));
            }
            all.addAll(day);
            if (progress != null) {
                progress.dateDone(d, day);
            }
        }
        return all;
    }

    private RunSummary backfillByAsset(List<LocalDate> dates, List<Asset> assets, String trigger, boolean force,
            Engine.BackfillProgress progress) {
        RunSummary all = new RunSummary();
        for (Asset a : assets) {
            all.addAll(runRange(a.name(), dates, trigger, force));
        }
        if (progress != null) {
            Map<LocalDate, RunSummary> byDate = new HashMap<>();
            all.outcomes().forEach(o -> byDate.computeIfAbsent(o.partition(), k -> new RunSummary()).add(o));
            dates.forEach(d -> progress.dateDone(d, byDate.getOrDefault(d, new RunSummary())));
        }
        return all;
    }

    /** See {@link Engine#runRange}. */
    RunSummary runRange(String assetName, List<LocalDate> dates, String trigger, boolean force) {
        Asset asset = graph.get(assetName);
        RunSummary s = new RunSummary();
        if (dates.isEmpty()) {
            return s;
        }
        Map<LocalDate, PartitionState> states = store.states(assetName, dates.get(0), dates.get(dates.size() - 1));
        NavigableSet<LocalDate> partitions = new TreeSet<>(calendar.datesBefore(dates.get(dates.size() - 1)));
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
                s.add(engine.run(assetName, d, trigger));
                continue;
            }
            String why = waiting.of(asset, d, trigger, upstream);
            if (why != null) {
                stretch = runStretch(asset, stretch, trigger, s);
                ledger.markWaiting(assetName, d, why);
                s.add(new RunOutcome(assetName, d, RunStatus.WAITING, 0, 0, why, null));
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
            s.add(engine.run(asset.name(), dates.get(0), trigger));
        } else if (dates.size() > 1) {
            List<ActiveRuns.Slot> slots = new ArrayList<>();
            for (LocalDate d : dates) {
                ActiveRuns.Slot slot = active.claim(asset.name(), d);
                if (slot == null) {
                    slots.forEach(active::release);
                    dates.forEach(x -> s.add(engine.run(asset.name(), x, trigger)));
                    return new ArrayList<>();
                }
                slots.add(slot);
            }
            RangeEnd end = RangeEnd.FAILED;
            try {
                end = attemptRange((RangeAsset) asset, dates, trigger, slots, s);
            } finally {
                if (end != RangeEnd.TIMED_OUT || slots.stream().allMatch(ActiveRuns.Slot::workerDone)) {
                    slots.forEach(active::release);
                }
            }
            if (end == RangeEnd.FAILED) {
                dates.forEach(d -> s.add(engine.run(asset.name(), d, trigger)));
            }
        }
        return new ArrayList<>();
    }

    private enum RangeEnd { SUCCEEDED, FAILED, TIMED_OUT }

    /** One range run: all its dates' records move together (RUNNING, then SUCCESS or FAILED) in one transaction each. */
    private RangeEnd attemptRange(RangeAsset asset, List<LocalDate> dates, String trigger, List<ActiveRuns.Slot> slots, RunSummary s) {
        String name = asset.name();
        String node = ledger.node();
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        String what = "range run of " + dates.size() + " dates " + first + ".." + last;
        Map<LocalDate, PartitionState> prev = store.states(name, first, last);
        List<String> ids = dates.stream().map(d -> UUID.randomUUID().toString()).toList();
        AssetContext ctx = new AssetContext(name, first, ids.get(0), 1, trigger, store.warehouse(), ledger.clock());
        for (int i = 0; i < dates.size(); i++) {
            slots.get(i).begin(ids.get(i), ctx);
        }
        Instant started = ledger.clock().instant();
        List<RunRecord> runs = new ArrayList<>();
        List<PartitionState> states = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            runs.add(new RunRecord(ids.get(i), name, d, 1, "RUNNING", trigger, node, started, started, null, null, null, what, null, null));
            states.add(ledger.nextState(name, d, "RUNNING", null, ids.get(i), prev.get(d), null, null, null));
        }
        store.saveAll(runs, states);
        long t0 = System.nanoTime();
        Duration budget = budgets.budgetOf(asset).multipliedBy(dates.size());
        try {
            Map<LocalDate, Long> rows = budgets.execute(name, () -> asset.materializeRange(ctx, dates), ctx, budget, slots, null);
            Instant ended = ledger.clock().instant();
            long ms = Engine.elapsedMs(t0);
            runs.clear();
            states.clear();
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                long n = rows.getOrDefault(d, 0L);
                runs.add(new RunRecord(ids.get(i), name, d, 1, "SUCCESS", trigger, node, started, ended, ended, n, ms, what, null, null));
                states.add(ledger.nextState(name, d, "SUCCESS", what, ids.get(i), prev.get(d), started, ended, n));
            }
            store.saveAll(runs, states);
            for (int i = 0; i < dates.size(); i++) {
                RunOutcome o = new RunOutcome(name, dates.get(i), RunStatus.SUCCESS, 1, runs.get(i).rowsWritten(), what, ids.get(i));
                s.add(o);
                ledger.finished(o, ms / dates.size());
            }
            return RangeEnd.SUCCEEDED;
        } catch (Throwable t) {
            Throwable cause = Failures.unwrap(t);
            boolean timedOut = cause instanceof AssetTimeoutException;
            String message = what + (timedOut ? " timed out: " : " failed, running its dates one by one: ")
                    + Secrets.mask(String.valueOf(cause.getMessage()));
            Instant ended = ledger.clock().instant();
            String status = timedOut ? "TIMED_OUT" : "FAILED";
            runs.clear();
            states.clear();
            for (int i = 0; i < dates.size(); i++) {
                LocalDate d = dates.get(i);
                runs.add(new RunRecord(ids.get(i), name, d, 1, status, trigger, node, started, ended, ended, 0L, Engine.elapsedMs(t0), message,
                        cause.getClass().getName(), Failures.causeChain(cause)));
                states.add(ledger.nextState(name, d, status, message, ids.get(i), prev.get(d), null, null, null));
            }
            store.saveAll(runs, states);
            ledger.emit(timedOut ? "TIMEOUT" : "RANGE_FAILED", name, first, ids.get(0), message);
            if (timedOut) {
                for (int i = 0; i < dates.size(); i++) {
                    s.add(new RunOutcome(name, dates.get(i), RunStatus.TIMED_OUT, 1, 0, message, ids.get(i)));
                }
                return RangeEnd.TIMED_OUT;
            }
            return RangeEnd.FAILED;
        }
    }
}
