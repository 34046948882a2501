package io.nbaprops.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** PostgreSQL: staging through batched inserts (the driver rewrites them), keys from information_schema. */
final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public List<String> primaryKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT k.column_name FROM information_schema.table_constraints t "
                        + "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
                        + " AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
                        + "WHERE t.table_name = ? AND t.table_schema = current_schema() AND t.constraint_type = 'PRIMARY KEY' "
                        + "ORDER BY k.ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> cols = new ArrayList<>();
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
                return cols;
            }
        }
    }

    /** PostgreSQL writes a new row version on any update anyway: an indexed column costs nothing special to set. */
    @Override
    public List<String> indexedColumns(Connection c, String table) {
        return List.of();
    }

    @Override
    public String createStageSql(String stage, String table, List<String> columns) {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stage + " ON COMMIT DROP AS SELECT " + String.join(", ", columns)
                + " FROM " + table + " LIMIT 0";
    }

    @Override
    public void loadStage(Connection c, String stage, List<String> columns, List<Object[]> rows) throws SQLException {
        String sql = "INSERT INTO " + stage + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public void enterReadOnly(Connection c) throws SQLException {
        c.setReadOnly(true);
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }
}
