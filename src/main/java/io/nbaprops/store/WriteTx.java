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
    private final Handle handle;
    private final Dialect dialect;
    private final Warehouse warehouse;
    private long rowsWritten;
    private long duplicatesDropped;

    WriteTx(Handle handle, Dialect dialect, Warehouse warehouse) {
        this.handle = handle;
        this.dialect = dialect;
        this.warehouse = warehouse;
    }

    /** Inserts or updates rows by primary key. Duplicate keys within the batch: the last wins. */
    public int upsert(RowBatch batch) {
        return merge(batch, null, null);
    }

    /**
     * Makes the rows with {@code partitionColumn = partitionValue} exactly {@code batch}: keys not in
     * the batch are deleted, the rest upserted. Rows of the batch must all belong to the partition.
     */
    public int replacePartition(RowBatch batch, String partitionColumn, Object partitionValue) {
        return merge(batch, partitionColumn, partitionValue);
    }

    /**
     * Same as {@link #replacePartition} with rows from a set-based query: {@code selectSql} must
     * produce {@code columns} in order and may use positional {@code ?} parameters.
     */
    public int replacePartitionFromQuery(String table, List<String> columns, String selectSql, List<Object> params,
            String partitionColumn, Object partitionValue) {
        TableMeta meta = warehouse.meta(table);
        String stage = stageName(table);
        handle.execute("DROP TABLE IF EXISTS " + stage);
        handle.execute(dialect.createStageSql(stage, table, columns));
        var insert = handle.createUpdate("INSERT INTO " + stage + " (" + String.join(", ", columns) + ") " + selectSql);
        for (int i = 0; i < params.size(); i++) {
            insert.bind(i, warehouse.bindable(params.get(i)));
        }
        insert.execute();
        checkUniqueKeys(meta, stage);
        return mergeFromStage(meta, stage, columns, partitionColumn, partitionValue);
    }

    /** Deletes the rows of one partition (for a partition that legitimately has no rows any more). */
    public int deletePartition(String table, String partitionColumn, Object partitionValue) {
        warehouse.meta(table).typeOf(partitionColumn);
        return handle.createUpdate("DELETE FROM " + table + " WHERE " + partitionColumn + " = ?")
                .bind(0, warehouse.bindable(partitionValue)).execute();
    }

    /** The underlying handle, for parameterised statements that are not row writes. */
    public Handle handle() {
        return handle;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    private int merge(RowBatch batch, String partitionColumn, Object partitionValue) {
        TableMeta meta = warehouse.meta(batch.table());
        if (meta.primaryKey().isEmpty()) {
            throw new WarehouseException("table " + batch.table() + " has no primary key; every table must be keyed");
        }
        for (String k : meta.primaryKey()) {
            if (!batch.columns().contains(k)) {
                throw new WarehouseException("table " + batch.table() + ": rows lack key column " + k);
            }
        }
        List<Object[]> rows = dedupeAndCoerce(meta, batch);
        String stage = stageName(batch.table());
        try {
            handle.execute("DROP TABLE IF EXISTS " + stage);
            handle.execute(dialect.createStageSql(stage, batch.table(), batch.columns()));
            Connection c = handle.getConnection();
            dialect.loadStage(c, stage, batch.columns(), rows);
        } catch (SQLException e) {
            throw new WarehouseException("table " + batch.table() + ": staging " + rows.size() + " rows failed: " + e.getMessage(), e);
        }
        return mergeFromStage(meta, stage, batch.columns(), partitionColumn, partitionValue);
    }

    private int mergeFromStage(TableMeta meta, String stage, List<String> columns, String partitionColumn, Object partitionValue) {
        String table = meta.table();
        List<String> key = meta.primaryKey();
        if (partitionColumn != null) {
            meta.typeOf(partitionColumn);
            String match = key.stream().map(k -> "s." + k + " = " + table + "." + k).collect(Collectors.joining(" AND "));
            handle.createUpdate("DELETE FROM " + table + " WHERE " + partitionColumn + " = ? AND NOT EXISTS (SELECT 1 FROM "
                            + stage + " s WHERE " + match + ")")
                    .bind(0, warehouse.bindable(partitionValue)).execute();
            long outside = handle.createQuery("SELECT count(*) FROM " + stage + " WHERE " + partitionColumn
                            + " IS NULL OR " + partitionColumn + " <> ?")
                    .bind(0, warehouse.bindable(partitionValue)).mapTo(Long.class).one();
            if (outside > 0) {
                throw new WarehouseException("table " + table + ": " + outside + " rows do not belong to partition "
                        + partitionColumn + " = " + partitionValue);
            }
        }
        List<String> nonKey = columns.stream().filter(c -> !key.contains(c)).toList();
        String conflict = nonKey.isEmpty() ? "DO NOTHING"
                : "DO UPDATE SET " + nonKey.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        int n = handle.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", columns) + " FROM " + stage + " ON CONFLICT (" + String.join(", ", key) + ") " + conflict);
        handle.execute("DROP TABLE IF EXISTS " + stage);
        rowsWritten += n;
        return n;
    }

    private void checkUniqueKeys(TableMeta meta, String stage) {
        String k = String.join(", ", meta.primaryKey());
        List<String> dups = handle.createQuery("SELECT " + k + ", count(*) AS n FROM " + stage + " GROUP BY " + k
                        + " HAVING count(*) > 1 LIMIT 5")
                .mapToMap().stream().map(Object::toString).toList();
        if (!dups.isEmpty()) {
            throw new WarehouseException("table " + meta.table() + ": the query produced duplicate keys " + dups);
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
