package io.nbaprops.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A table's columns (name to SQL type, lower-case) and primary key, read from the warehouse itself. */
public record TableMeta(String table, Map<String, String> columnTypes, List<String> primaryKey) {

    public String typeOf(String column) {
        String t = columnTypes.get(column.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new WarehouseException("table " + table + " has no column '" + column + "' (columns: " + columnTypes.keySet() + ")");
        }
        return t;
    }
}
