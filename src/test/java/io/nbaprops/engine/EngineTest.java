package io.nbaprops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    static final LocalDate D1 = LocalDate.of(2025, 1, 15);
    static final LocalDate D2 = LocalDate.of(2025, 1, 16);
    static final LocalDate D3 = LocalDate.of(2025, 1, 17);

    @TempDir
    Path dir;
    Warehouse w;
    Engine engine;
    final List<String> order = Collections.synchronizedList(new ArrayList<>());
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("e.duckdb"), null, null, 4);
        w.jdbi().useHandle(h -> h.execute("CREATE TABLE e_out (asset VARCHAR NOT NULL, d DATE NOT NULL, k VARCHAR NOT NULL, "
                + "v DOUBLE PRECISION, PRIMARY KEY (asset, d, k))"));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        w.close();
    }

    Engine engine(Asset... assets) {
        EngineConfig cfg = new EngineConfig(3, 5, 20, 600, 0.8, 1, Map.of());
        engine = new Engine(new AssetGraph(List.of(assets)), new RunStore(w), cfg, PartitionCalendar.none(), Clock.systemUTC(), "test");
        engine.addListener(new EngineListener() {
            @Override
            public void onEvent(String kind, String asset, LocalDate partition, String runId, String message) {
                events.add(kind + " " + asset);
            }
        });
        return engine;
    }

    /** Writes rows computed from the partition into e_out, replacing its partition of its own rows. */
    class Writer implements Asset {
        final String name;
        final List<Dependency> up;
        final Function<AssetContext, Integer> body;

        Writer(String name, List<Dependency> up, Function<AssetContext, Integer> before) {
            this.name = name;
            this.up = up;
            this.body = before;
        }

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
            order.add(name + "@" + ctx.partition());
            int n = body == null ? 3 : body.apply(ctx);
            RowBatch b = RowBatch.of("e_out", "asset", "d", "k", "v");
            for (int i = 0; i < n; i++) {
                b.add(name, ctx.partition(), "k" + i, ctx.partition().getDayOfMonth() * 10.0 + i);
            }
            return AssetResult.rows(ctx.write(tx -> {
                tx.handle().createUpdate("DELETE FROM e_out WHERE asset = ? AND d = ?").bind(0, name).bind(1, ctx.partition()).execute();
                tx.upsert(b);
            }));
        }
    }

    Writer writer(String name, String... upstream) {
        return new Writer(name, java.util.Arrays.stream(upstream).map(Dependency::same).toList(), null);
    }

    long count(String asset, LocalDate d) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM e_out WHERE asset = ? AND d = ?")
                .bind(0, asset).bind(1, d).mapTo(Long.class).one());
    }

    @Test
    void runsAssetsInDependencyOrderWhateverTheRegistrationOrder() {
        engine(writer("c", "b"), writer("b", "a"), writer("a"));
        RunSummary s = engine.runPartition(D1, List.of(), "test");
        assertThat(order).containsExactly("a@2025-01-15", "b@2025-01-15", "c@2025-01-15");
        assertThat(s.allSucceeded()).isTrue();
        assertThat(s.rowsWritten()).isEqualTo(9);
        assertThat(engine.store().runs("c", D1)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("SUCCESS");
            assertThat(r.rowsWritten()).isEqualTo(3);
            assertThat(r.endedAt()).isAfterOrEqualTo(r.startedAt());
        });
    }

    @Test
    void cyclesAndUnknownUpstreamsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssetGraph(List.of(writer("a", "b"), writer("b", "a"))))
                .hasMessageContaining("dependency cycle");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AssetGraph(List.of(writer("a", "zzz"))))
                .hasMessageContaining("unknown asset zzz");
    }

    @Test
    void retryableErrorIsRetriedThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        engine(new Writer("flaky", List.of(), ctx -> {
            if (calls.incrementAndGet() < 3) {
                throw new RetryableException("source returned zero rows on a game day");
            }
            return 2;
        }));
        RunOutcome o = engine.run("flaky", D1, "test");
        assertThat(o.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(o.attempts()).isEqualTo(3);
        List<RunRecord> runs = engine.store().runs("flaky", D1);
        assertThat(runs).extracting(RunRecord::attempt, RunRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "FAILED"), org.assertj.core.groups.Tuple.tuple(2, "FAILED"),
                        org.assertj.core.groups.Tuple.tuple(3, "SUCCESS"));
        assertThat(runs.get(0).message()).startsWith("will retry: source returned zero rows");
        assertThat(events).contains("RETRY flaky");
        assertThat(count("flaky", D1)).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesMarkTheRunFailedWithTheCauseChain() {
        engine(new Writer("down", List.of(), ctx -> {
            throw new RetryableException("upstream API unavailable", new java.io.IOException("connection refused"));
        }), writer("after", "down"));
        RunSummary s = engine.runPartition(D1, List.of(), "test");
        RunOutcome down = s.outcomes().get(0);
        assertThat(down.status()).isEqualTo(RunStatus.FAILED);
        assertThat(down.attempts()).isEqualTo(3);
        RunRecord last = engine.store().runs("down", D1).get(2);
        assertThat(last.error()).contains("RetryableException: upstream API unavailable")
                .contains("caused by java.io.IOException: connection refused");
        assertThat(engine.store().state("down", D1).orElseThrow().failuresSinceSuccess()).isEqualTo(1);
        RunOutcome after = s.outcomes().get(1);
        assertThat(after.status()).isEqualTo(RunStatus.WAITING);
        assertThat(after.message()).isEqualTo("waiting for down [2025-01-15] is FAILED: upstream API unavailable");
        assertThat(order).doesNotContain("after@2025-01-15");
    }

    @Test
    void nonRetryableErrorsAreNotRetried() {
        engine(new Writer("bug", List.of(), ctx -> {
            throw new IllegalStateException("a bug");
        }));
        assertThat(engine.run("bug", D1, "test").attempts()).isEqualTo(1);
    }

    @Test
    void budgetWarningAt80PercentThenTimeoutCommitsNothingAndBlocksDownstream() throws Exception {
        CountDownLatch inTransaction = new CountDownLatch(1);
        Asset slow = new Asset() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Phase phase() {
                return Phase.ANALYTICS;
            }

            @Override
            public Duration budget() {
                return Duration.ofMillis(400);
            }

            @Override
            public AssetResult materialize(AssetContext ctx) {
                return AssetResult.rows(ctx.write(tx -> {
                    tx.upsert(RowBatch.of("e_out", "asset", "d", "k", "v").add("slow", ctx.partition(), "half", 1.0));
                    inTransaction.countDown();
                    while (!ctx.isCancelled()) { // a long computation that polls for cancellation
                        LockSupport.parkNanos(1_000_000);
                    }
                    ctx.checkCancelled();
                }));
            }
        };
        engine(slow, writer("down", "slow"));
        RunSummary s = engine.runPartition(D1, List.of(), "test");
        assertThat(inTransaction.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(s.outcomes().get(0).status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(s.outcomes().get(0).message()).contains("exceeded its time budget of 400 ms");
        assertThat(s.outcomes().get(1).status()).isEqualTo(RunStatus.WAITING);
        assertThat(events).containsSubsequence("BUDGET_WARNING slow", "TIMEOUT slow");
        assertThat(engine.store().runs("slow", D1)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("TIMED_OUT");
            assertThat(r.errorType()).isEqualTo(AssetTimeoutException.class.getName());
        });
        // The worker sees the cancellation and rolls back: poll until its slot is released.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!engine.activeRuns().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        assertThat(engine.activeRuns()).isEmpty();
        assertThat(count("slow", D1)).isZero();
        List<String> kinds = w.jdbi().withHandle(h -> h.createQuery("SELECT kind FROM engine_event WHERE asset = 'slow' ORDER BY occurred_at")
                .mapTo(String.class).list());
        assertThat(kinds).containsSubsequence("BUDGET_WARNING", "TIMEOUT");
    }

    @Test
    void incompleteInputsBlockTheAssetWithAClearReason() {
        Writer picky = new Writer("summary", List.of(), null) {
            @Override
            public Readiness readiness(AssetContext ctx) {
                return Readiness.waitingFor("final box scores of 2 game(s): 20250115_BOS_PHI, 20250115_LAL_DEN");
            }
        };
        engine(picky, writer("features", "summary"));
        RunSummary s = engine.runPartition(D1, List.of(), "test");
        assertThat(s.outcomes()).extracting(RunOutcome::status).containsExactly(RunStatus.WAITING, RunStatus.WAITING);
        assertThat(engine.store().state("summary", D1).orElseThrow().reason())
                .isEqualTo("waiting for final box scores of 2 game(s): 20250115_BOS_PHI, 20250115_LAL_DEN");
        assertThat(engine.store().state("features", D1).orElseThrow().reason())
                .startsWith("waiting for summary [2025-01-15] is WAITING");
        assertThat(engine.store().runs("summary", D1)).isEmpty();
        assertThat(order).isEmpty();
    }

    @Test
    void priorDatesDependencyWaitsForEveryEarlierCalendarDate() {
        EngineConfig cfg = new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of());
        Writer hist = writer("history");
        Writer pred = new Writer("pred", List.of(Dependency.prior("history")), null);
        engine = new Engine(new AssetGraph(List.of(hist, pred)), new RunStore(w), cfg, d -> List.of(D1, D2).stream()
                .filter(x -> x.isBefore(d)).toList(), Clock.systemUTC(), "test");
        engine.run("history", D1, "test");
        RunOutcome waiting = engine.run("pred", D3, "test");
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(waiting.message()).contains("history has not succeeded for 1 earlier date(s), first 2025-01-16");
        engine.run("history", D2, "test");
        assertThat(engine.run("pred", D3, "test").status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void aFailedPartitionDoesNotStopTheOthersAndTheSummarySaysWhy() {
        engine(new Writer("daily", List.of(), ctx -> {
            if (ctx.partition().equals(D2)) {
                throw new IllegalArgumentException("box score for 20250116_BOS_PHI has 0 players");
            }
            return 2;
        }));
        List<LocalDate> done = new ArrayList<>();
        RunSummary s = engine.backfill(D1, D3, List.of(), "test", false, new Engine.BackfillProgress() {
            @Override
            public void start(int dates) {
                assertThat(dates).isEqualTo(3);
            }

            @Override
            public void dateDone(LocalDate date, RunSummary day) {
                done.add(date);
            }
        });
        assertThat(done).containsExactly(D1, D2, D3);
        assertThat(s.outcomes()).extracting(RunOutcome::status).containsExactly(RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.SUCCESS);
        assertThat(s.describe(5)).contains("FAILED daily [2025-01-16] box score for 20250116_BOS_PHI has 0 players");
        assertThat(count("daily", D3)).isEqualTo(2);
        // A resumed backfill only re-runs what did not succeed.
        order.clear();
        engine.backfill(D1, D3, List.of(), "test", false, null);
        assertThat(order).containsExactly("daily@2025-01-16");
    }

    @Test
    void runningThePartitionThreeTimesLeavesIdenticalRows() {
        engine(writer("a"), writer("b", "a"));
        List<List<Map<String, Object>>> snapshots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            engine.runPartition(D1, List.of(), "test");
            snapshots.add(w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM e_out ORDER BY asset, d, k").mapToMap().list()));
        }
        assertThat(snapshots.get(0)).hasSize(6);
        assertThat(snapshots.get(1)).isEqualTo(snapshots.get(0));
        assertThat(snapshots.get(2)).isEqualTo(snapshots.get(0));
        assertThat(engine.store().runs("a", D1)).hasSize(3);
    }

    @Test
    void startingAPartitionThatIsAlreadyRunningIsRefusedNotDoubled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine(new Writer("long", List.of(), ctx -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.run("long", D1, "schedule"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        RunOutcome second = engine.run("long", D1, "dashboard");
        assertThat(second.status()).isEqualTo(RunStatus.ALREADY_RUNNING);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(engine.store().runs("long", D1)).hasSize(1);
    }
}
