package io.nbaprops.ops.schedule;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * db-scheduler on DuckDB: the DuckDB driver has no {@code ResultSet.getBytes}, which db-scheduler uses for
 * {@code task_data}; without this its poll loop fails every time and never runs a task (STACK.md pitfall 15).
 */
final class DuckDbTaskData extends DefaultJdbcCustomization {
    DuckDbTaskData() {
        super(false);
    }

    @Override
    public byte[] getTaskData(ResultSet rs, String column) throws SQLException {
        Blob b = rs.getBlob(column);
        return b == null ? null : b.getBytes(1, (int) b.length());
    }

    @Override
    public String getName() {
        return "duckdb";
    }
}
