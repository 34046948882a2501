package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.model.ModelMeta;
import io.nbaprops.predict.model.XgbModel;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.SandboxSeason;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch coordinator keeps what it read (the date's vectors and scale, the model to serve, the season's past
 * games, the calibration fits) between runs. Whatever is written to the tables they came from, its next run
 * must give exactly what a coordinator that never cached anything gives: nothing stale is ever served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictionBatchCacheTest {
    static final int DAYS = 7;

    @TempDir
    static Path dir;
    SandboxRun run;
    List<LocalDate> dates;
    LocalDate day;
    Instant asOf;
    PredictionService service;
    PredictionBatch cached;
    String player;

    @BeforeAll
    void replay() {
        // Fit windows shorter than the replay, so that their edges move through the graded days.
        Map<String, String> env = new java.util.HashMap<>(io.nbaprops.testing.TestPlatform.env(dir, null));
        env.put("NBAPROPS_PREDICT_CALIBRATION_DAYS", "2");
        env.put("NBAPROPS_PREDICT_ENSEMBLE_DAYS", "4");
        run = SandboxRun.start(2024, null, env);
        dates = run.gameDates().subList(0, DAYS);
        SandboxSeason.days(run, dates);
        day = dates.get(DAYS - 1);
        asOf = SandboxRun.morningAfter(day);
        service = run.platform().predictions();
        cached = service.batch(new InProcessDispatcher(service.worker(), 2));
        player = warehouse().jdbi().withHandle(h -> h.createQuery("SELECT min(player_lookup) FROM prediction WHERE game_date = ? "
                + "AND system_id = 'moving_average' AND line_value IS NOT NULL").bind(0, day).mapTo(String.class).one());
    }

    @AfterAll
    void close() {
        if (run != null) {
            run.close();
        }
    }

    Warehouse warehouse() {
        return run.platform().warehouse();
    }

    /** A coordinator that keeps nothing: everything read from the warehouse's tables with the queries used on PostgreSQL. */
    PredictionBatch fresh() {
        return service.batch(new InProcessDispatcher(service.worker(), 1)).keepingNothing();
    }

    List<Map<String, Object>> rowsOf(String who) {
        return warehouse().jdbi().withHandle(h -> h.createQuery("SELECT system_id, line_key, model_version, predicted, p_over_raw, p_over, "
                + "recommendation, calibration_samples, contributions FROM prediction WHERE game_date = ? AND player_lookup = ? ORDER BY ALL")
                .bind(0, day).bind(1, who).mapToMap().list());
    }

    /** The player's rows as the caching coordinator writes them, checked against a coordinator without caches. */
    List<Map<String, Object>> cachedMatchesFresh(String who) {
        cached.run(day, Market.POINTS, Set.of(who), asOf, () -> { });
        List<Map<String, Object>> fromCache = rowsOf(who);
        fresh().run(day, Market.POINTS, Set.of(who), asOf, () -> { });
        assertThat(fromCache).as("cached coordinator vs fresh one").isEqualTo(rowsOf(who));
        return fromCache;
    }

    Map<String, Object> featureRow(String who) {
        return warehouse().jdbi().withHandle(h -> h.createQuery("SELECT game_key, player_lookup, pts_ewm, opp_def_rating_l10 FROM feature_store "
                + "WHERE game_date = ? AND player_lookup = ?").bind(0, day).bind(1, who).mapToMap().one());
    }

    void setFeature(Map<String, Object> row, String column, double value) {
        warehouse().write(tx -> tx.upsert(RowBatch.of("feature_store", "game_key", "player_lookup", column)
                .add(row.get("game_key"), row.get("player_lookup"), value)));
    }

    @Test
    void aChangedVectorOfThePlayerOrOfAnotherPlayerOfTheDateIsNotServedFromTheCache() {
        cached.run(day, Market.POINTS, null, asOf, () -> { });
        List<Map<String, Object>> before = cachedMatchesFresh(player);
        Map<String, Object> own = featureRow(player);
        setFeature(own, "pts_ewm", (Double) own.get("pts_ewm") + 4);
        assertThat(cachedMatchesFresh(player)).isNotEqualTo(before);
        setFeature(own, "pts_ewm", (Double) own.get("pts_ewm"));
        assertThat(cachedMatchesFresh(player)).isEqualTo(before);

        // The league scale of the date moves when someone else's vector does (zone_matchup divides by the date's mean).
        String other = warehouse().jdbi().withHandle(h -> h.createQuery("SELECT max(player_lookup) FROM feature_store WHERE game_date = ? "
                + "AND opp_def_rating_l10 IS NOT NULL").bind(0, day).mapTo(String.class).one());
        Map<String, Object> theirs = featureRow(other);
        setFeature(theirs, "opp_def_rating_l10", (Double) theirs.get("opp_def_rating_l10") + 60);
        assertThat(cachedMatchesFresh(player)).isNotEqualTo(before);
        setFeature(theirs, "opp_def_rating_l10", (Double) theirs.get("opp_def_rating_l10"));
        assertThat(cachedMatchesFresh(player)).isEqualTo(before);
    }

    @Test
    void aNewGradedDayRefitsTheCalibration() {
        LocalDate lastGraded = dates.get(DAYS - 2);
        List<Map<String, Object>> grades = warehouse().jdbi().withHandle(h -> h.createQuery("SELECT * FROM prediction_grade WHERE game_date = ?")
                .bind(0, lastGraded).mapToMap().list());
        assertThat(grades).isNotEmpty();
        List<Map<String, Object>> allGraded = cachedMatchesFresh(player);
        warehouse().write(tx -> tx.deletePartition("prediction_grade", "game_date", lastGraded));
        List<Map<String, Object>> dayMissing = cachedMatchesFresh(player);
        assertThat(dayMissing).isNotEqualTo(allGraded);
        // The day is graded (again): the fits must take it in.
        List<String> cols = new ArrayList<>(grades.get(0).keySet());
        RowBatch back = new RowBatch("prediction_grade", cols);
        grades.forEach(g -> back.add(cols.stream().map(c -> writable(g.get(c))).toArray()));
        warehouse().write(tx -> tx.upsert(back));
        assertThat(cachedMatchesFresh(player)).isEqualTo(allGraded);
    }

    @Test
    void aNewlyTrainedModelIsServedAtOnce() throws Exception {
        byte[] artifact = ModelSchemaTest.tinyModel(FeatureCatalog.size());
        cachedMatchesFresh(player);
        for (String version : List.of("cache-test-a", "cache-test-b")) {
            ModelMeta meta = new ModelMeta(version, "xgboost", "points", FeatureCatalog.VERSION, FeatureCatalog.names(), day, 200, "{}", "{}",
                    Instant.now());
            service.models().save(XgbModel.load(meta, artifact, FeatureCatalog.VERSION, FeatureCatalog.names()));
            assertThat(cachedMatchesFresh(player)).filteredOn(r -> "xgboost".equals(r.get("system_id")))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.get("model_version")).isEqualTo(version));
        }
        warehouse().write(tx -> tx.handle().execute("DELETE FROM model_registry WHERE model_version LIKE 'cache-test-%'"));
        cachedMatchesFresh(player);
    }

    @Test
    void aCorrectedBoxScoreReachesTheHistory() {
        cached.run(day, Market.POINTS, null, asOf, () -> { });
        Map<String, Object> last = warehouse().jdbi().withHandle(h -> h.createQuery("SELECT game_key, player_lookup, pts FROM player_game_summary "
                + "WHERE player_lookup = ? AND game_date < ? AND played ORDER BY game_date DESC LIMIT 1").bind(0, player).bind(1, day)
                .mapToMap().one());
        String before = history(cached, day, player);
        warehouse().write(tx -> tx.upsert(RowBatch.of("player_game_summary", "game_key", "player_lookup", "pts")
                .add(last.get("game_key"), last.get("player_lookup"), ((Number) last.get("pts")).intValue() + 20)));
        String corrected = history(cached, day, player);
        assertThat(corrected).isNotEqualTo(before).isEqualTo(history(fresh(), day, player));
        assertThat(render(cached.load(day, Market.POINTS, null, asOf).history().get(player))).isEqualTo(corrected);
        warehouse().write(tx -> tx.upsert(RowBatch.of("player_game_summary", "game_key", "player_lookup", "pts")
                .add(last.get("game_key"), last.get("player_lookup"), ((Number) last.get("pts")).intValue())));
        assertThat(history(cached, day, player)).isEqualTo(before);
    }

    @Test
    void thePastGamesAndGradesInMemoryMatchTheWarehouseWalkingForwardAndBack() {
        PredictionBatch walker = service.batch(new InProcessDispatcher(service.worker(), 1));
        List<LocalDate> order = new ArrayList<>(List.of(dates.get(3)));
        order.addAll(dates);
        order.add(dates.get(1));
        order.add(day.plusDays(1));
        for (LocalDate d : order) {
            PredictionBatch.Inputs mine = walker.load(d, Market.POINTS, null, asOf);
            PredictionBatch.Inputs theirs = fresh().load(d, Market.POINTS, null, asOf);
            assertThat(render(mine)).as("inputs of %s", d).isEqualTo(render(theirs));
        }
    }

    @Test
    void everyMarketServedFromTheSharedPlayersOfTheDateMatchesTheWarehouse() {
        PredictionBatch walker = service.batch(new InProcessDispatcher(service.worker(), 1));
        for (LocalDate d : List.of(dates.get(4), day)) {
            for (Market m : service.markets()) {
                assertThat(render(walker.load(d, m, null, asOf))).as("inputs of %s %s", d, m)
                        .isEqualTo(render(fresh().load(d, m, null, asOf)));
            }
        }
    }

    /** Everything a batch loaded and fitted, as text (arrays and fitted distributions by value). */
    static String render(PredictionBatch.Inputs in) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(in.history()).forEach((p, games) -> b.append(render(games)));
        in.calibrations().forEach((id, c) -> {
            b.append(id).append(" samples=").append(c.gradedSamples()).append(" calibrator=")
                    .append(c.overCalibrator()).append('\n');
            for (var t : c.tiers()) {
                b.append("  n=").append(t.size());
                for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
                    b.append(' ').append(t.quantile(q));
                }
                b.append(" cdf(0)=").append(t.cdf(0)).append(" cdf(3)=").append(t.cdf(3)).append('\n');
            }
        });
        b.append("weights ").append(in.context().ensembleWeights()).append('\n');
        b.append("model ").append(in.context().modelVersion()).append(" means ").append(Arrays.toString(in.context().featureMeans()))
                .append(" sds ").append(Arrays.toString(in.context().featureSds())).append('\n');
        new TreeMap<>(in.lines()).forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        in.games().forEach(g -> b.append(g.gameKey()).append(' ').append(g.playerLookup()).append(' ').append(g.injuryCode()).append(' ')
                .append(Arrays.toString(g.features())).append('\n'));
        return b.toString();
    }

    String history(PredictionBatch batch, LocalDate d, String who) {
        return render(batch.load(d, Market.POINTS, Set.of(who), asOf).history().getOrDefault(who, List.of()));
    }

    static String render(List<HistoryGame> games) {
        StringBuilder b = new StringBuilder();
        for (HistoryGame g : games) {
            b.append(g.playerLookup()).append(' ').append(g.gameDate()).append(' ').append(Arrays.toString(g.features())).append(" -> ")
                    .append(g.actual()).append('\n');
        }
        return b.toString();
    }

    /** A value read back from the warehouse in a form the write path takes. */
    static Object writable(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }
}
