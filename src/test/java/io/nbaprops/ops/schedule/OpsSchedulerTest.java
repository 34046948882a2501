package io.nbaprops.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.ScheduleConfig;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan runs on db-scheduler for real: on DuckDB (the embedded default, with the task-data customization) and
 * with two scheduler nodes on one PostgreSQL schema, where every due job must run exactly once.
 */
class OpsSchedulerTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ScheduleConfig CFG = new ScheduleConfig(true, 1, 100, "08:00", "12:00", "17:00", 60, 10, 180, "19:00", 30, 7, 3, 14);
    static final LocalDate DAY = LocalDate.of(2025, 1, 15);

    /** A clock that moves in real time but reads {@code start} now (db-scheduler needs time to pass to poll). */
    static Clock clockAt(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void dueJobFiresOnceOnDuckDb(@TempDir Path dir) throws Exception {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("s.duckdb"), null, null, 4)) {
            Clock clock = clockAt(DailyPlanTest.ny("2025-01-15T08:00:05"));
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            AtomicInteger periodic = new AtomicInteger();
            JobRunner runner = job -> {
                runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
                return "ran " + job.kind() + " for " + job.date();
            };
            OpsScheduler s = new OpsScheduler(w, clock, new DailyPlan(CFG, NY), GameDay::none, runner,
                    List.of(new OpsScheduler.Periodic("test-periodic", Duration.ofSeconds(1), periodic::incrementAndGet)),
                    "node-a", Duration.ofSeconds(1), Duration.ofMillis(100));
            try {
                s.start();
                waitFor("the morning job to finish", Duration.ofSeconds(15),
                        () -> s.jobRow("2025-01-15/morning").map(r -> r.status().equals("SUCCESS")).orElse(false));
                long ticksAfterRun = s.ticks();
                waitFor("three more ticks", Duration.ofSeconds(10), () -> s.ticks() >= ticksAfterRun + 3);
                waitFor("the periodic task", Duration.ofSeconds(10), () -> periodic.get() >= 1);
                assertThat(runs).containsOnlyKeys("2025-01-15/morning");
                assertThat(runs.get("2025-01-15/morning")).hasValue(1);
                OpsScheduler.JobRun row = s.jobRow("2025-01-15/morning").orElseThrow();
                assertThat(row.result()).isEqualTo("ran MORNING for 2025-01-15");
                assertThat(row.node()).isEqualTo("node-a");
                assertThat(row.dueAt()).isEqualTo(DailyPlanTest.ny("2025-01-15T08:00"));
                assertThat(s.running()).isTrue();
                assertThat(s.lastTick()).isNotNull();
                List<JobStatus> status = s.status();
                assertThat(status).extracting(JobStatus::name).contains(OpsScheduler.TICK, "test-periodic", "2025-01-15/morning");
                JobStatus morning = status.stream().filter(j -> j.name().equals("2025-01-15/morning")).findFirst().orElseThrow();
                assertThat(morning.lastStatus()).isEqualTo("SUCCESS");
                assertThat(morning.nextRunAt()).isNull();
                JobStatus tick = status.stream().filter(j -> j.name().equals(OpsScheduler.TICK)).findFirst().orElseThrow();
                assertThat(tick.nextRunAt()).isNotNull();
                assertThat(tick.lastStatus()).isEqualTo("SUCCESS");
            } finally {
                s.close();
            }
            assertThat(s.running()).isFalse();
        }
    }

    @Test
    void aFailingJobIsRecordedAndNotRetriedByTheScheduler(@TempDir Path dir) throws Exception {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("f.duckdb"), null, null, 4)) {
            AtomicInteger calls = new AtomicInteger();
            OpsScheduler s = new OpsScheduler(w, clockAt(DailyPlanTest.ny("2025-01-15T09:00")), new DailyPlan(CFG, NY), GameDay::none,
                    job -> {
                        calls.incrementAndGet();
                        throw new IllegalStateException("schedule source down for " + job.date());
                    }, List.of(), "node-a", Duration.ofSeconds(1), Duration.ofMillis(100));
            try {
                s.start();
                waitFor("the failed job to be recorded", Duration.ofSeconds(15),
                        () -> s.jobRow("2025-01-15/morning").map(r -> r.status().equals("FAILED")).orElse(false));
                long t = s.ticks();
                waitFor("two more ticks", Duration.ofSeconds(10), () -> s.ticks() >= t + 2);
                assertThat(calls).hasValue(1);
                assertThat(s.jobRow("2025-01-15/morning").orElseThrow().result()).isEqualTo("schedule source down for 2025-01-15");
            } finally {
                s.close();
            }
        }
    }

    @Test
    void aJobLeftRunningByADeadNodeIsTakenOver(@TempDir Path dir) throws Exception {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("d.duckdb"), null, null, 4)) {
            leaveDeadJob(w, "2025-01-15/morning");
            // Counted per job: on the real clock the tick also plans today's jobs (the morning one is due on any day), and
            // those run here too; only the dead node's job must run exactly once.
            Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
            OpsScheduler s = new OpsScheduler(w, Clock.systemUTC(), new DailyPlan(CFG, NY), GameDay::none,
                    job -> "recovered " + calls.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet(),
                    List.of(), "node-b", Duration.ofSeconds(1), Duration.ofMillis(100));
            try {
                s.start();
                waitFor("the job to be run again by node-b", Duration.ofSeconds(15),
                        () -> s.jobRow("2025-01-15/morning").map(r -> r.status().equals("SUCCESS")).orElse(false));
                OpsScheduler.JobRun row = s.jobRow("2025-01-15/morning").orElseThrow();
                assertThat(row.node()).isEqualTo("node-b");
                assertThat(row.result()).isEqualTo("recovered 1");
                long t = s.ticks();
                waitFor("two more ticks", Duration.ofSeconds(10), () -> s.ticks() >= t + 2);
                assertThat(calls.get("2025-01-15/morning")).hasValue(1);
                LocalDate today = LocalDate.now(NY);
                calls.forEach((id, n) -> {
                    assertThat(n).as(id + " runs once").hasValue(1);
                    assertThat(id).as("the dead node's job or the plan of the real today (or yesterday)")
                            .matches("2025-01-15/morning|(" + today + "|" + today.minusDays(1) + ")/.*");
                });
            } finally {
                s.close();
            }
        }
    }

    /**
     * What a node that died mid-job leaves behind: its db-scheduler row picked with a heartbeat ten minutes old, and our
     * row RUNNING. Real time: db-scheduler revives a dead execution at the system time, not at its configured clock's.
     */
    static void leaveDeadJob(Warehouse w, String jobId) throws Exception {
        Instant due = DailyPlanTest.ny("2025-01-15T08:00");
        Instant died = Instant.now().minus(Duration.ofMinutes(10));
        try (Connection c = w.connection(); var ps = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance, "
                + "task_data, execution_time, picked, picked_by, last_heartbeat, version) VALUES (?, ?, NULL, ?, TRUE, ?, ?, 1)")) {
            ps.setString(1, OpsScheduler.JOB);
            ps.setString(2, jobId);
            ps.setTimestamp(3, java.sql.Timestamp.from(due));
            ps.setString(4, "dead-node");
            ps.setTimestamp(5, java.sql.Timestamp.from(died));
            ps.executeUpdate();
        }
        w.write(tx -> tx.handle().createUpdate("INSERT INTO ops_job_run (job_id, kind, partition_date, due_at, status, node, started_at) "
                + "VALUES (?, 'MORNING', ?, ?, 'RUNNING', 'dead-node', ?)").bind(0, jobId).bind(1, DAY).bind(2, due).bind(3, died).execute());
    }

    @Test
    void twoLiveNodesOnPostgresTakeADeadNodesJobOverOnce() throws Exception {
        Map<String, List<String>> ranOn = new ConcurrentHashMap<>();
        List<OpsScheduler> nodes = new ArrayList<>();
        List<Warehouse> warehouses = new ArrayList<>();
        try (PgSchema schema = PgSchema.create("takeover")) {
            try {
                for (String node : List.of("node-b", "node-c")) {
                    Warehouse w = Warehouse.open(schema.url(), Services.PG_USER, null, 4);
                    warehouses.add(w);
                    JobRunner runner = job -> {
                        ranOn.computeIfAbsent(job.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(node);
                        Thread.sleep(300); // hold the job a moment so the other node has every chance to take it too
                        return "recovered on " + node;
                    };
                    nodes.add(new OpsScheduler(w, Clock.systemUTC(), new DailyPlan(CFG, NY), GameDay::none, runner, List.of(), node,
                            Duration.ofSeconds(1), Duration.ofMillis(100)));
                }
                leaveDeadJob(warehouses.get(0), "2025-01-15/morning");
                nodes.forEach(OpsScheduler::start);
                OpsScheduler b = nodes.get(0);
                waitFor("the dead node's job to be run again", Duration.ofSeconds(20),
                        () -> b.jobRow("2025-01-15/morning").map(r -> r.status().equals("SUCCESS")).orElse(false));
                long ticks = nodes.get(0).ticks() + nodes.get(1).ticks();
                waitFor("three more ticks in the cluster", Duration.ofSeconds(15),
                        () -> nodes.get(0).ticks() + nodes.get(1).ticks() >= ticks + 3);
                assertThat(ranOn.get("2025-01-15/morning")).as("ran once in the cluster").hasSize(1);
                assertThat(b.jobRow("2025-01-15/morning").orElseThrow().result()).isEqualTo("recovered on " + ranOn.get("2025-01-15/morning").get(0));
                ranOn.forEach((id, on) -> assertThat(on).as(id).hasSize(1));
            } finally {
                nodes.forEach(OpsScheduler::close);
                warehouses.forEach(Warehouse::close);
            }
        }
    }

    @Test
    void twoNodesOnPostgresFireEachJobOnce(@TempDir Path dir) throws Exception {
        PgSchema schema = PgSchema.create("sched");
        String url = schema.url();
        // 16:30 on a game day with a 19:00 tip: the morning job and the 16:00 refresh are due; pre-tip is not yet.
        Clock clock = clockAt(DailyPlanTest.ny("2025-01-15T16:30"));
        GameDay day = new GameDay(DAY, List.of(DailyPlanTest.ny("2025-01-15T19:00")));
        Map<String, List<String>> ranOn = new ConcurrentHashMap<>();
        List<OpsScheduler> nodes = new ArrayList<>();
        List<Warehouse> warehouses = new ArrayList<>();
        try {
            for (String node : List.of("node-a", "node-b")) {
                Warehouse w = Warehouse.open(url, Services.PG_USER, null, 4);
                warehouses.add(w);
                JobRunner runner = job -> {
                    ranOn.computeIfAbsent(job.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(node);
                    Thread.sleep(300); // hold the job a moment so the other node has every chance to pick it too
                    return "ok on " + node;
                };
                nodes.add(new OpsScheduler(w, clock, new DailyPlan(CFG, NY), d -> d.equals(DAY) ? day : GameDay.none(d), runner,
                        List.of(), node, Duration.ofSeconds(1), Duration.ofMillis(100)));
            }
            nodes.forEach(OpsScheduler::start);
            OpsScheduler a = nodes.get(0);
            waitFor("both due jobs to finish", Duration.ofSeconds(20), () -> List.of("2025-01-15/morning", "2025-01-15/hourly-1600")
                    .stream().allMatch(id -> a.jobRow(id).map(r -> r.status().equals("SUCCESS")).orElse(false)));
            long ta = nodes.get(0).ticks();
            long tb = nodes.get(1).ticks();
            // Recurring ticks fire once per interval across the cluster: wait for three more, whichever node runs them.
            waitFor("three more ticks in the cluster", Duration.ofSeconds(15),
                    () -> nodes.get(0).ticks() + nodes.get(1).ticks() >= ta + tb + 3);
            assertThat(ranOn).containsOnlyKeys("2025-01-15/morning", "2025-01-15/hourly-1600");
            ranOn.forEach((id, on) -> assertThat(on).as(id).hasSize(1));
            assertThat(nodes.get(1).jobRow("2025-01-15/morning").orElseThrow().result()).startsWith("ok on node-");
        } finally {
            nodes.forEach(OpsScheduler::close);
            warehouses.forEach(Warehouse::close);
            schema.close();
        }
    }
}
