package io.nbaprops.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB: bulk loads through its Appender (JDBC batches are ~10x slower), keys from duckdb_constraints(). */
final class DuckDbDialect implements Dialect {
    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public List<String> primaryKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT constraint_column_names FROM duckdb_constraints() "
                        + "WHERE table_name = ? AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> cols = new ArrayList<>();
                if (rs.next()) {
                    Object[] arr = (Object[]) rs.getArray(1).getArray();
                    for (Object o : arr) {
                        cols.add(o.toString());
                    }
                }
                return cols;
            }
        }
    }

    /**
     * DuckDB turns an update of an indexed column into a delete and an insert with index maintenance: an upsert of a
     * thousand existing predictions that set game_date (indexed) took 150-360 ms, 20-50 ms without it. Plain column
     * references of every secondary index (expression indexes: none of their columns can be told apart, so none).
     */
    @Override
    public List<String> indexedColumns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT expressions FROM duckdb_indexes() WHERE table_name = ? AND schema_name = 'main' AND NOT is_primary")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> cols = new ArrayList<>();
                while (rs.next()) {
                    String list = rs.getString(1).trim();
                    if (list.startsWith("[") && list.endsWith("]")) {
                        for (String e : list.substring(1, list.length() - 1).split(",")) {
                            String col = e.trim().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
                            if (col.matches("[a-z_][a-z0-9_]*") && !cols.contains(col)) {
                                cols.add(col);
                            }
                        }
                    }
                }
                return cols;
            }
        }
    }

    @Override
    public String createStageSql(String stage, String table, List<String> columns) {
        return "CREATE OR REPLACE TEMP TABLE " + stage + " AS SELECT " + String.join(", ", columns)
                + " FROM " + table + " LIMIT 0";
    }

    @Override
    public void loadStage(Connection c, String stage, List<String> columns, List<Object[]> rows) throws SQLException {
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender app = duck.createAppender("temp", "main", stage)) {
            for (Object[] row : rows) {
                app.beginRow();
                for (Object v : row) {
                    append(app, v);
                }
                app.endRow();
            }
        }
    }

    private static void append(DuckDBAppender app, Object v) throws SQLException {
        if (v == null) {
            app.appendNull();
        } else if (v instanceof String s) {
            app.append(s);
        } else if (v instanceof Long l) {
            app.append(l.longValue());
        } else if (v instanceof Integer i) {
            app.append(i.intValue());
        } else if (v instanceof Double d) {
            app.append(d.doubleValue());
        } else if (v instanceof Boolean b) {
            app.append(b.booleanValue());
        } else if (v instanceof LocalDate d) {
            app.append(d);
        } else if (v instanceof LocalDateTime t) {
            app.append(t);
        } else if (v instanceof BigDecimal bd) {
            app.append(bd);
        } else {
            throw new SQLException("cannot append value of type " + v.getClass().getName());
        }
    }

    @Override
    public void enterReadOnly(Connection c) throws SQLException {
        // A DuckDB file opened by the query command is opened with duckdb.read_only=true (see Warehouse);
        // a shared read-write instance cannot be switched per connection, so nothing more to do here.
    }
}
