package io.nbaprops.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.PartitionCalendar;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.engine.RunStore;
import io.nbaprops.source.QuotaTracker;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each alert raiser against real state: engine events, quota headers, the export log, partition states. */
class OpsAlertsTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final LocalDate D = LocalDate.of(2025, 1, 15);

    @TempDir
    Path dir;
    Warehouse w;
    AlertStore store;
    OpsAlerts ops;
    Engine engine;
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T20:00:00Z"));
    final AlertsConfig cfg = new AlertsConfig(List.of("log"), 60, 20, 5, 30, 600, 30, null, null, 240, "11:00",
            List.of("player_game_summary", "prediction_grade"), 0);

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("o.duckdb"), null, null, 4);
        store = new AlertStore(w, clock, Duration.ofMinutes(60), new AlertDelivery(w, clock, cfg, List.of(new LogDestination()), "n"));
        ops = new OpsAlerts(store, w, new RunStore(w), cfg, NY, clock);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        w.close();
    }

    AlertRecord only(String kind) {
        return store.recent(50, false).stream().filter(a -> a.kind().equals(kind)).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind + " alert");
        }).orElseThrow(() -> new AssertionError("no " + kind + " alert"));
    }

    @Test
    void failedAndTimedOutRunsAreCriticalAndSlowOnesWarn() {
        CountDownLatch never = new CountDownLatch(1);
        Asset failing = new Asset() {
            public String name() {
                return "feature_store";
            }

            public Phase phase() {
                return Phase.FEATURES;
            }

            public AssetResult materialize(AssetContext ctx) {
                throw new IllegalStateException("no rows for " + ctx.partition());
            }
        };
        Asset slow = new Asset() {
            public String name() {
                return "prediction";
            }

            public Phase phase() {
                return Phase.PREDICT;
            }

            public Duration budget() {
                return Duration.ofMillis(400);
            }

            public AssetResult materialize(AssetContext ctx) throws Exception {
                never.await(10, TimeUnit.SECONDS); // stands in for work that outlives its budget
                return AssetResult.rows(0);
            }
        };
        engine = new Engine(new AssetGraph(List.of(failing, slow)), new RunStore(w), new EngineConfig(1, 5, 20, 600, 0.5, 1, Map.of()),
                PartitionCalendar.none(), java.time.Clock.systemUTC(), "test");
        engine.addListener(ops);
        assertThat(engine.run("feature_store", D, "test").status()).isEqualTo(RunStatus.FAILED);
        assertThat(engine.run("feature_store", D, "test").status()).isEqualTo(RunStatus.FAILED);
        assertThat(engine.run("prediction", D, "test").status()).isEqualTo(RunStatus.TIMED_OUT);
        never.countDown();

        AlertRecord failed = only("run_failed");
        assertThat(failed.alertKey()).isEqualTo("run_failed:feature_store:2025-01-15");
        assertThat(failed.severity()).isEqualTo("CRITICAL");
        assertThat(failed.occurrences()).isEqualTo(2); // the second failure is counted, not sent again
        assertThat(failed.detail()).contains("no rows for 2025-01-15");
        AlertRecord timeout = only("run_timeout");
        assertThat(timeout.alertKey()).isEqualTo("run_timeout:prediction:2025-01-15");
        assertThat(timeout.severity()).isEqualTo("CRITICAL");
        AlertRecord warn = only("timeout_warning");
        assertThat(warn.alertKey()).isEqualTo("timeout_warning:prediction:2025-01-15");
        assertThat(warn.severity()).isEqualTo("WARNING");
    }

    @Test
    void quotaNearlyUsedUp() {
        QuotaTracker q = new QuotaTracker();
        q.observe("odds_api", HttpHeaders.of(Map.of("x-requests-remaining", List.of("480"), "x-requests-used", List.of("20")),
                (a, b) -> true), clock.instant());
        assertThat(ops.quotas(q)).isEmpty();
        q.observe("odds_api", HttpHeaders.of(Map.of("x-requests-remaining", List.of("30"), "x-requests-used", List.of("470")),
                (a, b) -> true), clock.instant());
        assertThat(ops.quotas(q)).hasSize(1);
        AlertRecord a = only("quota");
        assertThat(a.alertKey()).isEqualTo("quota:odds_api");
        assertThat(a.title()).isEqualTo("source odds_api quota nearly used up: 30 requests left");
    }

    @Test
    void staleExportsOnlyOnGameDays() {
        assertThat(ops.staleExports(D, true)).isPresent(); // nothing exported yet
        assertThat(only("stale_export").detail()).contains("newest export written never");
        w.write(tx -> tx.upsert(RowBatch.of("export_log", "path", "partition_date", "generated_at", "data_as_of", "items", "status", "note")
                .add("picks/2025-01-15.json", D, clock.instant().minus(Duration.ofMinutes(30)), null, 12, "fresh", null)));
        store.ack(only("stale_export").alertId(), "test");
        assertThat(ops.staleExports(D, true)).isEmpty();
        clock.advance(Duration.ofHours(4));
        assertThat(ops.staleExports(D, false)).isEmpty(); // not a game day: no expectations
        assertThat(ops.staleExports(D, true)).hasValueSatisfying(r -> {
            assertThat(r.isNew()).isTrue();
            assertThat(r.record().detail()).contains("allowed age 240 min");
        });
    }

    @Test
    void missingDataOnlyPastTheDeadline() {
        RunStore runs = new RunStore(w);
        runs.saveState(new io.nbaprops.engine.PartitionState("player_game_summary", D, "SUCCESS", null, "r1", clock.instant(),
                clock.instant(), clock.instant(), 10L, 0));
        runs.saveState(new io.nbaprops.engine.PartitionState("prediction_grade", D, "WAITING", "waiting for box scores", null,
                clock.instant(), null, null, null, 0));
        clock.advance(Duration.between(clock.instant(), Instant.parse("2025-01-16T15:59:00Z"))); // 10:59 New York
        assertThat(ops.missingData(D)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(ops.missingData(D)).hasSize(1);
        AlertRecord a = only("missing_data");
        assertThat(a.alertKey()).isEqualTo("missing_data:prediction_grade:2025-01-15");
        assertThat(a.detail()).contains("WAITING: waiting for box scores");
    }

    @Test
    void deadLettersAndHealGiveUps() {
        assertThat(ops.deadLetters(3, "predict 2025-01-15 player=lebron_james: NaN feature").isNew()).isTrue();
        assertThat(ops.deadLetters(4, "another").isNew()).isFalse(); // same day: counted on the open alert
        AlertRecord dl = only("dead_letter");
        assertThat(dl.title()).isEqualTo("3 work item(s) in the dead-letter queue");
        assertThat(dl.occurrences()).isEqualTo(2);
        ops.healGaveUp("grade", D, 3, "missing; last result FAILED");
        assertThat(only("heal_gave_up").alertKey()).isEqualTo("heal_gave_up:grade:2025-01-15");
    }
}
