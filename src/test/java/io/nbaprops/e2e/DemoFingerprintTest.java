package io.nbaprops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.testing.Fingerprint;
import io.nbaprops.testing.SandboxSeason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the demo stores, pinned: the first 14 game days run as {@code nbaprops demo --days 14} runs them (every phase,
 * day by day, over HTTP from the sandbox), then every table's row count and content hash (and each column's), the
 * exports' and the raw archive's files, compared with the committed fingerprint. A change that makes the demo faster
 * must leave this file as it is; a change that means to store something else rewrites it (run with
 * {@code -Dnbaprops.fingerprint.write=true}) and says why in its commit. Then a second demo over the same folder (a new
 * process would resume there) runs the days again and leaves the same rows, apart from the run bookkeeping that
 * records the second run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFingerprintTest {
    static final int DAYS = 14;
    static final Path EXPECTED = Path.of("src/test/resources/io/nbaprops/e2e/demo-14-days.fingerprint");

    /**
     * Columns that legitimately differ from run to run: run ids (random UUIDs, and what points at them: a payload's
     * collection is its collecting run), durations and heartbeats measured on the wall clock, the node (host and process
     * id), the ids of engine events, and when and how fast the migrations were applied.
     */
    static final Set<String> VARIES = Set.of("*.run_id", "*.last_run_id", "raw_payload.collection_id", "run_history.duration_ms",
            "run_history.heartbeat_at", "run_history.node", "engine_event.event_id", "flyway_schema_history.installed_on",
            "flyway_schema_history.execution_time");

    /**
     * Values rewritten before hashing: the sandbox's address (a free port, another each run), in the archive's sidecar
     * files the collection id (the collecting run's id), and durations in run messages ("... no failures, 41 ms").
     */
    static final Map<String, String> REWRITES = rewrites(
            "http://127\\.0\\.0\\.1:\\d+", "http://sandbox",
            "(\"collection_id\"\\s*:\\s*)\"[^\"]*\"", "$1\"(run id)\"",
            "\\b\\d+ ms\\b", "(n) ms");

    /**
     * What a second run changes by design: it records its runs and their events, and each partition's state says what
     * its last run did (the registry of players exists on a second pass, so the first days' identity checks read
     * differently, and their rows written count the unmatched names no more).
     */
    static final Set<String> RUN_BOOKKEEPING_TABLES = Set.of("run_history", "engine_event");
    static final Set<String> LAST_RUN_COLUMNS = Set.of("asset_partition", "asset_partition.reason", "asset_partition.last_rows_written");

    /** A difference ("key: expected -> actual") a second run makes by design. */
    static boolean recordsTheSecondRun(String difference) {
        String key = difference.substring(0, difference.indexOf(": "));
        String table = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return RUN_BOOKKEEPING_TABLES.contains(table) || LAST_RUN_COLUMNS.contains(key);
    }

    private static Map<String, String> rewrites(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @TempDir
    static Path dir;
    List<LocalDate> dates;
    Map<String, String> first;

    @BeforeAll
    void replay() {
        first = demo();
    }

    /** A demo over {@code dir}: a fresh sandbox run on the folder's warehouse, the first DAYS dates, then its fingerprint. */
    Map<String, String> demo() {
        try (SandboxRun run = SandboxSeason.start(dir)) {
            dates = run.gameDates().subList(0, DAYS);
            SandboxSeason.days(run, dates);
            Map<String, String> fp = new TreeMap<>(Fingerprint.ofWarehouse(run.platform().warehouse(), VARIES, REWRITES));
            fp.putAll(Fingerprint.ofFiles(dir.resolve("exports"), "exports", REWRITES));
            fp.putAll(Fingerprint.ofFiles(dir.resolve("raw"), "raw", REWRITES));
            return fp;
        }
    }

    @Test
    void theDemoStoresWhatTheCommittedFingerprintSays() throws IOException {
        Path actual = Path.of("target/demo-14-days.fingerprint");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, Fingerprint.text(first), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("nbaprops.fingerprint.write")) {
            Files.createDirectories(EXPECTED.getParent());
            Files.writeString(EXPECTED, "# DemoFingerprintTest: the first " + DAYS + " days of the sandbox demo (seed 2024)\n"
                    + Fingerprint.text(first), StandardCharsets.UTF_8);
        }
        Map<String, String> expected = Fingerprint.parse(Files.readString(EXPECTED, StandardCharsets.UTF_8));
        assertThat(first.keySet()).as("tables and files").hasSizeGreaterThan(50);
        assertThat(Fingerprint.differences(expected, first)).as("differences from " + EXPECTED + " (this run's: " + actual + ")").isEmpty();
    }

    @Test
    void aSecondDemoOverTheSameFolderLeavesTheSameRows() {
        Map<String, String> second = demo();
        List<String> diff = Fingerprint.differences(first, second).stream()
                .filter(d -> !recordsTheSecondRun(d)).toList();
        assertThat(diff).isEmpty();
        // The bookkeeping did record the second run: twice the runs.
        long runs1 = rows(first.get("run_history"));
        assertThat(rows(second.get("run_history"))).isEqualTo(2 * runs1).isPositive();
    }

    private static long rows(String line) {
        return Long.parseLong(line.replaceAll("^rows=(\\d+).*$", "$1"));
    }
}
