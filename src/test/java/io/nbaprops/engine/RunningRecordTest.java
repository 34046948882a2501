package io.nbaprops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's RUNNING row is written once the run has lasted {@code running_record_after_ms}: a short run writes one
 * record as it ends, a long one is visible as RUNNING while it runs (then its row becomes the outcome), and a partition
 * running here holds back its same-date downstream even before its row exists.
 */
class RunningRecordTest {
    static final LocalDate D = LocalDate.of(2025, 1, 15);

    @TempDir
    Path dir;
    Warehouse w;
    Engine engine;

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("r.duckdb"), null, null, 4);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        w.close();
    }

    Engine engine(long runningRecordAfterMs, Asset... assets) {
        engine = new Engine(new AssetGraph(List.of(assets)), new RunStore(w), new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of(),
                runningRecordAfterMs), PartitionCalendar.none(), Clock.systemUTC(), "test");
        return engine;
    }

    static Asset asset(String name, List<Dependency> up, Function<AssetContext, AssetResult> body) {
        return new Asset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Phase phase() {
                return Phase.ANALYTICS;
            }

            @Override
            public List<Dependency> upstream() {
                return up;
            }

            @Override
            public AssetResult materialize(AssetContext ctx) {
                return body.apply(ctx);
            }
        };
    }

    @Test
    void aShortRunWritesOneRecordAsItEndsAndHoldsBackItsDownstreamMeanwhile() {
        AtomicReference<List<RunRecord>> seenDuring = new AtomicReference<>();
        AtomicReference<RunOutcome> downstreamDuring = new AtomicReference<>();
        Asset down = asset("down", List.of(Dependency.same("up")), ctx -> AssetResult.rows(1));
        Asset up = asset("up", List.of(), ctx -> {
            seenDuring.set(engine.store().runs("up", D));
            downstreamDuring.set(engine.run("down", D, "test"));
            return AssetResult.rows(7);
        });
        engine(60_000, up, down);
        RunOutcome o = engine.run("up", D, "test");
        assertThat(o.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(seenDuring.get()).as("no RUNNING row before the threshold").isEmpty();
        assertThat(downstreamDuring.get().status()).isEqualTo(RunStatus.WAITING);
        assertThat(downstreamDuring.get().message()).contains("up [" + D + "] is RUNNING");
        assertThat(engine.store().runs("up", D)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("SUCCESS");
            assertThat(r.rowsWritten()).isEqualTo(7L);
            assertThat(r.runId()).isEqualTo(o.runId());
        });
        assertThat(engine.store().state("up", D).orElseThrow().state()).isEqualTo("SUCCESS");
        assertThat(engine.run("down", D, "test").status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void aLongRunIsVisibleAsRunningAndItsRowThenBecomesTheOutcome() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Asset slow = asset("slow", List.of(), ctx -> {
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return AssetResult.rows(3);
        });
        engine(100, slow);
        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> engine.run("slow", D, "test"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<RunRecord> running = List.of();
        while (running.isEmpty() && System.nanoTime() < deadline) {
            running = engine.store().runs("slow", D).stream().filter(r -> r.status().equals("RUNNING")).toList();
            Thread.onSpinWait();
        }
        assertThat(running).as("a RUNNING row once the run outlasts 100 ms").hasSize(1);
        String runningId = running.get(0).runId();
        assertThat(engine.store().state("slow", D).orElseThrow().state()).isEqualTo("RUNNING");
        release.countDown();
        RunOutcome o = run.get(30, TimeUnit.SECONDS);
        assertThat(o.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(engine.store().runs("slow", D)).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(runningId).isEqualTo(o.runId());
            assertThat(r.status()).isEqualTo("SUCCESS");
            assertThat(r.rowsWritten()).isEqualTo(3L);
        });
    }
}
