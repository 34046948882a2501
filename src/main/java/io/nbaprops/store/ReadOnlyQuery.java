package io.nbaprops.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one operator query, checked by {@link SqlGuard}, on a read-only session; returns rows as ordered maps. */
public final class ReadOnlyQuery {
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {}

    private ReadOnlyQuery() {}

    public static Result run(Warehouse warehouse, String sql, int maxRows) {
        String checked = SqlGuard.requireReadOnly(sql);
        try (Connection c = warehouse.connection()) {
            warehouse.dialect().enterReadOnly(c);
            try (Statement st = c.createStatement()) {
                st.setMaxRows(maxRows + 1);
                try (ResultSet rs = st.executeQuery(checked)) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(md.getColumnLabel(i));
                    }
                    List<Map<String, Object>> rows = new ArrayList<>();
                    boolean truncated = false;
                    while (rs.next()) {
                        if (rows.size() == maxRows) {
                            truncated = true;
                            break;
                        }
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= cols.size(); i++) {
                            Object v = rs.getObject(i);
                            row.put(cols.get(i - 1), plain(v));
                        }
                        rows.add(row);
                    }
                    return new Result(cols, rows, truncated);
                }
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("query failed: " + e.getMessage(), e);
        }
    }

    /** JDBC temporal and numeric oddities to values that print and serialise plainly. */
    private static Object plain(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.temporal.Temporal t) {
            return t.toString();
        }
        if (v instanceof java.math.BigDecimal bd) {
            return bd.doubleValue();
        }
        if (v instanceof java.math.BigInteger bi) {
            return bi.longValue();
        }
        if (v instanceof java.sql.Array a) {
            try {
                return java.util.Arrays.asList((Object[]) a.getArray());
            } catch (SQLException e) {
                return String.valueOf(a);
            }
        }
        if (v instanceof java.util.UUID u) {
            return u.toString();
        }
        return v;
    }
}
