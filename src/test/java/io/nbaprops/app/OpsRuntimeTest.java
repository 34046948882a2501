package io.nbaprops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Phase;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.ops.schedule.JobStatus;
import io.nbaprops.store.RowBatch;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime `nbaprops serve` starts, on a real Platform: the morning job runs the schedule asset through the engine,
 * the periodic passes run, status reports it, self-heal is reachable, alerts go through the outbox, close stops it all.
 */
class OpsRuntimeTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        waitFor(what, Duration.ofSeconds(15), done);
    }

    static void waitFor(String what, Duration within, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Stands in for the schedule asset: puts one game on its date (a 19:00 tip-off in New York). */
    static Asset schedule() {
        return new Asset() {
            @Override
            public String name() {
                return "schedule";
            }

            @Override
            public Phase phase() {
                return Phase.RAW;
            }

            @Override
            public AssetResult materialize(AssetContext ctx) {
                LocalDate d = ctx.partition();
                return AssetResult.rows(ctx.write(tx -> tx.upsert(RowBatch.of("game", "game_key", "game_date", "home_team", "away_team",
                        "tip_off", "status", "source").add(d + "_BOS_NYK", d, "NYK", "BOS", d.atTime(19, 0).atZone(NY).toInstant(),
                        "scheduled", "test"))));
            }
        };
    }

    @Test
    void startsRunsTheMorningJobReportsStatusAndStops(@TempDir Path dir) throws Exception {
        Map<String, String> env = TestPlatform.env(dir, null);
        env.put("NBAPROPS_SCHEDULE_TICK_SECONDS", "1");
        env.put("NBAPROPS_SCHEDULE_POLL_MILLIS", "100");
        env.put("NBAPROPS_ALERTS_PASS_SECONDS", "1");
        AppConfig cfg = TestPlatform.config(env);
        LocalDate day = LocalDate.of(2025, 1, 15);
        Instant start = day.atTime(8, 0, 2).atZone(NY).toInstant();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        try (Platform p = Platform.open(cfg, new Secrets(env, null), clock, pl -> List.of(schedule()))) {
            OpsRuntime ops = new OpsRuntime(p);
            try {
                assertThat(ops.status().running()).isFalse();
                ops.start();
                waitFor("the morning job", () -> ops.status().jobs().stream()
                        .anyMatch(j -> j.name().equals("2025-01-15/morning") && "SUCCESS".equals(j.lastStatus())));
                OpsRuntime.Status status = ops.status();
                assertThat(status.enabled()).isTrue();
                assertThat(status.running()).isTrue();
                assertThat(status.lastTick()).isNotNull();
                JobStatus morning = status.jobs().stream().filter(j -> j.name().equals("2025-01-15/morning")).findFirst().orElseThrow();
                // The schedule ran through the engine, which made the 15th a game day (the test pipeline has no other assets).
                assertThat(morning.lastResult()).contains("schedule: {SUCCESS=1}").contains("rosters/injuries/lines: {}");
                assertThat(p.engine().store().state("schedule", day).orElseThrow().state()).isEqualTo("SUCCESS");
                assertThat(p.engine().store().runs("schedule", day).get(0).triggerSource()).isEqualTo("schedule");
                // Now a game day: the plan lists the hourly, pre-tip and post-game jobs with their next run.
                assertThat(status.jobs()).filteredOn(j -> j.name().equals("2025-01-15/pretip")).singleElement()
                        .satisfies(j -> assertThat(j.nextRunAt()).isEqualTo(day.atTime(18, 0).atZone(NY).toInstant()));
                waitFor("the periodic passes", () -> ops.status().jobs().stream()
                        .filter(j -> j.name().equals("ops-alert-checks") || j.name().equals("ops-alert-outbox"))
                        .allMatch(j -> "SUCCESS".equals(j.lastStatus())));

                HealReport heal = ops.selfHealer().heal("dashboard");
                assertThat(heal.gaveUp()).isEmpty();

                // Platform's alerts go through the outbox (log destination: sent at once).
                var raised = p.alerts().raise(new Alert(Severity.WARNING, "test", "test:1", "a test alert", "detail"));
                assertThat(p.alertDelivery().deliveries(raised.record().alertId(), 5)).singleElement()
                        .satisfies(r -> assertThat(r.status()).isEqualTo("SENT"));
                // The periodic self-test also runs once at start-up; repeats the same day are counted, not sent again.
                ops.alertSelfTest();
                ops.alertSelfTest();
                var selfTest = p.alerts().recent(10, true).stream().filter(a -> a.kind().equals("self_test")).toList();
                assertThat(selfTest).singleElement().satisfies(a -> {
                    assertThat(a.alertKey()).isEqualTo("alert_self_test:2025-01-15");
                    assertThat(a.occurrences()).isGreaterThanOrEqualTo(2);
                    assertThat(p.alertDelivery().deliveries(a.alertId(), 5)).hasSize(1);
                });
                assertThat(ops.status().jobs()).extracting(JobStatus::name).contains("ops-alert-self-test", "ops-self-heal");
            } finally {
                ops.close();
            }
            assertThat(ops.status().running()).isFalse();
        }
    }

    @Test
    void disabledScheduleStartsNothing(@TempDir Path dir) {
        Map<String, String> env = TestPlatform.env(dir, null);
        env.put("NBAPROPS_SCHEDULE_ENABLED", "false");
        try (Platform p = Platform.open(TestPlatform.config(env), new Secrets(env, null), Clock.systemUTC(), pl -> List.of(schedule()));
                OpsRuntime ops = new OpsRuntime(p)) {
            ops.start();
            assertThat(ops.status().enabled()).isFalse();
            assertThat(ops.status().running()).isFalse();
        }
    }
}
