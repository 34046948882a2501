package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.testing.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nbaprops doctor`: what it checks, what it prints, and an exit code that says whether the platform can run. */
class DoctorCommandTest {
    static final String[] SOURCES = {"balldontlie", "odds_api", "nba_stats", "nba_cdn", "nba_web", "nba_official", "nba_static",
        "nba_statsdmz", "espn", "espn_web", "bettingpros", "basketball_reference", "bigdataball"};
    static final String BDL_KEY = "bdl-doctor-key-9f8e7d6c5b4a";

    @TempDir
    Path dir;

    record Run(int code, String out) {}

    Run doctor(Path config) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.execute("doctor", "--config", config.toString());
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    Path config(String baseUrl, Path secrets) throws Exception {
        StringBuilder y = new StringBuilder("warehouse:\n  url: jdbc:duckdb:" + dir.resolve("w.duckdb") + "\narchive_dir: " + dir.resolve("raw")
                + "\nexports_dir: " + dir.resolve("exports") + "\nsecrets_file: \"" + (secrets == null ? "" : secrets) + "\"\nsources:\n");
        for (String s : SOURCES) {
            y.append("  ").append(s).append(":\n    base_url: ").append(baseUrl).append('\n');
        }
        Path c = dir.resolve("c-" + System.nanoTime() + ".yaml");
        Files.writeString(c, y);
        return c;
    }

    @Test
    void withoutKeysAndWithoutReachableSourcesThePlatformCannotRunAndDoctorSaysWhatToFix() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = doctor(config("http://127.0.0.1:" + closed, null));
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("OK    configuration").contains("OK    warehouse").contains("OK    bus").contains("OK    clock")
                .contains("WARN  source balldontlie").contains("BALLDONTLIE_API_KEY is not set")
                .contains("WARN  source nba_stats").contains("unreachable: cannot connect to 127.0.0.1:" + closed)
                .contains("FAIL  sources").contains("the platform cannot run").contains("what to fix:")
                .contains("set NBAPROPS_API_KEY to a random string of 24+ characters").contains("disk");
    }

    @Test
    void withKeysAndReachableSourcesItCanRunAndKeysAreMasked() throws Exception {
        Path secrets = dir.resolve("secrets.properties");
        Files.writeString(secrets, "BALLDONTLIE_API_KEY=" + BDL_KEY + "\nODDS_API_KEY=odds-doctor-key-1234567890\n"
                + "NBAPROPS_API_KEY=doctor-service-key-abcdefghijkl\n");
        try (LocalHttpServer up = new LocalHttpServer()) {
            Run r = doctor(config(up.baseUrl(), secrets));
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).contains("OK    source balldontlie").contains("key ****4a (" + BDL_KEY.length() + " characters)")
                    .contains("reachable").contains("OK    service API key").contains("the platform can run")
                    .doesNotContain(BDL_KEY).doesNotContain("doctor-service-key-abcdefghijkl").doesNotContain("FAIL");
            assertThat(up.requests()).as("doctor only opens a TCP connection to probe; it sends no request").isEmpty();
        }
    }

    @Test
    void aBrokenConfigurationIsAFailureThatNamesTheSetting() throws Exception {
        Path c = dir.resolve("broken.yaml");
        Files.writeString(c, "engine:\n  max_attemps: 3\n");
        Run r = doctor(c);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  configuration").contains("max_attemps").contains("the platform cannot run");
    }
}
