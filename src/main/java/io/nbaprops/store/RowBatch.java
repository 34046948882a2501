package io.nbaprops.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows bound for one table, as values in the order of {@link #columns()}. Values may be String,
 * Integer/Long, Double, Boolean, LocalDate, Instant (stored as UTC TIMESTAMP) or null; they are
 * coerced to the column types when written.
 */
public final class RowBatch {
    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public RowBatch(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public static RowBatch of(String table, String... columns) {
        return new RowBatch(table, List.of(columns));
    }

    public RowBatch add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("table " + table + ": row has " + values.length
                    + " values but " + columns.size() + " columns " + columns);
        }
        rows.add(values);
        return this;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
