package io.nbaprops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO game VALUES (1)",
        "insert into game select * from game",
        "UPDATE run_history SET status = 'SUCCESS'",
        "DELETE FROM prediction",
        "DROP TABLE game",
        "COPY game TO '/tmp/x.csv'",
        "ATTACH '/tmp/other.duckdb' AS o",
        "DETACH o",
        "CREATE TABLE x AS SELECT 1",
        "ALTER TABLE game ADD COLUMN x INT",
        "TRUNCATE game",
        "PRAGMA enable_profiling",
        "SET threads = 1",
        "INSTALL httpfs",
        "LOAD httpfs",
        "CALL checkpoint()",
        "EXPORT DATABASE '/tmp/x'",
        "SELECT 1; DROP TABLE game",
        "WITH x AS (DELETE FROM game RETURNING *) SELECT * FROM x",
        "EXPLAIN ANALYZE DELETE FROM game",
        "select * from game for update",
        "MERGE INTO game USING game g2 ON true WHEN MATCHED THEN DELETE",
        "VACUUM",
        "BEGIN",
        "   ",
        "SELECT 'unterminated",
    })
    void refusesAnythingThatCanWrite(String sql) {
        assertThatThrownBy(() -> SqlGuard.requireReadOnly(sql)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select count(*) from run_history",
        "SELECT 'DROP TABLE game' AS text, \"delete\" FROM game",
        "-- DELETE FROM game\nSELECT 1",
        "WITH g AS (SELECT * FROM game) SELECT game_key, replace(game_key, '_', '-') FROM g;",
        "DESCRIBE game",
        "FROM game SELECT game_key",
        "(SELECT 1) UNION ALL (SELECT 2)",
    })
    void acceptsReadOnlyQueries(String sql) {
        assertThat(SqlGuard.requireReadOnly(sql)).doesNotEndWith(";");
    }

    @Test
    void theReadOnlyConnectionRefusesWritesEvenIfTheGuardWereBypassed(@TempDir Path dir) throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("r.duckdb");
        Warehouse.open(url, null, null, 1).close();
        try (Warehouse ro = Warehouse.openReadOnly(url, null, null);
                var c = ro.connection();
                var st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE TABLE sneaky (x INT)")).hasMessageContaining("read-only");
            assertThat(ReadOnlyQuery.run(ro, "SELECT count(*) AS n FROM run_history", 10).rows())
                    .singleElement().satisfies(r -> assertThat(r.get("n")).isEqualTo(0L));
        }
    }
}
