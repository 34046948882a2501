package io.nbaprops.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The one write path for every table, inside one transaction (see {@link Warehouse#write}).
 * Rows are keyed by the table's primary key: writing the same rows twice leaves the same table.
 */
public final class WriteTx {
    /** Up to this many rows go in one multi-row INSERT; more are staged and bulk-loaded. */
    static final int SMALL_BATCH = 64;
    private final Handle handle;
    private final Dialect dialect;
    private final Warehouse warehouse;
    private long rowsWritten;
    private long duplicatesDropped;
    /** Tables this transaction wrote through the typed methods; {@link #handle()} may write anything (see {@link Warehouse#changeStamp}). */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private boolean rawHandleUsed;
    /** The tables this transaction began writing (see {@link TableWriters}), and the slots it wrote by difference. */
    private final Map<String, TableWriters.Begun> begun = new LinkedHashMap<>();
    private final Map<String, Map<String, TableWriters.Remembered>> remembered = new LinkedHashMap<>();
    private final java.util.Set<String> writtenByDifference = new java.util.LinkedHashSet<>();

    WriteTx(Handle handle, Dialect dialect, Warehouse warehouse) {
        this.handle = handle;
        this.dialect = dialect;
        this.warehouse = warehouse;
    }

    /** Inserts or updates rows by primary key. Duplicate keys within the batch: the last wins. */
    public int upsert(RowBatch batch) {
        return merge(batch, null, null, true);
    }

    /**
     * Inserts rows whose keys are new (e.g. a run's first record): a key already in the table fails the write. Cheaper
     * than {@link #upsert} (DuckDB: about a quarter of its cost for one row), for rows that are never there yet.
     */
    public int insert(RowBatch batch) {
        return merge(batch, null, null, false);
    }

    /**
     * Makes the rows with {@code partitionColumn = partitionValue} exactly {@code batch}: keys not in
     * the batch are deleted, the rest upserted. Rows of the batch must all belong to the partition.
     */
    public int replacePartition(RowBatch batch, String partitionColumn, Object partitionValue) {
        return merge(batch, partitionColumn, partitionValue, true);
    }

    /**
     * Leaves the same table as {@link #replacePartition} (and reports the same row count), for a writer that replaces
     * the same partition again and again with mostly the same rows (a date's line history, rebuilt after every
     * collection): when this process remembers what the partition holds (its last write here went through this method,
     * and nobody else has written the table since, see {@link TableWriters}), only the difference is written: keys gone
     * deleted, new or changed rows upserted. Otherwise, and on PostgreSQL (other processes may write there), the whole
     * partition is replaced. The batch must carry every column of the table (a column left to its default would get it
     * anew in a full replacement).
     */
    public int replacePartitionByDifference(RowBatch batch, String partitionColumn, Object partitionValue) {
        TableMeta meta = keyedMeta(batch);
        if (!remembers(meta, batch, true)) {
            return merge(batch, partitionColumn, partitionValue, true);
        }
        List<Object[]> rows = dedupeAndCoerce(meta, batch);
        checkPartition(meta, batch.columns(), rows, partitionColumn, partitionValue);
        String slot = "partition " + partitionColumn + " = " + partitionValue;
        Map<List<Object>, Object[]> now = byKey(meta, batch, rows);
        TableWriters.Remembered before = recall(meta, batch, slot);
        if (before == null) {
            deleteWholePartition(batch.table(), partitionColumn, partitionValue);
            writeRows(meta, batch, rows, true);
        } else {
            List<List<Object>> gone = before.rows().keySet().stream().filter(k -> !now.containsKey(k)).toList();
            deleteKeys(meta, gone);
            writeRows(meta, batch, changed(now, before), true);
        }
        remember(meta, batch, slot, now);
        rowsWritten += rows.size();
        return rows.size();
    }

    /**
     * Leaves the same table as {@link #upsert} (and reports the same row count), for a writer that upserts a growing
     * set of rows again and again (every snapshot of a date, re-parsed after every collection): when this process
     * remembers what the writer's {@code slot} (e.g. its name and partition) upserted last and nobody else has written
     * the table since, only new or changed rows are written. Otherwise, and on PostgreSQL, every row is upserted.
     */
    public int upsertByDifference(RowBatch batch, String slot) {
        TableMeta meta = keyedMeta(batch);
        if (!remembers(meta, batch, false)) {
            return merge(batch, null, null, true);
        }
        List<Object[]> rows = dedupeAndCoerce(meta, batch);
        Map<List<Object>, Object[]> now = byKey(meta, batch, rows);
        String upsertSlot = "upsert " + slot;
        TableWriters.Remembered before = recall(meta, batch, upsertSlot);
        Map<List<Object>, Object[]> holds = new LinkedHashMap<>();
        if (before == null) {
            writeRows(meta, batch, rows, true);
        } else {
            writeRows(meta, batch, changed(now, before), true);
            holds.putAll(before.rows());
        }
        holds.putAll(now);
        remember(meta, batch, upsertSlot, holds);
        rowsWritten += rows.size();
        return rows.size();
    }

    /** Whether a difference write can be trusted here: DuckDB (one process owns the file), and for a replacement every column. */
    private boolean remembers(TableMeta meta, RowBatch batch, boolean everyColumn) {
        if (!warehouse.isDuckDb()) {
            return false;
        }
        if (!everyColumn) {
            return true;
        }
        java.util.Set<String> cols = batch.columns().stream().map(c -> c.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        return cols.size() == meta.columnTypes().size() && cols.containsAll(meta.columnTypes().keySet());
    }

    /** What the slot holds, if this process knows it (same columns, nobody else wrote the table since); else null. */
    private TableWriters.Remembered recall(TableMeta meta, RowBatch batch, String slot) {
        TableWriters.Remembered r = warehouse.writers().recall(meta.table(), slot, begun.get(meta.table()));
        if (r == null || !r.columns().equals(batch.columns())) {
            return null;
        }
        writtenByDifference.add(meta.table());
        return r;
    }

    private void remember(TableMeta meta, RowBatch batch, String slot, Map<List<Object>, Object[]> holds) {
        remembered.computeIfAbsent(meta.table(), t -> new LinkedHashMap<>())
                .put(slot, new TableWriters.Remembered(batch.columns(), holds, begun.get(meta.table()).tick()));
    }

    private static Map<List<Object>, Object[]> byKey(TableMeta meta, RowBatch batch, List<Object[]> rows) {
        int[] keyIdx = meta.primaryKey().stream().mapToInt(batch.columns()::indexOf).toArray();
        Map<List<Object>, Object[]> out = new LinkedHashMap<>(rows.size() * 2);
        for (Object[] r : rows) {
            out.put(keyOf(r, keyIdx), r);
        }
        return out;
    }

    private static List<Object> keyOf(Object[] row, int[] keyIdx) {
        Object[] k = new Object[keyIdx.length];
        for (int i = 0; i < keyIdx.length; i++) {
            k[i] = row[keyIdx[i]];
        }
        return List.of(k);
    }

    /** The rows of {@code now} that are new or differ from what {@code before} says the table holds. */
    private static List<Object[]> changed(Map<List<Object>, Object[]> now, TableWriters.Remembered before) {
        List<Object[]> out = new ArrayList<>();
        now.forEach((k, row) -> {
            Object[] old = before.rows().get(k);
            if (old == null || !java.util.Arrays.equals(old, row)) {
                out.add(row);
            }
        });
        return out;
    }

    /** Deletes rows by key: a few in one statement, more through a staged list of keys. */
    private void deleteKeys(TableMeta meta, List<List<Object>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> key = meta.primaryKey();
        String table = meta.table();
        if (keys.size() <= SMALL_BATCH) {
            String one = "(" + key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND ")) + ")";
            var delete = handle.createUpdate("DELETE FROM " + table + " WHERE "
                    + String.join(" OR ", java.util.Collections.nCopies(keys.size(), one)));
            int i = 0;
            for (List<Object> k : keys) {
                for (Object v : k) {
                    delete.bind(i++, v);
                }
            }
            delete.execute();
            return;
        }
        String stage = stageName(table);
        try {
            handle.execute("DROP TABLE IF EXISTS " + stage);
            handle.execute(dialect.createStageSql(stage, table, key));
            dialect.loadStage(handle.getConnection(), stage, key, keys.stream().map(List::toArray).toList());
        } catch (SQLException e) {
            throw new WarehouseException("table " + table + ": staging " + keys.size() + " keys to delete failed: " + e.getMessage(), e);
        }
        handle.execute("DELETE FROM " + table + " USING " + stage + " s WHERE "
                + key.stream().map(k -> table + "." + k + " = s." + k).collect(Collectors.joining(" AND ")));
        handle.execute("DROP TABLE IF EXISTS " + stage);
    }

    /**
     * Same as {@link #replacePartition} with rows from a set-based query: {@code selectSql} must
     * produce {@code columns} in order, only rows of the partition, and may use positional {@code ?}
     * parameters. The partition's rows are deleted and the query's inserted in this transaction.
     */
    public int replacePartitionFromQuery(String table, List<String> columns, String selectSql, List<Object> params,
            String partitionColumn, Object partitionValue) {
        return replaceFromQuery(table, columns, selectSql, params, partitionColumn + " = ?", List.of(partitionValue), partitionColumn);
    }

    /**
     * {@link #replacePartitionFromQuery} for every partition with {@code from <= partitionColumn <= to}
     * at once (a range run): the query must produce exactly the rows of those partitions.
     */
    public int replaceRangeFromQuery(String table, List<String> columns, String selectSql, List<Object> params,
            String partitionColumn, Object from, Object to) {
        return replaceFromQuery(table, columns, selectSql, params, partitionColumn + " BETWEEN ? AND ?", List.of(from, to),
                partitionColumn);
    }

    /** Rows per partition value of {@code table} with {@code from <= partitionColumn <= to} (what a range run wrote per date). */
    public <T> Map<T, Long> countByPartition(String table, String partitionColumn, Class<T> type, Object from, Object to) {
        meta(table).typeOf(partitionColumn);
        Map<T, Long> out = new LinkedHashMap<>();
        handle.createQuery("SELECT " + partitionColumn + ", count(*) FROM " + table + " WHERE " + partitionColumn
                        + " BETWEEN ? AND ? GROUP BY 1 ORDER BY 1")
                .bind(0, warehouse.bindable(from)).bind(1, warehouse.bindable(to))
                .map((rs, c) -> Map.entry(rs.getObject(1, type), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private int replaceFromQuery(String table, List<String> columns, String selectSql, List<Object> params, String where,
            List<Object> whereParams, String partitionColumn) {
        TableMeta meta = meta(table);
        meta.typeOf(partitionColumn);
        columns.forEach(meta::typeOf);
        touch(meta);
        var delete = handle.createUpdate("DELETE FROM " + table + " WHERE " + where);
        for (int i = 0; i < whereParams.size(); i++) {
            delete.bind(i, warehouse.bindable(whereParams.get(i)));
        }
        delete.execute();
        var insert = handle.createUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") " + selectSql);
        for (int i = 0; i < params.size(); i++) {
            insert.bind(i, warehouse.bindable(params.get(i)));
        }
        int n;
        try {
            n = insert.execute();
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("duplicate key") || msg.contains("unique constraint")) {
                throw new WarehouseException("table " + table + ": the query produced duplicate keys (" + meta.primaryKey() + "): "
                        + firstLine(msg), e);
            }
            throw e;
        }
        rowsWritten += n;
        return n;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Deletes the rows of one partition (for a partition that legitimately has no rows any more). */
    public int deletePartition(String table, String partitionColumn, Object partitionValue) {
        meta(table).typeOf(partitionColumn);
        touch(meta(table));
        return handle.createUpdate("DELETE FROM " + table + " WHERE " + partitionColumn + " = ?")
                .bind(0, warehouse.bindable(partitionValue)).execute();
    }

    /** A table's metadata, loaded (once) through this transaction's own connection. */
    private TableMeta meta(String table) {
        return warehouse.meta(table, handle.getConnection());
    }

    /** The underlying handle, for parameterised statements that are not row writes (counted as a write to every table). */
    public Handle handle() {
        if (!rawHandleUsed) {
            rawHandleUsed = true;
            warehouse.writers().beginAny();
        }
        return handle;
    }

    /**
     * The underlying handle for reading only, inside this transaction (e.g. what a write depends on): not counted as a
     * write. Statements through it must not change any table.
     */
    public Handle handleForReading() {
        return handle;
    }

    /**
     * The underlying handle for a statement that writes {@code table} and nothing else (the engine's
     * heartbeat): only that table counts as changed, so caches of other tables stay valid.
     */
    public Handle handleFor(String table) {
        touch(meta(table));
        return handle;
    }

    /** Records that this transaction writes {@code meta}'s table; the first time, before any statement on it. */
    private void touch(TableMeta meta) {
        touched.add(meta.table());
        begun.computeIfAbsent(meta.table(), t -> warehouse.writers().begin(t));
    }

    /** What this transaction may have changed: the tables written through the typed methods, and whether the raw handle was used. */
    java.util.Set<String> touchedTables() {
        return touched;
    }

    boolean rawHandleUsed() {
        return rawHandleUsed;
    }

    Map<String, TableWriters.Begun> begunTables() {
        return begun;
    }

    /** The slots written by difference in this transaction, with what they hold once it commits. */
    Map<String, Map<String, TableWriters.Remembered>> rememberedSlots() {
        return remembered;
    }

    /**
     * Called last before the commit: a difference write relied on nobody else writing its table; if somebody began to
     * while this transaction ran, it is refused as a write conflict (and {@link Warehouse#write} runs it again, then in
     * full, since the slot is forgotten when this attempt rolls back).
     */
    void checkDifferencesStillHold() {
        for (String table : writtenByDifference) {
            if (warehouse.writers().begunSince(table, begun.get(table).tick())) {
                throw new ConcurrentWriteConflict("table " + table + " was written by another transaction while this one wrote "
                        + "only the difference from what it remembered of it");
            }
        }
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    private int merge(RowBatch batch, String partitionColumn, Object partitionValue, boolean onConflictUpdate) {
        TableMeta meta = keyedMeta(batch);
        List<Object[]> rows = dedupeAndCoerce(meta, batch);
        if (partitionColumn != null) {
            checkPartition(meta, batch.columns(), rows, partitionColumn, partitionValue);
            deleteWholePartition(batch.table(), partitionColumn, partitionValue);
        }
        int n = writeRows(meta, batch, rows, onConflictUpdate);
        rowsWritten += n;
        return n;
    }

    /** The batch's table, begun by this transaction, checked to be keyed and the batch to carry its key. */
    private TableMeta keyedMeta(RowBatch batch) {
        TableMeta meta = meta(batch.table());
        if (meta.primaryKey().isEmpty()) {
            throw new WarehouseException("table " + batch.table() + " has no primary key; every table must be keyed");
        }
        for (String k : meta.primaryKey()) {
            if (!batch.columns().contains(k)) {
                throw new WarehouseException("table " + batch.table() + ": rows lack key column " + k);
            }
        }
        touch(meta);
        return meta;
    }

    private void deleteWholePartition(String table, String partitionColumn, Object partitionValue) {
        handle.createUpdate("DELETE FROM " + table + " WHERE " + partitionColumn + " = ?")
                .bind(0, warehouse.bindable(partitionValue)).execute();
    }

    /** Inserts (or upserts) coerced rows of the batch's table and columns; the count the database reports. */
    private int writeRows(TableMeta meta, RowBatch batch, List<Object[]> rows, boolean onConflictUpdate) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> key = meta.primaryKey();
        List<String> nonKey = batch.columns().stream().filter(c -> !key.contains(c)).toList();
        int n;
        if (!onConflictUpdate) {
            n = rows.size() <= SMALL_BATCH ? insertValues(batch, rows, "") : insertStaged(batch, rows, "", key, List.of());
        } else if (rows.size() <= SMALL_BATCH) {
            n = insertValues(batch, rows, conflict(key, nonKey));
        } else {
            // Columns the warehouse can only update by rewriting the row (indexed, see Dialect#indexedColumns) are set
            // after the insert, and only on rows where they change: nearly never, since they are mostly dates of the key.
            List<String> rewritten = nonKey.stream().filter(c -> meta.indexedColumns().contains(c.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            List<String> inPlace = nonKey.stream().filter(c -> !rewritten.contains(c)).toList();
            n = inPlace.isEmpty() ? insertStaged(batch, rows, conflict(key, nonKey), key, List.of())
                    : insertStaged(batch, rows, conflict(key, inPlace), key, rewritten);
        }
        return n;
    }

    /** The upsert clause: rows whose key exists get {@code set} from the new row (nothing to set: kept as they are). */
    private static String conflict(List<String> key, List<String> set) {
        return " ON CONFLICT (" + String.join(", ", key) + ") " + (set.isEmpty() ? "DO NOTHING"
                : "DO UPDATE SET " + set.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
    }

    /** Few rows (run history, one-row bookkeeping): one parameterised multi-row INSERT, no staging. */
    private int insertValues(RowBatch batch, List<Object[]> rows, String conflict) {
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(batch.columns().size(), "?")) + ")";
        String sql = "INSERT INTO " + batch.table() + " (" + String.join(", ", batch.columns()) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows.size(), tuple)) + conflict;
        var update = handle.createUpdate(sql);
        int i = 0;
        for (Object[] row : rows) {
            for (Object v : row) {
                update.bind(i++, v);
            }
        }
        return update.execute();
    }

    /**
     * Many rows: bulk-loaded into a temporary staging table (DuckDB's Appender), then one INSERT ... SELECT; then
     * the {@code setWhereChanged} columns of existing rows, only where the staged value differs.
     */
    private int insertStaged(RowBatch batch, List<Object[]> rows, String conflict, List<String> key, List<String> setWhereChanged) {
        String stage = stageName(batch.table());
        try {
            handle.execute("DROP TABLE IF EXISTS " + stage);
            handle.execute(dialect.createStageSql(stage, batch.table(), batch.columns()));
            Connection c = handle.getConnection();
            dialect.loadStage(c, stage, batch.columns(), rows);
        } catch (SQLException e) {
            throw new WarehouseException("table " + batch.table() + ": staging " + rows.size() + " rows failed: " + e.getMessage(), e);
        }
        String cols = String.join(", ", batch.columns());
        int n = handle.execute("INSERT INTO " + batch.table() + " (" + cols + ") SELECT " + cols + " FROM " + stage + conflict);
        if (!setWhereChanged.isEmpty()) {
            String t = batch.table();
            handle.execute("UPDATE " + t + " SET " + setWhereChanged.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + " FROM " + stage + " s WHERE " + key.stream().map(k -> t + "." + k + " = s." + k).collect(Collectors.joining(" AND "))
                    + " AND (" + setWhereChanged.stream().map(c -> t + "." + c + " IS DISTINCT FROM s." + c)
                            .collect(Collectors.joining(" OR ")) + ")");
        }
        handle.execute("DROP TABLE IF EXISTS " + stage);
        return n;
    }

    private static void checkPartition(TableMeta meta, List<String> columns, List<Object[]> rows, String partitionColumn,
            Object partitionValue) {
        int idx = columns.indexOf(partitionColumn);
        if (idx < 0) {
            throw new WarehouseException("table " + meta.table() + ": rows lack partition column " + partitionColumn);
        }
        Object expected = Coercion.coerce(partitionValue, Coercion.kindOf(meta.typeOf(partitionColumn)), meta.table(), partitionColumn);
        long outside = rows.stream().filter(r -> !expected.equals(r[idx])).count();
        if (outside > 0) {
            throw new WarehouseException("table " + meta.table() + ": " + outside + " rows do not belong to partition "
                    + partitionColumn + " = " + partitionValue);
        }
    }

    private List<Object[]> dedupeAndCoerce(TableMeta meta, RowBatch batch) {
        List<String> cols = batch.columns();
        Coercion.Kind[] kinds = new Coercion.Kind[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            kinds[i] = Coercion.kindOf(meta.typeOf(cols.get(i)));
        }
        int[] keyIdx = meta.primaryKey().stream().mapToInt(cols::indexOf).toArray();
        Map<List<Object>, Object[]> byKey = new LinkedHashMap<>();
        for (Object[] row : batch.rows()) {
            Object[] out = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                out[i] = Coercion.coerce(row[i], kinds[i], batch.table(), cols.get(i));
            }
            List<Object> key = new ArrayList<>(keyIdx.length);
            for (int i : keyIdx) {
                if (out[i] == null) {
                    throw new WarehouseException("table " + batch.table() + ": key column " + cols.get(i) + " is null");
                }
                key.add(out[i]);
            }
            if (byKey.put(key, out) != null) {
                duplicatesDropped++;
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String stageName(String table) {
        return "_stage_" + table;
    }
}
