package io.nbaprops.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's columns (name to SQL type, lower-case), primary key, and the other columns that secondary indexes
 * cover when the warehouse rewrites a row to update them (see {@link Dialect#indexedColumns}), read from the
 * warehouse itself.
 */
public record TableMeta(String table, Map<String, String> columnTypes, List<String> primaryKey, List<String> indexedColumns) {

    public String typeOf(String column) {
        String t = columnTypes.get(column.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new WarehouseException("table " + table + " has no column '" + column + "' (columns: " + columnTypes.keySet() + ")");
        }
        return t;
    }
}
