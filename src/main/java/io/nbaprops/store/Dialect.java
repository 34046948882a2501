package io.nbaprops.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything that differs between the warehouses lives here, and only here: how rows are bulk
 * loaded into a staging table, where primary keys are listed, and how a read-only session is made.
 */
public interface Dialect {
    String name();

    /** Primary-key columns of {@code table}, in key order; empty when the table has none. */
    List<String> primaryKey(Connection c, String table) throws SQLException;

    /**
     * Columns of {@code table} covered by a secondary index whose update makes the warehouse delete and re-insert
     * the row (so an upsert should only set them where they change); empty where updating them costs nothing special.
     */
    List<String> indexedColumns(Connection c, String table) throws SQLException;

    /** Loads rows (already coerced to the column types) into an existing, empty staging table. */
    void loadStage(Connection c, String stage, List<String> columns, List<Object[]> rows) throws SQLException;

    /** SQL creating an empty temporary table with {@code table}'s column types for {@code columns}. */
    String createStageSql(String stage, String table, List<String> columns);

    /** Puts the connection in a state where no statement can write (defence in depth for {@code query}). */
    void enterReadOnly(Connection c) throws SQLException;

    static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            return new DuckDbDialect();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        throw new IllegalArgumentException("unsupported warehouse url " + jdbcUrl + " (expected jdbc:duckdb: or jdbc:postgresql:)");
    }
}
