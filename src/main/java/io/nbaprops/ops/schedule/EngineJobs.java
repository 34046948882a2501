package io.nbaprops.ops.schedule;

import io.nbaprops.engine.Engine;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.ops.heal.SelfHealer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each job of the daily plan does, in terms of the engine and the pipeline's two groups of assets
 * ({@code pregame}: before the games; {@code postgame}: after them). Every run goes through the engine, so a
 * partition already running elsewhere is not started twice and every attempt lands in run history.
 */
public final class EngineJobs implements JobRunner {
    private static final Logger log = LoggerFactory.getLogger(EngineJobs.class);
    static final String TRIGGER = "schedule";

    private final Engine engine;
    private final GameDays gameDays;
    private final SelfHealer healer;
    private final io.nbaprops.store.Warehouse warehouse;
    private final List<String> schedule;
    private final List<String> collection;
    private final List<String> closingLines;
    private final List<String> predictions;
    private final List<String> pregame;
    private final List<String> postgame;
    private final Predicate<String> scheduled;

    public EngineJobs(Engine engine, io.nbaprops.store.Warehouse warehouse, GameDays gameDays, SelfHealer healer,
            List<String> pregame, List<String> postgame) {
        this(engine, warehouse, gameDays, healer, pregame, postgame, a -> true);
    }

    /** {@code scheduled}: whether an asset may run now (the collect and parse assets of a source that is not configured may not). */
    public EngineJobs(Engine engine, io.nbaprops.store.Warehouse warehouse, GameDays gameDays, SelfHealer healer,
            List<String> pregame, List<String> postgame, Predicate<String> scheduled) {
        this.scheduled = scheduled;
        this.engine = engine;
        this.warehouse = warehouse;
        this.gameDays = gameDays;
        this.healer = healer;
        // Only assets this engine knows (a test platform may register a subset of the pipeline).
        pregame = pregame.stream().filter(engine.graph()::contains).toList();
        postgame = postgame.stream().filter(engine.graph()::contains).toList();
        this.pregame = pregame;
        this.postgame = postgame;
        Predicate<String> raw = n -> n.startsWith("collect_") || n.startsWith("raw_");
        Predicate<String> isSchedule = n -> n.equals("schedule") || (raw.test(n) && (n.contains("schedule") || n.contains("bdl_games")));
        Predicate<String> isLines = n -> n.equals("prop_line") || n.equals("game_line");
        this.schedule = pregame.stream().filter(isSchedule).toList();
        this.collection = pregame.stream().filter(n -> !isSchedule.test(n) && (raw.test(n) || isLines.test(n))).toList();
        this.closingLines = collection.stream().filter(io.nbaprops.raw.lines.LineHistoryAsset::isLineAsset).toList();
        this.predictions = pregame.stream().filter(n -> !isSchedule.test(n) && !raw.test(n) && !isLines.test(n)
                && !n.startsWith("export_")).toList();
    }

    @Override
    public String run(PlannedJob job) {
        String done = switch (job.kind()) {
            case MORNING -> morning(job);
            case HOURLY -> hourly(job);
            case PRETIP -> pretip(job);
            case CLOSING -> describe("closing lines", runGroup(job.date(), closingLines, TRIGGER)) + "; no re-prediction";
            case POSTGAME -> describe("postgame", runGroup(job.date(), postgame, TRIGGER));
            case CATCHUP -> catchUp(job);
        };
        // The day's heavy writes are over: fold the WAL in now rather than inside a later run's commit.
        return job.kind() == JobKind.HOURLY || job.kind() == JobKind.PRETIP || job.kind() == JobKind.CLOSING ? done : done + "; " + checkpoint();
    }

    private String checkpoint() {
        try {
            warehouse.checkpoint();
            return "checkpoint done";
        } catch (RuntimeException e) {
            log.warn("warehouse checkpoint after the day's jobs failed (DuckDB will checkpoint on its own later): {}", e.toString());
            return "checkpoint failed: " + e.getMessage();
        }
    }

    private String morning(PlannedJob job) {
        List<String> parts = new ArrayList<>();
        var yesterday = job.date().minusDays(1);
        if (gameDays.of(yesterday).isGameDay()) {
            // Box scores that arrived overnight, then grading and results of yesterday.
            parts.add("yesterday " + describe("postgame", runGroup(yesterday, postgame, TRIGGER)));
        }
        parts.add(describe("schedule", runGroup(job.date(), schedule, TRIGGER)));
        // Re-read: the schedule just run may have added or postponed today's games.
        if (gameDays.of(job.date()).isGameDay()) {
            parts.add(describe("rosters/injuries/lines", runGroup(job.date(), collection, TRIGGER)));
        } else {
            parts.add("no games today");
        }
        return String.join("; ", parts);
    }

    private String hourly(PlannedJob job) {
        String before = PredictionInputs.fingerprint(warehouse, job.date());
        RunSummary collected = runGroup(job.date(), collection, TRIGGER);
        String after = PredictionInputs.fingerprint(warehouse, job.date());
        boolean neverPredicted = engine.store().state("prediction", job.date()).map(s -> !"SUCCESS".equals(s.state())).orElse(true);
        if (before.equals(after) && !neverPredicted) {
            return describe("lines/injuries", collected) + "; unchanged, no re-prediction";
        }
        log.info("lines or injuries of {} changed ({} -> {}); re-predicting", job.date(), before, after);
        return describe("lines/injuries", collected) + "; changed: " + describe("re-predict",
                runGroup(job.date(), predictions, TRIGGER));
    }

    private String pretip(PlannedJob job) {
        // Self-heal first, so the exports do not go out on top of a missing or stale upstream.
        HealReport heal = healer.heal("pre-tip " + job.date());
        String healed = "self-heal found " + heal.found().size() + ", repaired " + heal.repaired().size();
        return healed + "; " + describe("pregame", runGroup(job.date(), pregame, TRIGGER));
    }

    /** A missed day, after the fact: its schedule, then on a game day its pre-game and post-game groups, as the demo runs a day. */
    private String catchUp(PlannedJob job) {
        RunSummary day = runGroup(job.date(), schedule, "catch-up");
        if (!gameDays.of(job.date()).isGameDay()) {
            return "caught up (after the fact): " + describe("schedule", day) + "; no games";
        }
        RunSummary pre = runGroup(job.date(), pregame, "catch-up");
        RunSummary post = runGroup(job.date(), postgame, "catch-up");
        return "caught up (after the fact): " + describe("pregame", pre) + "; " + describe("postgame", post);
    }

    /** The assets that read the day's schedule (run first every morning, and first by a catch-up). */
    public List<String> scheduleGroup() {
        return schedule;
    }

    /** Runs the group's scheduled assets for the date; none runs nothing (the engine reads "no names" as "every asset"). */
    private RunSummary runGroup(java.time.LocalDate date, List<String> names, String trigger) {
        List<String> run = names.stream().filter(scheduled).toList();
        return run.isEmpty() ? new RunSummary() : engine.runPartition(date, run, trigger);
    }

    private static String describe(String what, RunSummary s) {
        return what + ": " + s.counts() + (s.allSucceeded() ? "" : " problems " + s.problems().stream()
                .map(o -> o.asset() + "=" + o.status()).limit(5).toList());
    }
}
