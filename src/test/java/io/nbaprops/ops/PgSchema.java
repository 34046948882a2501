package io.nbaprops.ops;

import io.nbaprops.testing.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh schema on the test PostgreSQL (skips or fails per Services when there is none); dropped on close. */
public final class PgSchema implements AutoCloseable {
    public final String name;
    public final String url;

    public PgSchema(String prefix) throws SQLException {
        Services.requirePostgres();
        name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, null); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        }
        url = Services.PG_URL + (Services.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, null); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
