package io.nbaprops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.cli.Main;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `nbaprops query` on PostgreSQL: besides SqlGuard's statement check, the session itself is read-only,
 * so a write SqlGuard cannot see (a function that inserts, called from a SELECT) fails in the database.
 */
class PostgresReadOnlyQueryTest {
    @TempDir
    Path dir;

    @Test
    void aWriteHiddenInASelectFailsInTheReadOnlyTransaction() throws Exception {
        try (PgSchema schema = PgSchema.create("readonly")) {
            try (Warehouse w = Warehouse.open(schema.url(), Services.PG_USER, null, 2)) {
                w.jdbi().useHandle(h -> {
                    h.execute("CREATE TABLE probe (x INTEGER)");
                    h.execute("CREATE FUNCTION sneaky_write() RETURNS INTEGER LANGUAGE SQL AS $$ INSERT INTO probe VALUES (1) RETURNING x $$");
                });
            }
            try (Warehouse ro = Warehouse.openReadOnly(schema.url(), Services.PG_USER, null)) {
                assertThat(SqlGuard.requireReadOnly("SELECT sneaky_write()")).isNotBlank(); // the guard cannot tell
                assertThatThrownBy(() -> ReadOnlyQuery.run(ro, "SELECT sneaky_write()", 10))
                        .isInstanceOf(WarehouseException.class).hasMessageContaining("read-only transaction");
                assertThatThrownBy(() -> ReadOnlyQuery.run(ro, "INSERT INTO probe VALUES (2)", 10))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(ReadOnlyQuery.run(ro, "SELECT count(*) AS n FROM probe", 10).rows().get(0).get("n")).isEqualTo(0L);
            }
            // The same through the command line.
            Path cfg = dir.resolve("pg.yaml");
            Files.writeString(cfg, "warehouse:\n  url: \"" + schema.url() + "\"\n  user: " + Services.PG_USER + "\n");
            assertThat(Main.execute("query", "--config", cfg.toString(), "SELECT sneaky_write()")).isNotZero();
            assertThat(Main.execute("query", "--config", cfg.toString(), "SELECT count(*) AS n FROM probe")).isZero();
            try (Warehouse w = Warehouse.openReadOnly(schema.url(), Services.PG_USER, null)) {
                assertThat(ReadOnlyQuery.run(w, "SELECT count(*) AS n FROM probe", 10).rows().get(0).get("n")).isEqualTo(0L);
            }
        }
    }
}
