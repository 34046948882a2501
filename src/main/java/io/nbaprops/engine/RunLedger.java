package io.nbaprops.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's records: each run's row in run history, each partition's state (what its last run did, failures since
 * its last success), engine events, and the listeners told of both. Runs left RUNNING by a process that is gone are
 * marked ABANDONED here.
 */
final class RunLedger {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final RunStore store;
    private final Clock clock;
    private final String node;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

    RunLedger(RunStore store, Clock clock, String node) {
        this.store = store;
        this.clock = clock;
        this.node = node;
    }

    RunStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    String node() {
        return node;
    }

    void addListener(EngineListener l) {
        listeners.add(l);
    }

    void markWaiting(String asset, LocalDate date, String reason) {
        PartitionState prev = store.state(asset, date).orElse(null);
        if (prev != null && "WAITING".equals(prev.state()) && reason.equals(prev.reason())) {
            return;
        }
        saveState(asset, date, "WAITING", reason, prev == null ? null : prev.lastRunId(), prev, null, null, null);
        emit("WAITING", asset, date, null, reason);
    }

    void saveState(String asset, LocalDate date, String state, String reason, String runId, PartitionState prev,
            Instant successStarted, Instant successEnded, Long rows) {
        store.saveState(nextState(asset, date, state, reason, runId, prev, successStarted, successEnded, rows));
    }

    PartitionState nextState(String asset, LocalDate date, String state, String reason, String runId, PartitionState prev,
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

    /** See {@link Engine#abandonSilentRuns}; partitions {@code active} holds in this process are left alone. */
    List<RunRecord> abandonSilentRuns(Duration silence, ActiveRuns active) {
        List<RunRecord> stale = silence.isZero() ? store.running() : store.runningOlderThan(clock.instant().minus(silence));
        for (RunRecord r : stale) {
            if (active.holds(r.asset(), r.partitionDate())) {
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

    void emit(String kind, String asset, LocalDate date, String runId, String message) {
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

    void finished(RunOutcome o, long ms) {
        for (EngineListener l : listeners) {
            try {
                l.onRunFinished(o, ms);
            } catch (RuntimeException e) {
                log.warn("engine listener failed: {}", e.toString());
            }
        }
    }
}
