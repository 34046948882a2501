package io.nbaprops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.testing.SandboxSeason;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on the first two weeks of the sandbox season, end to end over HTTP: features that
 * use only the past (recomputed after the results land: identical), hand-checked rolling averages
 * and rest days, idempotent re-runs, and exports that match their schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxPipelineTest {
    static final int DAYS = 14;
    static final int LEAK_DAY = 9;

    @TempDir
    static Path dir;
    SandboxRun run;
    List<LocalDate> dates;
    List<Map<String, Object>> featuresBeforeResults;

    @BeforeAll
    void replay() {
        run = SandboxSeason.start(dir);
        dates = run.gameDates().subList(0, DAYS);
        SandboxSeason.days(run, dates.subList(0, LEAK_DAY));
        LocalDate d = dates.get(LEAK_DAY);
        SandboxSeason.check(run.pregame(d));
        featuresBeforeResults = features(d);
        SandboxSeason.check(run.postgame(d));
        SandboxSeason.days(run, dates.subList(LEAK_DAY + 1, DAYS));
    }

    @AfterAll
    void close() {
        if (run != null) {
            run.close();
        }
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        return run.platform().warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapToMap().list();
        });
    }

    List<Map<String, Object>> features(LocalDate d) {
        return rows("SELECT * FROM feature_store WHERE game_date = ? ORDER BY game_key, player_lookup", d);
    }

    /** Row-by-row equality that names the first differing row and column. */
    static void assertSameRows(String table, List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual.size()).as(table + " row count").isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> a = actual.get(i);
            Map<String, Object> e = expected.get(i);
            for (String col : e.keySet()) {
                assertThat(a.get(col)).as(table + " row " + i + " " + e.get("game_key") + "/" + e.get("player_lookup") + " column " + col)
                        .isEqualTo(e.get(col));
            }
        }
    }

    @Test
    void featuresForADateAreIdenticalAfterItsResultsAndLaterGamesAreLoaded() {
        LocalDate d = dates.get(LEAK_DAY);
        assertThat(featuresBeforeResults).hasSizeGreaterThan(100);
        assertThat(rows("SELECT count(*) AS n FROM player_game_summary WHERE game_date > ?", d).get(0).get("n")).isNotEqualTo(0L);
        var s = run.platform().engine().runPartition(d, List.of("upcoming_player_game_context", "player_daily_cache", "feature_store"), "test");
        assertThat(s.allSucceeded()).isTrue();
        assertSameRows("feature_store", features(d), featuresBeforeResults);
    }

    @Test
    void rollingAverageMatchesTheBoxScoresComputedByHand() {
        LocalDate d = dates.get(DAYS - 1);
        Map<String, Object> fv = rows("SELECT player_lookup, pts_avg_l5, pts_avg_l10, pts_avg_season, history_games FROM feature_store "
                + "WHERE game_date = ? ORDER BY history_games DESC, player_lookup LIMIT 1", d).get(0);
        String player = (String) fv.get("player_lookup");
        // Straight from the raw balldontlie table: the player's points in games he played before the date, newest first.
        List<Double> pts = rows("SELECT CAST(pts AS DOUBLE PRECISION) AS pts FROM bdl_box_score_player WHERE player_lookup = ? "
                + "AND game_date < ? AND minutes > 0 ORDER BY game_date DESC", player, d).stream().map(r -> (Double) r.get("pts")).toList();
        assertThat(pts.size()).isGreaterThanOrEqualTo(5).isEqualTo(((Number) fv.get("history_games")).intValue());
        double l5 = pts.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double l10 = pts.subList(0, Math.min(10, pts.size())).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double season = pts.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat((Double) fv.get("pts_avg_l5")).isCloseTo(l5, within(5e-7));
        assertThat((Double) fv.get("pts_avg_l10")).isCloseTo(l10, within(5e-7));
        assertThat((Double) fv.get("pts_avg_season")).isCloseTo(season, within(5e-7));
    }

    @Test
    void restDaysAndBackToBacks() {
        // A team that also played the day before: back-to-back, and a player who played both days has one day of rest.
        List<Map<String, Object>> b2b = rows("SELECT c.game_date, c.team, c.player_lookup, c.days_rest, f.back_to_back, f.days_rest AS f_rest "
                + "FROM upcoming_player_game_context c JOIN feature_store f USING (game_key, player_lookup) "
                + "WHERE c.back_to_back AND EXISTS (SELECT 1 FROM player_game_summary s WHERE s.player_lookup = c.player_lookup "
                + "AND s.played AND s.game_date = c.game_date - 1) ORDER BY c.game_date, c.team LIMIT 5");
        assertThat(b2b).isNotEmpty();
        for (Map<String, Object> r : b2b) {
            LocalDate day = LocalDate.parse(r.get("game_date").toString());
            String team = (String) r.get("team");
            assertThat(run.league().gamesOn(day.minusDays(1))).anyMatch(g -> g.home().equals(team) || g.away().equals(team));
            assertThat(r.get("days_rest")).isEqualTo(1);
            assertThat(r.get("back_to_back")).isEqualTo(1.0);
            assertThat(r.get("f_rest")).isEqualTo(1.0);
        }
        // And a team that did not play the day before is not on a back-to-back.
        List<Map<String, Object>> rested = rows("SELECT DISTINCT game_date, team, back_to_back FROM upcoming_player_game_context "
                + "WHERE game_date = ?", dates.get(DAYS - 1));
        for (Map<String, Object> r : rested) {
            LocalDate day = LocalDate.parse(r.get("game_date").toString());
            String team = (String) r.get("team");
            boolean playedYesterday = run.league().gamesOn(day.minusDays(1)).stream().anyMatch(g -> g.home().equals(team) || g.away().equals(team));
            assertThat(r.get("back_to_back")).as(team + " on " + day).isEqualTo(playedYesterday);
        }
    }

    @Test
    void rerunningAnyPartitionLeavesIdenticalRows() {
        LocalDate d = dates.get(DAYS - 2);
        Map<String, String> tables = Map.of("player_game_summary", "game_date", "team_game_summary", "game_date",
                "upcoming_player_game_context", "game_date", "player_daily_cache", "cache_date", "feature_store", "game_date",
                "prediction_grade", "game_date", "system_daily_performance", "game_date");
        Map<String, List<Map<String, Object>>> before = new java.util.HashMap<>();
        tables.forEach((t, c) -> before.put(t, rows("SELECT * FROM " + t + " WHERE " + c + " = ? ORDER BY ALL", d)));
        List<Map<String, Object>> predictions = rows("SELECT * EXCLUDE (created_at) FROM prediction WHERE game_date = ? ORDER BY ALL", d);
        for (int i = 0; i < 2; i++) {
            var s = run.platform().engine().runPartition(d, List.of("player_game_summary", "team_game_summary",
                    "upcoming_player_game_context", "player_daily_cache", "feature_store", "prediction", "prediction_grade",
                    "system_daily_performance"), "test");
            assertThat(s.allSucceeded()).as(s.describe(5)).isTrue();
        }
        tables.forEach((t, c) -> {
            List<Map<String, Object>> after = rows("SELECT * FROM " + t + " WHERE " + c + " = ? ORDER BY ALL", d);
            if (t.equals("prediction_grade")) {
                after.forEach(r -> r.remove("graded_at"));
                before.get(t).forEach(r -> r.remove("graded_at"));
            }
            assertSameRows(t, after, before.get(t));
        });
        assertThat(rows("SELECT * EXCLUDE (created_at) FROM prediction WHERE game_date = ? ORDER BY ALL", d)).isEqualTo(predictions);
        assertThat(rows("SELECT count(*) AS n FROM (SELECT game_key, player_lookup, market, system_id, count(*) FROM prediction "
                + "GROUP BY ALL HAVING count(*) > 1 AND count(DISTINCT line_key) < count(*)) x").get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void aBackfillOfPhases3And4InRangeRunsLeavesThePerDateRows() {
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(DAYS - 1);
        Map<String, String> tables = Map.of("player_game_summary", "game_date", "team_game_summary", "game_date",
                "upcoming_player_game_context", "game_date", "player_daily_cache", "cache_date", "feature_store", "game_date");
        Map<String, List<Map<String, Object>>> perDate = new java.util.HashMap<>();
        tables.forEach((t, c) -> perDate.put(t, rows("SELECT * FROM " + t + " WHERE " + c + " BETWEEN ? AND ? ORDER BY ALL", from, to)));
        var s = run.platform().engine().backfill(from, to, tables.keySet(), "test", true, null);
        assertThat(s.problems()).as(s.describe(5)).isEmpty();
        assertThat(s.outcomes()).hasSize(5 * DAYS).extracting(RunOutcome::message)
                .containsOnly("range run of " + DAYS + " dates " + from + ".." + to);
        tables.forEach((t, c) -> assertSameRows(t, rows("SELECT * FROM " + t + " WHERE " + c + " BETWEEN ? AND ? ORDER BY ALL", from, to),
                perDate.get(t)));
    }

    @Test
    void gradingARangeInOneRunLeavesThePerDateRows() {
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(DAYS - 1);
        List<String> tables = List.of("prediction_grade", "system_daily_performance", "system_daily_breakdown");
        Map<String, List<Map<String, Object>>> perDate = new java.util.HashMap<>();
        tables.forEach(t -> perDate.put(t, rows("SELECT * FROM " + t + " WHERE game_date BETWEEN ? AND ? ORDER BY ALL", from, to)));
        perDate.get("prediction_grade").forEach(r -> r.remove("graded_at"));
        assertThat(perDate.get("prediction_grade")).hasSizeGreaterThan(1000);
        var engine = run.platform().engine();
        List<LocalDate> gameDates = engine.partitionDates(from, to);
        assertThat(gameDates).containsExactlyElementsOf(dates);
        var s = engine.runRange("prediction_grade", gameDates, "test", true);
        s.addAll(engine.runRange("system_daily_performance", gameDates, "test", true));
        assertThat(s.allSucceeded()).as(s.describe(5)).isTrue();
        assertThat(s.outcomes()).extracting(RunOutcome::message).containsOnly("range run of " + DAYS + " dates " + from + ".." + to);
        tables.forEach(t -> {
            List<Map<String, Object>> after = rows("SELECT * FROM " + t + " WHERE game_date BETWEEN ? AND ? ORDER BY ALL", from, to);
            after.forEach(r -> r.remove("graded_at"));
            assertSameRows(t, after, perDate.get(t));
        });
        // Each date's state carries its own row count.
        long graded = ((Number) rows("SELECT count(*) AS n FROM prediction_grade WHERE game_date = ?", to).get(0).get("n")).longValue();
        assertThat(engine.store().state("prediction_grade", to)).hasValueSatisfying(st -> assertThat(st.lastRowsWritten()).isEqualTo(graded));
    }

    @Test
    void everyExportMatchesItsSchema() throws Exception {
        Path exports = run.platform().config().exportsDir();
        Map<String, String> schemaOf = Map.of("picks/", "picks", "results/", "results", "players/", "player", "performance.json",
                "performance", "status.json", "status", "cards/", "card", "index.json", "index");
        ObjectMapper om = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> schemas = new java.util.HashMap<>();
        for (String s : Set.copyOf(schemaOf.values())) {
            try (InputStream in = getClass().getResourceAsStream("/schemas/" + s + ".schema.json")) {
                schemas.put(s, factory.getSchema(in));
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(exports)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).toList();
        }
        Map<String, Integer> validated = new java.util.TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            String rel = exports.relativize(f).toString().replace('\\', '/');
            String schema = schemaOf.entrySet().stream().filter(e -> rel.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("export without a schema: " + rel));
            JsonNode doc = om.readTree(f.toFile());
            Set<ValidationMessage> v = schemas.get(schema).validate(doc);
            v.forEach(m -> errors.add(rel + ": " + m.getMessage()));
            validated.merge(schema, 1, Integer::sum);
            assertThat(doc.get("generated_at").asText()).as(rel).isNotBlank();
        }
        assertThat(errors).isEmpty();
        assertThat(validated).containsKeys("picks", "results", "player", "performance", "status", "card", "index");
        assertThat(validated.get("picks")).isGreaterThanOrEqualTo(DAYS);
        JsonNode last = om.readTree(exports.resolve("picks/" + dates.get(DAYS - 1) + ".json").toFile());
        assertThat(last.get("date").asText()).isEqualTo(dates.get(DAYS - 1).toString());
        assertThat(last.get("predictions").size()).isGreaterThan(50);
    }

    @Test
    void gradingWaitsForBoxScoresThenHealsThroughTheEngine() {
        LocalDate d = run.gameDates().get(DAYS + 1);
        SandboxSeason.days(run, List.of(run.gameDates().get(DAYS)));
        SandboxSeason.check(run.pregame(d));
        run.at(SandboxRun.morningAfter(d));
        var engine = run.platform().engine();
        var waiting = engine.run("prediction_grade", d, "schedule");
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(waiting.message()).startsWith("waiting for player_game_summary [" + d + "] has not run");
        var healed = engine.runWithUpstream("prediction_grade", d, "schedule");
        assertThat(healed.outcomes()).extracting(o -> o.asset()).contains("collect_bdl_box_scores", "raw_bdl_box_scores",
                "player_game_summary", "prediction_grade");
        assertThat(healed.outcomes()).allSatisfy(o -> assertThat(o.status()).as(o.asset()).isEqualTo(RunStatus.SUCCESS));
        assertThat(rows("SELECT count(*) AS n FROM prediction_grade WHERE game_date = ? AND result IN ('WIN', 'LOSS', 'PUSH', 'NO_PICK')", d)
                .get(0).get("n")).isNotEqualTo(0L);
    }

    @Test
    void duplicatedWorkItemsAndAFailingPlayerNeverDuplicateOrSinkTheBatch() {
        LocalDate d = dates.get(DAYS - 1);
        var service = run.platform().predictions();
        String victim = (String) rows("SELECT min(player_lookup) AS p FROM feature_store WHERE game_date = ?", d).get(0).get("p");
        long before = (Long) rows("SELECT count(*) AS n FROM prediction WHERE game_date = ?", d).get(0).get("n");
        // A dispatcher that delivers every result twice (a redelivered message) and fails one player.
        io.nbaprops.predict.WorkDispatcher flaky = (shared, items, deadline) -> {
            List<io.nbaprops.predict.WorkDispatcher.WorkOutcome> out = new ArrayList<>();
            var worker = service.worker();
            for (var item : items) {
                if (item.game().playerLookup().equals(victim)) {
                    out.add(new io.nbaprops.predict.WorkDispatcher.WorkOutcome(item.itemId(), Map.of(), "IllegalStateException: simulated"));
                    continue;
                }
                var o = worker.run(shared, item);
                out.add(o);
                out.add(o);
            }
            return out;
        };
        // The same moment the day's predictions were made, so the same line snapshots: any new row would be a duplicate.
        java.time.Instant madeAt = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery(
                "SELECT max(created_at) FROM prediction WHERE game_date = ?").bind(0, d).mapTo(java.time.Instant.class).one());
        var result = service.batch(flaky).run(d, io.nbaprops.predict.Market.POINTS, null, madeAt, () -> { });
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f).startsWith(victim).contains("simulated"));
        assertThat(result.rowsWritten()).isGreaterThan(100);
        assertThat((Long) rows("SELECT count(*) AS n FROM prediction WHERE game_date = ?", d).get(0).get("n")).isEqualTo(before);
        assertThat(rows("SELECT count(*) AS n FROM (SELECT game_key, player_lookup, market, system_id, line_key FROM prediction "
                + "GROUP BY ALL HAVING count(*) > 1) x").get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void aOnePlayerRePredictionMatchesTheBatch() {
        LocalDate d = dates.get(DAYS - 2);
        String sql = "SELECT system_id, line_key, predicted, p_over, recommendation FROM prediction WHERE game_date = ? "
                + "AND player_lookup = ? ORDER BY ALL";
        String player = (String) rows("SELECT min(player_lookup) AS p FROM prediction WHERE game_date = ? AND system_id = 'similar_games'",
                d).get(0).get("p");
        List<Map<String, Object>> before = rows(sql, d, player);
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        java.time.Instant madeAt = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery(
                "SELECT max(created_at) FROM prediction WHERE game_date = ?").bind(0, d).mapTo(java.time.Instant.class).one());
        var service = run.platform().predictions();
        var result = service.batch(new io.nbaprops.predict.InProcessDispatcher(service.worker(), 1)).run(d, io.nbaprops.predict.Market.POINTS, java.util.Set.of(player), madeAt, () -> { });
        assertThat(result.players()).isEqualTo(1);
        // Same scale (feature means over the whole date), same calibration, same history: the same numbers as the batch.
        assertThat(rows(sql, d, player)).isEqualTo(before);
    }

    @Test
    void calibrationUsesOnlyGradesFromBeforeTheDate() {
        LocalDate d = dates.get(DAYS - 1);
        List<Map<String, Object>> before = rows("SELECT game_key, player_lookup, system_id, line_key, p_over, calibration_samples "
                + "FROM prediction WHERE game_date = ? ORDER BY ALL", d);
        // Poison the grades of the date itself and of later dates: absurd residuals and outcomes.
        run.platform().warehouse().write(tx -> tx.handle().createUpdate("UPDATE prediction_grade SET actual = 99, went_over = true, "
                + "p_over_raw = 0.01 WHERE game_date >= ?").bind(0, d).execute());
        var engine = run.platform().engine();
        assertThat(engine.run("prediction", d, "test").status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(rows("SELECT game_key, player_lookup, system_id, line_key, p_over, calibration_samples "
                + "FROM prediction WHERE game_date = ? ORDER BY ALL", d)).isEqualTo(before);
        assertThat(engine.runPartition(d, List.of("prediction_grade", "system_daily_performance"), "test").allSucceeded()).isTrue();
    }

    @Test
    void statusWithdrawsYesterdaysPicksWhenTodaysPredictionsFail() throws Exception {
        LocalDate next = run.gameDates().get(DAYS + 5);
        // Today's inputs are broken: predictions cannot run, so the latest picks must not stay up as if fresh.
        run.platform().warehouse().write(tx -> tx.handle().execute("DROP TABLE IF EXISTS sabotage"));
        var engine = run.platform().engine();
        engine.runPartition(next, List.of("collect_bdl_games", "raw_bdl_games", "schedule"), "test");
        engine.store().saveState(new io.nbaprops.engine.PartitionState("prediction", next, "FAILED", "simulated failure", null,
                java.time.Instant.now(), null, null, null, 1));
        var status = engine.run("export_status", next, "test");
        assertThat(status.status()).isEqualTo(RunStatus.SUCCESS);
        JsonNode latest = new ObjectMapper().readTree(run.platform().config().exportsDir().resolve("picks/latest.json").toFile());
        assertThat(latest.get("status").asText()).isEqualTo("withheld");
        assertThat(latest.get("date").asText()).isEqualTo(next.toString());
        assertThat(latest.get("note").asText()).contains("FAILED: simulated failure").contains("withdrawn");
        assertThat(latest.get("picks").size()).isZero();
        JsonNode st = new ObjectMapper().readTree(run.platform().config().exportsDir().resolve("status.json").toFile());
        assertThat(st.get("status").asText()).isEqualTo("stale");
        assertThat(st.get("stale").get(0).asText()).startsWith("no picks for " + next);
    }
}
