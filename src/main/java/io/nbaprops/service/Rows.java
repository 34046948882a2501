package io.nbaprops.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a result row to JSON-friendly values: column names in lower case, timestamps as UTC instants (the warehouse
 * stores UTC), dates as LocalDate, decimals as plain numbers. The same output from DuckDB and PostgreSQL.
 */
final class Rows implements RowMapper<Map<String, Object>> {
    static final Rows MAPPER = new Rows();

    @Override
    public Map<String, Object> map(ResultSet rs, StatementContext ctx) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs.getObject(i)));
        }
        return row;
    }

    static Object value(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof BigDecimal b) {
            return b.scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) b.longValue() : b.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValue();
        }
        return v;
    }
}
