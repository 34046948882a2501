package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.store.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user types them, against a temporary warehouse named in a --config file. */
class CliTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("c.yaml");
        Files.writeString(config, "warehouse:\n  url: jdbc:duckdb:" + dir.resolve("w.duckdb") + "\narchive_dir: " + dir.resolve("raw")
                + "\nexports_dir: " + dir.resolve("exports") + "\n");
        Warehouse.open("jdbc:duckdb:" + dir.resolve("w.duckdb"), null, null, 2).close();
    }

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void queryPrintsATableJsonOrCsv() {
        Run table = run("query", "--config", config.toString(), "select count(*) AS runs from run_history");
        assertThat(table.code()).isZero();
        assertThat(table.out()).isEqualToNormalizingNewlines("runs\n----\n0\n(1 row)\n");
        Run two = run("query", "--config", config.toString(), "select 7 AS n, 'a' AS word union all select 22, 'bbbbbb' order by n");
        assertThat(two.out()).isEqualToNormalizingNewlines("n   word\n--  ------\n7   a\n22  bbbbbb\n(2 rows)\n");
        Run json = run("query", "--config", config.toString(), "--json", "select 1 AS one, 'x' AS two");
        assertThat(json.code()).isZero();
        assertThat(readJson(json.out())).isEqualTo(readJson("[{\"one\": 1, \"two\": \"x\"}]"));
        Run csv = run("query", "--config", config.toString(), "--csv", "select 1 AS one, 'a,b' AS two");
        assertThat(csv.out()).isEqualToNormalizingNewlines("one,two\n1,\"a,b\"\n");
    }

    private static JsonNode readJson(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void queryRefusesWrites() {
        for (String sql : new String[] {"INSERT INTO game (game_key) VALUES ('x')", "UPDATE game SET status = 'x'",
            "DELETE FROM game", "DROP TABLE game", "COPY game TO 'x.csv'", "ATTACH 'x.duckdb' AS x"}) {
            Run r = run("query", "--config", config.toString(), sql);
            assertThat(r.code()).as(sql).isEqualTo(2);
            assertThat(r.err()).as(sql).startsWith("query refused: ");
        }
    }

    @Test
    void statusOnAnEmptyWarehouseSaysSo() {
        Run r = run("status", "--config", config.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("nothing has run yet");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"demo", "run", "backfill", "status", "query"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: nbaprops " + cmd);
        }
        // Every command and subcommand: its help prints cleanly (a bare % in a description makes picocli warn and print it raw).
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(new picocli.CommandLine(Main.class).getSubcommands().values());
        int seen = 0;
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            java.util.List<String> path = new java.util.ArrayList<>();
            for (picocli.CommandLine p = c; p.getParent() != null; p = p.getParent()) {
                path.add(0, p.getCommandName());
            }
            path.add("--help");
            Run r = run(path.toArray(String[]::new));
            assertThat(r.code()).as(path.toString()).isZero();
            assertThat(r.out() + r.err()).as(path.toString()).doesNotContain("picocli WARN").contains("Usage: nbaprops");
            seen++;
        }
        assertThat(seen).isGreaterThan(15);
        assertThat(run("--help").out()).contains("demo").contains("backfill").contains("query");
    }

    @Test
    void badArgumentsGetAClearMessage() {
        Run r = run("run", "--date", "yesterday");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--date").contains("yesterday");
    }
}
