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
        touched.add(meta.table());
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
        touched.add(meta(table).table());
        return handle.createUpdate("DELETE FROM " + table + " WHERE " + partitionColumn + " = ?")
                .bind(0, warehouse.bindable(partitionValue)).execute();
    }

    /** A table's metadata, loaded (once) through this transaction's own connection. */
    private TableMeta meta(String table) {
        return warehouse.meta(table, handle.getConnection());
    }

    /** The underlying handle, for parameterised statements that are not row writes (counted as a write to every table). */
    public Handle handle() {
        rawHandleUsed = true;
        return handle;
    }

    /**
     * The underlying handle for a statement that writes {@code table} and nothing else (the engine's
     * heartbeat): only that table counts as changed, so caches of other tables stay valid.
     */
    public Handle handleFor(String table) {
        touched.add(meta(table).table());
        return handle;
    }

    /** What this transaction may have changed: the tables written through the typed methods, and whether the raw handle was used. */
    java.util.Set<String> touchedTables() {
        return touched;
    }

    boolean rawHandleUsed() {
        return rawHandleUsed;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    private int merge(RowBatch batch, String partitionColumn, Object partitionValue, boolean onConflictUpdate) {
        TableMeta meta = meta(batch.table());
        touched.add(meta.table());
        if (meta.primaryKey().isEmpty()) {
            throw new WarehouseException("table " + batch.table() + " has no primary key; every table must be keyed");
        }
        for (String k : meta.primaryKey()) {
            if (!batch.columns().contains(k)) {
                throw new WarehouseException("table " + batch.table() + ": rows lack key column " + k);
            }
        }
        List<Object[]> rows = dedupeAndCoerce(meta, batch);
        if (partitionColumn != null) {
            checkPartition(meta, batch.columns(), rows, partitionColumn, partitionValue);
            handle.createUpdate("DELETE FROM " + batch.table() + " WHERE " + partitionColumn + " = ?")
                    .bind(0, warehouse.bindable(partitionValue)).execute();
        }
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
        rowsWritten += n;
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
