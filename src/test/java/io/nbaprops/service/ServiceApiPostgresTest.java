package io.nbaprops.service;

import io.nbaprops.testing.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** The same read API tests on a real PostgreSQL (a fresh schema): the service's SQL is portable. */
class ServiceApiPostgresTest extends ServiceApiTest {
    private String schema;

    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, null); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot drop schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    ServiceFixture open() {
        Services.requirePostgres();
        schema = "service_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, null); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + Services.PG_URL + ": " + e.getMessage(), e);
        }
        String url = Services.PG_URL + (Services.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new ServiceFixture(dir, true, null, url, Services.PG_USER);
    }
}
