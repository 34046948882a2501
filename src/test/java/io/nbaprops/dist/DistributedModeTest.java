package io.nbaprops.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.bus.DeadLetter;
import io.nbaprops.bus.RabbitBus;
import io.nbaprops.bus.RabbitDispatcher;
import io.nbaprops.bus.RabbitWorker;
import io.nbaprops.cli.Main;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.alert.AlertRecord;
import io.nbaprops.predict.BatchResult;
import io.nbaprops.predict.InProcessDispatcher;
import io.nbaprops.predict.Market;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.ChildWorker;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.SandboxSeason;
import io.nbaprops.testing.Services;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed mode against the real servers: the same sandbox week run embedded (DuckDB, in-process) and
 * distributed (PostgreSQL, RabbitMQ, one worker process plus two worker threads) gives identical
 * predictions, grades and exports; then, on the distributed platform, a worker process SIGKILLed
 * mid-batch, a poison item, and connections dropped by the broker mid-batch. The fault tests run in
 * order after the parity one (each leaves the platform as the next expects).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedModeTest {
    static final int DAYS = 5;

    @TempDir
    static Path dir;
    PgSchema schema;
    String prefix;
    Map<String, String> env;
    SandboxRun embedded;
    SandboxRun distributed;
    RabbitBus bus;
    ChildWorker child;
    final List<RabbitWorker> threads = new ArrayList<>();
    final AtomicBoolean poisoned = new AtomicBoolean();
    volatile String victim = "";
    List<LocalDate> dates;
    String events;

    @BeforeAll
    void replayTheWeekBothWays() throws Exception {
        Services.requirePostgresAndRabbit();
        embedded = SandboxSeason.start(dir.resolve("embedded"), Map.of("NBAPROPS_PREDICT_MARKETS", ONE_MARKET));
        dates = embedded.gameDates().subList(0, DAYS);
        SandboxSeason.days(embedded, dates);

        schema = PgSchema.create("dist");
        prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        env = TestPlatform.env(dir.resolve("distributed"), null);
        env.put("NBAPROPS_WAREHOUSE_URL", schema.url());
        env.put("NBAPROPS_WAREHOUSE_USER", Services.PG_USER);
        env.put("NBAPROPS_BUS_KIND", "rabbitmq");
        env.put("NBAPROPS_BUS_QUEUE_PREFIX", prefix);
        env.put("NBAPROPS_BUS_RABBITMQ_DEFAULT_URI", "amqp://guest:guest@" + Services.RABBIT_HOST + ":" + Services.RABBIT_PORT);
        env.put("NBAPROPS_PREDICT_BATCH_DEADLINE_SECONDS", "60");
        env.put("NBAPROPS_PREDICT_MARKETS", ONE_MARKET);
        distributed = SandboxRun.start(2024, null, env);
        bus = RabbitBus.from(distributed.platform().config().bus(), new Secrets(Map.of(), null));
        try (Connection c = bus.connect("test-events"); Channel ch = c.createChannel()) {
            events = prefix + ".events.test";
            ch.queueDeclare(events, true, false, false, Map.of());
            ch.queueBind(events, bus.eventsExchange(), "asset.prediction.*");
        }
        child = ChildWorker.start(env, prefix + "-child", 0, dir.resolve("child-worker.log"));
        for (int i = 1; i <= 2; i++) {
            threads.add(threadWorker("thread-" + i, 0));
        }
        SandboxSeason.days(distributed, dates);
    }

    RabbitWorker threadWorker(String name, long delayMs) {
        return new RabbitWorker(bus, distributed.platform().predictions().worker(), prefix + "-" + name, item -> {
            if (poisoned.get() && item.game().playerLookup().equals(victim)) {
                throw new IllegalStateException("poison switch is on for " + victim);
            }
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
        }).start(1);
    }

    void stopThreadWorkers() {
        threads.forEach(RabbitWorker::close);
        threads.clear();
    }

    @AfterAll
    void tearDown() throws Exception {
        stopThreadWorkers();
        if (child != null) {
            child.close();
        }
        if (distributed != null) {
            distributed.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (bus != null) {
            bus.deleteTopology(events);
        }
        if (schema != null) {
            schema.close();
        }
    }

    Warehouse pg() {
        return distributed.platform().warehouse();
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    /** One market: the distributed path is the same for every market, and one batch per date keeps the drills simple. */
    static final String ONE_MARKET = "[points]";
    static final String PREDICTIONS = "SELECT * FROM prediction WHERE game_date >= ? AND game_date <= ?";
    static final String GRADES = "SELECT * FROM prediction_grade WHERE game_date >= ? AND game_date <= ?";
    static final String PERFORMANCE = "SELECT * FROM system_daily_performance WHERE game_date >= ? AND game_date <= ?";

    @Test
    @Order(1)
    void embeddedAndDistributedGiveIdenticalPredictionsGradesAndExports() throws Exception {
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(DAYS - 1);
        Warehouse duck = embedded.platform().warehouse();
        List<String> predictions = DistRows.rows(duck, PREDICTIONS, from, to);
        System.out.println("parity: " + predictions.size() + " predictions");
        assertThat(predictions).hasSizeGreaterThan(500);
        DistRows.assertSame("prediction", DistRows.rows(pg(), PREDICTIONS, from, to), predictions);
        List<String> grades = DistRows.rows(duck, GRADES, from, to);
        assertThat(grades).hasSizeGreaterThan(500);
        DistRows.assertSame("prediction_grade", DistRows.rows(pg(), GRADES, from, to), grades);
        List<String> performance = DistRows.rows(duck, PERFORMANCE, from, to);
        assertThat(performance).isNotEmpty();
        DistRows.assertSame("system_daily_performance", DistRows.rows(pg(), PERFORMANCE, from, to), performance);
        var embeddedExports = DistRows.exports(embedded.platform().config().exportsDir());
        assertThat(embeddedExports).hasSizeGreaterThan(10);
        var distributedExports = DistRows.exports(distributed.platform().config().exportsDir());
        assertThat(distributedExports.keySet()).isEqualTo(embeddedExports.keySet());
        for (String f : embeddedExports.keySet()) {
            assertThat(distributedExports.get(f)).as(f).isEqualTo(embeddedExports.get(f));
        }
        // Every worker took part, and each completed prediction partition was announced on the events exchange.
        assertThat(threads).allSatisfy(w -> assertThat(w.processed()).isPositive());
        try (Connection c = bus.connect("test-events-read"); Channel ch = c.createChannel()) {
            assertThat(ch.queueDeclarePassive(events).getMessageCount()).isEqualTo(DAYS);
            var first = ch.basicGet(events, true);
            assertThat(first.getEnvelope().getRoutingKey()).isEqualTo("asset.prediction.success");
            assertThat(new String(first.getBody())).contains("\"asset\":\"prediction\"", "\"date\":\"" + from + "\"");
        }
    }

    @Test
    @Order(2)
    void aWorkerKilledMidBatchLosesNoWorkAndWritesNoDuplicates() throws Exception {
        stopThreadWorkers();
        child.close();
        LocalDate d = dates.get(DAYS - 1);
        List<String> before = DistRows.rows(pg(), PREDICTIONS, d, d);
        pg().jdbi().useHandle(h -> h.execute("DELETE FROM prediction WHERE game_date = ?", d));
        // Alone and slow, so the batch is in flight in this process when it dies.
        child = ChildWorker.start(env, prefix + "-slow", 40, dir.resolve("slow-worker.log"));
        Instant asOf = distributed.platform().clock().instant();
        CompletableFuture<List<BatchResult>> batch = CompletableFuture.supplyAsync(
                () -> distributed.platform().predictions().predict(d, null, asOf, () -> {}));
        try (Connection c = bus.connect("test-watch"); Channel ch = c.createChannel()) {
            await("the worker process to take items", Duration.ofSeconds(20), () -> {
                try {
                    var q = ch.queueDeclarePassive(bus.workQueue());
                    return q.getMessageCount() > 0 && q.getMessageCount() < 200 && q.getConsumerCount() == 1;
                } catch (Exception e) {
                    return false;
                }
            });
        }
        child.kill();
        assertThat(child.alive()).isFalse();
        threads.add(threadWorker("after-kill-1", 0));
        threads.add(threadWorker("after-kill-2", 0));
        BatchResult r = batch.get(60, TimeUnit.SECONDS).get(0);
        assertThat(r.failures()).isEmpty();
        assertThat(r.players()).isGreaterThan(200);
        List<String> after = DistRows.rows(pg(), PREDICTIONS, d, d);
        assertThat(after).hasSize((int) r.rowsWritten());
        // The same batch in-process over the same inputs: the same rows, no more (keyed, so no duplicates).
        var inProcess = distributed.platform().predictions().batch(new InProcessDispatcher(distributed.platform().predictions().worker(), 2));
        BatchResult again = inProcess.run(d, Market.POINTS, null, asOf, () -> {});
        assertThat(again.rowsWritten()).isEqualTo(r.rowsWritten());
        assertThat(DistRows.rows(pg(), PREDICTIONS, d, d)).isEqualTo(after);
        assertThat(after.size()).isEqualTo(before.size());
    }

    @Test
    @Order(3)
    void aPoisonItemIsDeadLetteredAlertedAndSucceedsWhenRetriedAfterTheFix() throws Exception {
        LocalDate d = dates.get(DAYS - 2);
        List<Map<String, Object>> players = pg().jdbi().withHandle(h -> h.createQuery(
                "SELECT DISTINCT player_lookup FROM prediction WHERE game_date = ? ORDER BY player_lookup LIMIT 2").bind(0, d)
                .mapToMap().list());
        victim = (String) players.get(0).get("player_lookup");
        String other = (String) players.get(1).get("player_lookup");
        poisoned.set(true);
        Instant asOf = distributed.platform().clock().instant();
        BatchResult r = distributed.platform().predictions().predict(d, Set.of(victim, other), asOf, () -> {}).get(0);
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().get(0)).contains(victim, "dead-lettered after 3 deliveries", "poison switch");

        var dead = distributed.platform().deadLetters();
        await("the dead letter to be recorded", Duration.ofSeconds(10), () -> dead.count() == 1);
        DeadLetter dl = dead.list(10).get(0);
        assertThat(dl.itemId()).contains(victim);
        assertThat(dl.queue()).isEqualTo(bus.workQueue());
        assertThat(dl.deliveries()).isEqualTo(3);
        assertThat(dl.reason()).contains("poison switch is on");
        // The consumer records the row, then raises the alert, then acks: wait for the alert as well.
        await("the dead-letter alert", Duration.ofSeconds(10), () -> distributed.platform().alerts().recent(20, true).stream()
                .anyMatch(a -> a.kind().equals("dead_letter")));
        List<AlertRecord> alerts = distributed.platform().alerts().recent(20, true);
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo("dead_letter");
            assertThat(a.alertKey()).isEqualTo("dead_letter:" + bus.workQueue());
            assertThat(a.detail()).contains(victim);
        });

        pg().jdbi().useHandle(h -> h.execute("DELETE FROM prediction WHERE game_date = ? AND player_lookup = ?", d, victim));
        poisoned.set(false);
        // Through the command line, as an operator would: list, then retry. The CLI process is short-lived, so the
        // retried item's outcome is finished by the long-running coordinator (here: the test's platform).
        Path cfg = dir.resolve("cli.yaml");
        Files.writeString(cfg, "warehouse:\n  url: \"" + schema.url() + "\"\n  user: " + Services.PG_USER + "\n"
                + "archive_dir: \"" + dir.resolve("cli-raw") + "\"\nexports_dir: \"" + dir.resolve("cli-exports") + "\"\n"
                + "bus:\n  kind: rabbitmq\n  queue_prefix: " + prefix + "\n  rabbitmq_default_uri: \"amqp://guest:guest@"
                + Services.RABBIT_HOST + ":" + Services.RABBIT_PORT + "\"\n");
        String listed = stdout(() -> assertThat(Main.execute("dead-letters", "list", "--config", cfg.toString())).isZero());
        assertThat(listed).contains(victim, "poison switch is on", "(1 dead)");
        String retried = stdout(() -> assertThat(Main.execute("dead-letters", "retry", "--config", cfg.toString())).isZero());
        assertThat(retried).contains("re-queued 1 dead letter");
        assertThat(dead.count()).isZero();
        await("the retried item to be predicted and stored", Duration.ofSeconds(15), () -> pg().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM prediction WHERE game_date = ? AND player_lookup = ?").bind(0, d).bind(1, victim)
                .mapTo(Long.class).one()) > 0);
        List<String> statuses = pg().jdbi().withHandle(h -> h.createQuery("SELECT status FROM dead_letter").mapTo(String.class).list());
        assertThat(statuses).containsExactly("RETRIED");
    }

    static String stdout(Runnable r) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @Order(4)
    void connectionsDroppedByTheBrokerMidBatchRecoverAndTheBatchCompletes() throws Exception {
        poisoned.set(false);
        stopThreadWorkers();
        threads.add(threadWorker("slow-1", 25));
        threads.add(threadWorker("slow-2", 25));
        LocalDate d = dates.get(DAYS - 1);
        Instant asOf = distributed.platform().clock().instant();
        CompletableFuture<List<BatchResult>> batch = CompletableFuture.supplyAsync(
                () -> distributed.platform().predictions().predict(d, null, asOf, () -> {}));
        try (Connection c = bus.connect("test-watch"); Channel ch = c.createChannel()) {
            await("the batch to be in flight", Duration.ofSeconds(20), () -> {
                try {
                    long ready = ch.queueDeclarePassive(bus.workQueue()).getMessageCount();
                    return ready > 0 && threads.stream().mapToLong(RabbitWorker::processed).sum() > 10;
                } catch (Exception e) {
                    return false;
                }
            });
        }
        int closed = BrokerDrill.closeConnections(prefix);
        // coordinator, dead letters, events, two workers (the watcher above is closed already)
        assertThat(closed).isGreaterThanOrEqualTo(5);
        BatchResult r = batch.get(60, TimeUnit.SECONDS).get(0);
        assertThat(r.failures()).isEmpty();
        assertThat(r.players()).isGreaterThan(200);
        assertThat(DistRows.rows(pg(), PREDICTIONS, d, d)).hasSize((int) r.rowsWritten());
    }
}
