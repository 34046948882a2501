package io.nbaprops.source;

import io.nbaprops.store.RowBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows per table produced by a parser, plus notes on what was skipped and why. */
public final class ParsedRows {
    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    public ParsedRows add(String table, Map<String, Object> row) {
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        return this;
    }

    /** Declares a table even when it gets no rows (so a re-parse can empty it). */
    public ParsedRows table(String table) {
        tables.computeIfAbsent(table, t -> new ArrayList<>());
        return this;
    }

    public ParsedRows skip(String why) {
        skipped.add(why);
        return this;
    }

    public Map<String, List<Map<String, Object>>> tables() {
        return tables;
    }

    public List<Map<String, Object>> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    public List<String> skipped() {
        return skipped;
    }

    public int rowCount() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    /** The rows of {@code table} as a batch whose columns are the union of the rows' keys. */
    public RowBatch batch(String table) {
        List<Map<String, Object>> rows = rows(table);
        List<String> cols = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            for (String k : r.keySet()) {
                if (!cols.contains(k)) {
                    cols.add(k);
                }
            }
        }
        RowBatch b = new RowBatch(table, cols);
        for (Map<String, Object> r : rows) {
            Object[] v = new Object[cols.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.get(cols.get(i));
            }
            b.add(v);
        }
        return b;
    }
}
