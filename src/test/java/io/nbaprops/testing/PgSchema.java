package io.nbaprops.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh, uniquely named schema on the local PostgreSQL for one test; dropped on close. */
public final class PgSchema implements AutoCloseable {
    private final String name;

    private PgSchema(String name) {
        this.name = name;
    }

    /** Skips (or fails in CI) when PostgreSQL is not reachable, like {@link Services#requirePostgres()}. */
    public static PgSchema create(String prefix) {
        Services.requirePostgres();
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec("CREATE SCHEMA " + name);
        return new PgSchema(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL whose connections use this schema (and only it) by default. */
    public String url() {
        String base = Services.PG_URL;
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, null); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        exec("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
