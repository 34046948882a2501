package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, shortened: the demo runs the sandbox league, then status and query work on what it left. */
class DemoCommandTest {
    @Test
    void demoThenStatusThenQuery(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "warehouse:\n  url: jdbc:duckdb:" + dir.resolve("w.duckdb") + "\narchive_dir: " + dir.resolve("raw")
                + "\nexports_dir: " + dir.resolve("exports") + "\n");
        String demo = run("demo", "--days", "3", "--config", config.toString());
        assertThat(demo).contains("demo finished").contains("3 game days").contains("runs: {SUCCESS=");
        assertThat(demo).doesNotContain("FAILED");
        String status = run("status", "--config", config.toString());
        assertThat(status).contains("prediction").contains("10-22").contains("ok");
        String query = run("query", "--config", config.toString(), "select count(*) AS runs from run_history where status = 'SUCCESS'");
        assertThat(query).contains("runs").contains("(1 row)");
        assertThat(Files.exists(dir.resolve("exports/picks/2024-10-24.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("exports/status.json"))).isTrue();
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            assertThat(code).as(String.join(" ", args) + "\n" + out).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }
}
