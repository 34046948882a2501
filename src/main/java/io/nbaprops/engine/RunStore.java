package io.nbaprops.engine;

import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Run history, partition states and engine events, in the warehouse. */
public final class RunStore {
    private static final String[] RUN_COLUMNS = {"run_id", "asset", "partition_date", "attempt", "status", "trigger_source",
        "node", "started_at", "heartbeat_at", "ended_at", "rows_written", "duration_ms", "message", "error_type", "error"};
    private static final String[] STATE_COLUMNS = {"asset", "partition_date", "state", "reason", "last_run_id", "updated_at",
        "last_success_started", "last_success_ended", "last_rows_written", "failures_since_success"};

    /** Up to this many states in one save are updated one by one (see saveAll). */
    private static final int FEW_STATES = 4;

    private final Warehouse warehouse;

    public RunStore(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public void saveRun(RunRecord r) {
        save(r, null);
    }

    public void saveState(PartitionState s) {
        save(null, s);
    }

    /** A run record and/or the partition state, in one transaction (each run moves both together). */
    public void save(RunRecord r, PartitionState s) {
        saveAll(r == null ? List.of() : List.of(r), s == null ? List.of() : List.of(s));
    }

    /**
     * A run record and/or the partition state, in one transaction. {@code firstRecordOfRun}: no row of this run exists yet
     * (it never wrote a RUNNING row), so the record is inserted, where an upsert costs DuckDB several times as much;
     * a row of the run already there then fails the write rather than being duplicated.
     */
    public void save(RunRecord r, PartitionState s, boolean firstRecordOfRun) {
        saveAll(r == null ? List.of() : List.of(r), s == null ? List.of() : List.of(s), firstRecordOfRun);
    }

    /** Run records and partition states in one transaction: a range run moves all its dates together. */
    public void saveAll(List<RunRecord> runs, List<PartitionState> states) {
        saveAll(runs, states, false);
    }

    private void saveAll(List<RunRecord> runs, List<PartitionState> states, boolean newRuns) {
        warehouse.write(tx -> {
            if (!runs.isEmpty()) {
                RowBatch b = RowBatch.of("run_history", RUN_COLUMNS);
                for (RunRecord r : runs) {
                    b.add(r.runId(), r.asset(), r.partitionDate(), r.attempt(), r.status(), r.triggerSource(), r.node(), r.startedAt(),
                            r.heartbeatAt(), r.endedAt(), r.rowsWritten(), r.durationMs(), r.message(), r.errorType(), r.error());
                }
                if (newRuns) {
                    tx.insert(b);
                } else {
                    tx.upsert(b);
                }
            }
            if (states.isEmpty()) {
                return;
            }
            // A run moves one state, which is nearly always there already: an UPDATE by key costs DuckDB about a third
            // of an upsert's ON CONFLICT DO UPDATE; states not there yet are inserted. A range run's many: one upsert.
            List<PartitionState> missing = states.size() > FEW_STATES ? states
                    : states.stream().filter(s -> updateState(tx, s) == 0).toList();
            if (!missing.isEmpty()) {
                RowBatch b = RowBatch.of("asset_partition", STATE_COLUMNS);
                for (PartitionState s : missing) {
                    b.add(s.asset(), s.partitionDate(), s.state(), s.reason(), s.lastRunId(), s.updatedAt(), s.lastSuccessStarted(),
                            s.lastSuccessEnded(), s.lastRowsWritten(), s.failuresSinceSuccess());
                }
                if (missing == states) {
                    tx.upsert(b);
                } else {
                    tx.insert(b);
                }
            }
        });
    }

    /** Sets every column of the state's row by key; 0 when there is no such row yet. */
    private static int updateState(io.nbaprops.store.WriteTx tx, PartitionState s) {
        return tx.handleFor("asset_partition").createUpdate("UPDATE asset_partition SET state = :state, reason = :reason, "
                        + "last_run_id = :lastRunId, updated_at = :updatedAt, last_success_started = :lastSuccessStarted, "
                        + "last_success_ended = :lastSuccessEnded, last_rows_written = :lastRowsWritten, "
                        + "failures_since_success = :failures WHERE asset = :asset AND partition_date = :partitionDate")
                .bindByType("state", s.state(), String.class).bindByType("reason", s.reason(), String.class)
                .bindByType("lastRunId", s.lastRunId(), String.class).bindByType("updatedAt", s.updatedAt(), Instant.class)
                .bindByType("lastSuccessStarted", s.lastSuccessStarted(), Instant.class)
                .bindByType("lastSuccessEnded", s.lastSuccessEnded(), Instant.class)
                .bindByType("lastRowsWritten", s.lastRowsWritten(), Long.class).bind("failures", s.failuresSinceSuccess())
                .bindByType("asset", s.asset(), String.class).bindByType("partitionDate", s.partitionDate(), LocalDate.class)
                .execute();
    }

    public void heartbeat(Collection<String> runIds, Instant at) {
        if (runIds.isEmpty()) {
            return;
        }
        // One statement for all: a range run holds a run per date (hundreds in a season's backfill).
        warehouse.write(tx -> tx.handleFor("run_history").createUpdate("UPDATE run_history SET heartbeat_at = :at WHERE run_id IN (<ids>) AND status = 'RUNNING'")
                .bind("at", at).bindList("ids", List.copyOf(runIds)).execute());
    }

    public void event(String kind, String asset, LocalDate partition, String runId, String message, Instant at) {
        warehouse.write(tx -> tx.upsert(RowBatch.of("engine_event", "event_id", "occurred_at", "kind", "asset", "partition_date", "run_id",
                "message").add(UUID.randomUUID().toString(), at, kind, asset, partition, runId, message)));
    }

    public Optional<PartitionState> state(String asset, LocalDate partition) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM asset_partition WHERE asset = ? AND partition_date = ?")
                .bind(0, asset).bind(1, partition).map(ConstructorMapper.of(PartitionState.class)).findOne());
    }

    /** States of many assets for one date, keyed by asset. */
    public Map<String, PartitionState> states(LocalDate partition) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM asset_partition WHERE partition_date = ?")
                .bind(0, partition).map(ConstructorMapper.of(PartitionState.class)).list())
                .stream().collect(Collectors.toMap(PartitionState::asset, Function.identity()));
    }

    /** One asset's states over a range of dates, keyed by date. */
    public Map<LocalDate, PartitionState> states(String asset, LocalDate from, LocalDate to) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM asset_partition WHERE asset = ? AND partition_date BETWEEN ? AND ?")
                .bind(0, asset).bind(1, from).bind(2, to).map(ConstructorMapper.of(PartitionState.class)).list())
                .stream().collect(Collectors.toMap(PartitionState::partitionDate, Function.identity()));
    }

    public List<PartitionState> states(LocalDate from, LocalDate to) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM asset_partition WHERE partition_date BETWEEN ? AND ? "
                        + "ORDER BY partition_date, asset")
                .bind(0, from).bind(1, to).map(ConstructorMapper.of(PartitionState.class)).list());
    }

    /** Dates in {@code dates} for which {@code asset} has not succeeded (missing or in another state). */
    public List<LocalDate> notSucceeded(String asset, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        List<LocalDate> ok = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT partition_date FROM asset_partition "
                        + "WHERE asset = ? AND state = 'SUCCESS' AND partition_date BETWEEN ? AND ?")
                .bind(0, asset).bind(1, dates.get(0)).bind(2, dates.get(dates.size() - 1)).mapTo(LocalDate.class).list());
        java.util.Set<LocalDate> okSet = new java.util.HashSet<>(ok);
        return dates.stream().filter(d -> !okSet.contains(d)).toList();
    }

    public List<RunRecord> runs(String asset, LocalDate partition) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM run_history WHERE asset = ? AND partition_date = ? "
                        + "ORDER BY started_at, attempt")
                .bind(0, asset).bind(1, partition).map(ConstructorMapper.of(RunRecord.class)).list());
    }

    /** Every run recorded as RUNNING (embedded mode at start-up: all of them belong to a process that is gone). */
    public List<RunRecord> running() {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM run_history WHERE status = 'RUNNING' ORDER BY started_at")
                .map(ConstructorMapper.of(RunRecord.class)).list());
    }

    /** Runs left RUNNING by a process that is gone, by stale heartbeat. */
    public List<RunRecord> runningOlderThan(Instant heartbeatBefore) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM run_history WHERE status = 'RUNNING' "
                        + "AND coalesce(heartbeat_at, started_at) < ? ORDER BY started_at")
                .bind(0, heartbeatBefore).map(ConstructorMapper.of(RunRecord.class)).list());
    }
}
