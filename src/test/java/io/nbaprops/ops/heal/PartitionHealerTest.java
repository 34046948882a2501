package io.nbaprops.ops.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.PartitionCalendar;
import io.nbaprops.engine.PartitionState;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RunRecord;
import io.nbaprops.engine.RunStore;
import io.nbaprops.ops.alert.AlertRecord;
import io.nbaprops.ops.alert.AlertStore;
import io.nbaprops.ops.alert.OpsAlerts;
import io.nbaprops.ops.schedule.GameDays;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-heal against a real engine on DuckDB: missing, stale and stuck partitions repaired; a hopeless one given up on. */
class PartitionHealerTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    @TempDir
    Path dir;
    Warehouse w;
    Engine engine;
    AlertStore alertStore;
    PartitionHealer healer;
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final LocalDate today = LocalDate.now(NY);
    final LocalDate d1 = today.minusDays(2);
    final LocalDate d2 = today.minusDays(1);

    @BeforeEach
    void open() {
        open("jdbc:duckdb:" + dir.resolve("h.duckdb"), null);
    }

    void open(String url, String user) {
        w = Warehouse.open(url, user, null, 4);
        w.jdbi().useHandle(h -> h.execute("CREATE TABLE h_out (asset VARCHAR NOT NULL, d DATE NOT NULL, v INTEGER, PRIMARY KEY (asset, d))"));
        RowBatch games = RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "tip_off", "status", "source");
        for (LocalDate d : List.of(d1, d2)) {
            games.add(d + "_BOS_NYK", d, "NYK", "BOS", d.atTime(19, 0).atZone(NY).toInstant(), "final", "test");
        }
        w.write(tx -> tx.upsert(games));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        w.close();
    }

    void build(Asset... assets) {
        EngineConfig cfg = new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of());
        engine = new Engine(new AssetGraph(List.of(assets)), new RunStore(w), cfg, PartitionCalendar.none(), Clock.systemUTC(), "test");
        AlertsConfig acfg = new AlertsConfig(List.of("log"), 60, 20, 5, 30, 600, 30, null, null, 240, "11:00", List.of(), 0);
        alertStore = new AlertStore(w, Clock.systemUTC(), Duration.ofMinutes(60), r -> { });
        OpsAlerts ops = new OpsAlerts(alertStore, w, engine.store(), acfg, NY, Clock.systemUTC());
        healer = new PartitionHealer(engine, w, new GameDays(w, NY, LocalTime.of(19, 0)), ops, Clock.systemUTC(), NY, 7, 3,
                Duration.ofSeconds(3), List.of("box", "grade"));
    }

    /** Writes one row for its partition; fails while {@code broken} is set. */
    Asset asset(String name, AtomicBoolean broken, String... upstream) {
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
                return java.util.Arrays.stream(upstream).map(Dependency::same).toList();
            }

            @Override
            public AssetResult materialize(AssetContext ctx) {
                ran.add(name + "@" + ctx.partition());
                if (broken != null && broken.get()) {
                    throw new IllegalStateException(name + " input is corrupt for " + ctx.partition());
                }
                return AssetResult.rows(ctx.write(tx -> tx.upsert(RowBatch.of("h_out", "asset", "d", "v").add(name, ctx.partition(), 1))));
            }
        };
    }

    String state(String asset, LocalDate d) {
        return engine.store().state(asset, d).map(PartitionState::state).orElse("none");
    }

    @Test
    void repairsMissingAndStalePartitionsUpstreamFirst() {
        build(asset("box", null), asset("grade", null, "box"));
        engine.runPartition(d1, List.of(), "test");
        engine.run("box", d1, "test"); // box re-ran after grade: grade of d1 is stale now
        ran.clear();

        HealReport r = healer.heal("test");

        assertThat(r.found()).containsExactlyInAnyOrder("grade/" + d1 + ": stale", "box/" + d2 + ": missing", "grade/" + d2 + ": missing");
        assertThat(r.repaired()).hasSize(3);
        assertThat(r.failed()).isEmpty();
        assertThat(ran).containsExactly("grade@" + d1, "box@" + d2, "grade@" + d2);
        assertThat(state("box", d2)).isEqualTo("SUCCESS");
        assertThat(state("grade", d2)).isEqualTo("SUCCESS");
        assertThat(engine.store().runs("grade", d2).get(0).triggerSource()).isEqualTo("self-heal");
        // Nothing left: a second pass finds nothing and runs nothing.
        ran.clear();
        HealReport again = healer.heal("test");
        assertThat(again.found()).isEmpty();
        assertThat(ran).isEmpty();
    }

    @Test
    void repairsAndGivesUpOnPostgresToo() throws Exception {
        w.close();
        try (PgSchema pg = PgSchema.create("heal")) {
            open(pg.url(), Services.PG_USER);
            AtomicBoolean broken = new AtomicBoolean(true);
            build(asset("box", null), asset("grade", broken, "box"));
            engine.runPartition(d1, List.of("box"), "test");
            for (int i = 0; i < 3; i++) {
                healer.heal("periodic");
            }
            assertThat(state("box", d2)).isEqualTo("SUCCESS"); // repaired on the first pass
            assertThat(healer.attempts("grade", d1).orElseThrow().gaveUpAt()).isNotNull();
            assertThat(alertStore.recent(10, true)).extracting(AlertRecord::alertKey)
                    .containsExactlyInAnyOrder("heal_gave_up:grade:" + d1, "heal_gave_up:grade:" + d2);
            broken.set(false);
            engine.run("grade", d1, "dashboard");
            healer.heal("periodic");
            assertThat(healer.attempts("grade", d1)).isEmpty();
            engine.close();
            engine = null;
            w.close();
        }
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("h2.duckdb"), null, null, 2); // for @AfterEach
    }

    @Test
    void staleOnlyCountsForPostGameAssets() {
        // "context" stands for a pre-game asset: stale once its upstream re-ran after the games, and rightly left alone.
        build(asset("box", null), asset("context", null, "box"), asset("grade", null, "box"));
        engine.runPartition(d1, List.of(), "test");
        engine.runPartition(d2, List.of(), "test");
        engine.run("box", d1, "test");
        ran.clear();

        HealReport r = healer.heal("test");

        assertThat(r.found()).containsExactly("grade/" + d1 + ": stale");
        assertThat(ran).containsExactly("grade@" + d1);
    }

    @Test
    void stuckRunWithoutHeartbeatIsAbandonedAndReRun() {
        build(asset("box", null), asset("grade", null, "box"));
        engine.runPartition(d1, List.of(), "test");
        engine.runPartition(d2, List.of(), "test");
        // A run of grade/d2 whose process died: RUNNING, last heartbeat ten minutes ago.
        Instant old = Instant.now().minus(Duration.ofMinutes(10));
        PartitionState prev = engine.store().state("grade", d2).orElseThrow();
        engine.store().save(new RunRecord("dead-run-1", "grade", d2, 1, "RUNNING", "schedule", "gone-node", old, old, null, null, null,
                null, null, null), new PartitionState("grade", d2, "RUNNING", null, "dead-run-1", old, prev.lastSuccessStarted(),
                prev.lastSuccessEnded(), prev.lastRowsWritten(), 0));
        ran.clear();

        HealReport r = healer.heal("test");

        assertThat(r.found()).containsExactly("grade/" + d2 + ": stuck");
        assertThat(r.repaired()).containsExactly("grade/" + d2 + ": stuck");
        assertThat(ran).containsExactly("grade@" + d2);
        assertThat(engine.store().runs("grade", d2)).filteredOn(x -> x.runId().equals("dead-run-1")).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo("ABANDONED"));
        assertThat(state("grade", d2)).isEqualTo("SUCCESS");
    }

    @Test
    void givesUpAfterMaxAttemptsWithOneAlertAndResetsOnSuccess() {
        AtomicBoolean broken = new AtomicBoolean(true);
        build(asset("box", null), asset("grade", broken, "box"));
        engine.runPartition(d1, List.of(), "test");
        engine.runPartition(d2, List.of(), "test");
        broken.set(false);
        engine.run("grade", d1, "test");
        broken.set(true);
        ran.clear();

        HealReport first = healer.heal("periodic");
        assertThat(first.failed()).singleElement().asString().startsWith("grade/" + d2 + ": FAILED: grade input is corrupt");
        assertThat(healer.attempts("grade", d2).orElseThrow().attempts()).isEqualTo(1);
        HealReport second = healer.heal("periodic");
        assertThat(second.failed()).hasSize(1);
        HealReport third = healer.heal("periodic");
        assertThat(third.gaveUp()).containsExactly("grade/" + d2);
        assertThat(healer.attempts("grade", d2).orElseThrow().gaveUpAt()).isNotNull();
        HealReport fourth = healer.heal("periodic");
        assertThat(fourth.gaveUp()).containsExactly("grade/" + d2);
        assertThat(ran).containsExactly("grade@" + d2, "grade@" + d2, "grade@" + d2); // three runs, none after giving up

        List<AlertRecord> alerts = alertStore.recent(10, true);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.alertKey()).isEqualTo("heal_gave_up:grade:" + d2);
            assertThat(a.severity()).isEqualTo("CRITICAL");
            assertThat(a.title()).isEqualTo("self-heal gave up on grade [" + d2 + "] after 3 attempts");
            assertThat(a.detail()).contains("grade input is corrupt");
        });

        // An operator fixes the cause and re-runs it: the count starts afresh.
        broken.set(false);
        engine.run("grade", d2, "dashboard");
        healer.heal("periodic");
        assertThat(healer.attempts("grade", d2)).isEmpty();
    }
}
