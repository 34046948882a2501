package io.nbaprops.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.PartitionCalendar;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RunStore;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each planned job runs through a real engine: groups, order, re-predict only on changed lines, heal before pre-tip. */
class EngineJobsTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final LocalDate D = LocalDate.of(2025, 1, 15);

    @TempDir
    Path dir;
    Warehouse w;
    Engine engine;
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<Double> line = new AtomicReference<>(24.5);
    boolean scheduleHasGames = true;

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("j.duckdb"), null, null, 4);
        engine = new Engine(new AssetGraph(List.of(
                asset("schedule", ctx -> {
                    if (scheduleHasGames) {
                        ctx.write(tx -> tx.upsert(RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "tip_off",
                                "status", "source").add(ctx.partition() + "_BOS_NYK", ctx.partition(), "NYK", "BOS",
                                ctx.partition().atTime(19, 0).atZone(NY).toInstant(), "scheduled", "test")));
                    }
                }),
                asset("collect_oddsa_props", null, "schedule"),
                asset("prop_line", ctx -> ctx.write(tx -> tx.upsert(RowBatch.of("prop_line", "game_key", "player_lookup", "market", "book",
                        "snapshot_at", "game_date", "source", "line", "in_game", "flagged", "is_opening", "is_closing")
                        .add(ctx.partition() + "_BOS_NYK", "jaysontatum", "points", "fanduel", Instant.now(), ctx.partition(), "test",
                                line.get(), false, false, false, false))), "collect_oddsa_props"),
                asset("prediction", null, "prop_line"),
                asset("export_picks", null, "prediction"),
                asset("box", null, "schedule"),
                asset("grade", null, "box", "prediction"))),
                new RunStore(w), new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of()), PartitionCalendar.none(), Clock.systemUTC(), "test");
    }

    @AfterEach
    void close() {
        engine.close();
        w.close();
    }

    Asset asset(String name, Consumer<AssetContext> body, String... upstream) {
        return new Asset() {
            public String name() {
                return name;
            }

            public Phase phase() {
                return Phase.RAW;
            }

            public List<Dependency> upstream() {
                return java.util.Arrays.stream(upstream).map(Dependency::same).toList();
            }

            public AssetResult materialize(AssetContext ctx) {
                ran.add(name + "@" + ctx.partition());
                if (body != null) {
                    body.accept(ctx);
                }
                return AssetResult.rows(1);
            }
        };
    }

    EngineJobs jobs(List<String> healed) {
        return new EngineJobs(engine, w, new GameDays(w, NY, LocalTime.of(19, 0)), trigger -> {
            healed.add(trigger + " after " + ran.size() + " runs");
            return new HealReport(List.of(), List.of(), List.of(), List.of());
        }, List.of("schedule", "collect_oddsa_props", "prop_line", "prediction", "export_picks", "not_in_this_graph"),
                List.of("schedule", "box", "grade"));
    }

    static PlannedJob job(String id) {
        return PlannedJob.parse(id, Instant.EPOCH);
    }

    @Test
    void morningRunsYesterdaysPostgameThenTodaysScheduleAndCollection() throws Exception {
        EngineJobs jobs = jobs(new ArrayList<>());
        engine.runPartition(D.minusDays(1), List.of("schedule"), "test"); // yesterday was a game day
        ran.clear();
        String result = jobs.run(job(D + "/morning"));
        assertThat(ran).containsExactly("schedule@" + D.minusDays(1), "box@" + D.minusDays(1),
                "schedule@" + D, "collect_oddsa_props@" + D, "prop_line@" + D);
        assertThat(result).startsWith("yesterday postgame: {SUCCESS=2, WAITING=1}"); // grade waits: yesterday had no prediction
        assertThat(result).contains("schedule: {SUCCESS=1}").contains("rosters/injuries/lines: {SUCCESS=2}")
                .endsWith("; checkpoint done");
        assertThat(jobs.run(job(D + "/hourly-1200"))).doesNotContain("checkpoint");
    }

    @Test
    void closingCollectsTheLinesAgainWithoutRePredicting() throws Exception {
        EngineJobs jobs = jobs(new ArrayList<>());
        engine.runPartition(D, List.of("schedule", "collect_oddsa_props", "prop_line", "prediction"), "test");
        ran.clear();
        line.set(25.5); // the book moved after the final predictions
        String result = jobs.run(job(D + "/closing-1850"));
        assertThat(ran).containsExactly("collect_oddsa_props@" + D, "prop_line@" + D);
        assertThat(result).isEqualTo("closing lines: {SUCCESS=2}; no re-prediction");
    }

    @Test
    void morningOnADayWithoutGamesOnlyRefreshesTheSchedule() throws Exception {
        scheduleHasGames = false;
        String result = jobs(new ArrayList<>()).run(job(D + "/morning"));
        assertThat(ran).containsExactly("schedule@" + D);
        assertThat(result).endsWith("no games today; checkpoint done");
    }

    @Test
    void hourlyRePredictsOnlyWhenLinesChanged() throws Exception {
        EngineJobs jobs = jobs(new ArrayList<>());
        engine.runPartition(D, List.of("schedule"), "test");
        ran.clear();
        assertThat(jobs.run(job(D + "/hourly-1200"))).contains("changed: re-predict: {SUCCESS=1}");
        assertThat(ran).containsExactly("collect_oddsa_props@" + D, "prop_line@" + D, "prediction@" + D); // no export before pre-tip
        ran.clear();
        assertThat(jobs.run(job(D + "/hourly-1300"))).endsWith("unchanged, no re-prediction");
        assertThat(ran).containsExactly("collect_oddsa_props@" + D, "prop_line@" + D);
        ran.clear();
        line.set(25.5);
        assertThat(jobs.run(job(D + "/hourly-1400"))).contains("changed: re-predict");
        assertThat(ran).containsExactly("collect_oddsa_props@" + D, "prop_line@" + D, "prediction@" + D);
    }

    @Test
    void pretipHealsFirstThenRunsTheWholePregameGroup() throws Exception {
        List<String> healed = new ArrayList<>();
        String result = jobs(healed).run(job(D + "/pretip"));
        assertThat(healed).containsExactly("pre-tip " + D + " after 0 runs");
        assertThat(ran).containsExactly("schedule@" + D, "collect_oddsa_props@" + D, "prop_line@" + D, "prediction@" + D, "export_picks@" + D);
        assertThat(result).startsWith("self-heal found 0, repaired 0; pregame: {SUCCESS=5}");
        ran.clear();
        assertThat(jobs(healed).run(job(D + "/postgame"))).isEqualTo("postgame: {SUCCESS=3}; checkpoint done");
        assertThat(ran).containsExactly("schedule@" + D, "box@" + D, "grade@" + D);
    }
}
