package io.nbaprops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM (SIGKILL) in the middle of writing a partition and checks that nothing of the
 * partition was committed, that the dead run is marked ABANDONED, and that the next run completes it.
 */
class CrashRecoveryTest {
    static final LocalDate D = LocalDate.of(2025, 1, 15);
    static final int ROWS = 20_000;

    /** The asset the child process runs: writes the partition, then stalls inside the transaction. */
    static final class HalfWriter implements Asset {
        private final boolean stall;

        HalfWriter(boolean stall) {
            this.stall = stall;
        }

        @Override
        public String name() {
            return "half_writer";
        }

        @Override
        public Phase phase() {
            return Phase.ANALYTICS;
        }

        @Override
        public AssetResult materialize(AssetContext ctx) {
            return AssetResult.rows(ctx.write(tx -> {
                RowBatch b = RowBatch.of("crash_out", "d", "k", "v");
                for (int i = 0; i < ROWS; i++) {
                    b.add(ctx.partition(), "k" + i, (double) i);
                }
                tx.replacePartition(b, "d", ctx.partition());
                if (stall) {
                    System.out.println("IN_TRANSACTION");
                    System.out.flush();
                    java.util.concurrent.locks.LockSupport.park(); // until killed
                }
            }));
        }
    }

    static Engine engine(Warehouse w, boolean stall) {
        return engine(w, stall, Clock.systemUTC());
    }

    static Engine engine(Warehouse w, boolean stall, Clock clock) {
        return new Engine(new AssetGraph(List.of(new HalfWriter(stall))), new RunStore(w),
                new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of()), PartitionCalendar.none(), clock, "node");
    }

    /** Child process entry point: {@code CrashRecoveryTest$Child <db file>}. */
    public static final class Child {
        public static void main(String[] args) {
            Warehouse w = Warehouse.open("jdbc:duckdb:" + args[0], null, null, 2);
            w.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS crash_out (d DATE NOT NULL, k VARCHAR NOT NULL, "
                    + "v DOUBLE PRECISION, PRIMARY KEY (d, k))"));
            engine(w, true).run("half_writer", D, "crash-test");
        }
    }

    @Test
    void aKilledProcessLeavesNoHalfWrittenPartitionAndTheNextRunCompletesIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("crash.duckdb");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), db.toString());
        pb.redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean inTx = false;
            while ((line = out.readLine()) != null) {
                if (line.contains("IN_TRANSACTION")) {
                    inTx = true;
                    break;
                }
            }
            assertThat(inTx).as("child reached the middle of its transaction").isTrue();
        }
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + db, null, null, 2)) {
            long rows = w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM crash_out").mapTo(Long.class).one());
            assertThat(rows).as("nothing of the killed transaction is visible").isZero();
            // The next process may run on a replay clock that stands far before the dead one's heartbeat (a demo
            // started again from the season's first day): the run is closed all the same.
            try (Engine e = engine(w, false, Clock.offset(Clock.systemUTC(), Duration.ofDays(-700)))) {
                assertThat(e.store().runs("half_writer", D)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("RUNNING"));
                List<RunRecord> abandoned = e.abandonSilentRuns(Duration.ZERO);
                assertThat(abandoned).hasSize(1);
                assertThat(e.store().state("half_writer", D).orElseThrow().state()).isEqualTo("ABANDONED");
                RunOutcome again = e.run("half_writer", D, "test");
                assertThat(again.status()).isEqualTo(RunStatus.SUCCESS);
                assertThat(again.rowsWritten()).isEqualTo(ROWS);
            }
            long after = w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM crash_out").mapTo(Long.class).one());
            assertThat(after).isEqualTo(ROWS);
        }
    }
}
