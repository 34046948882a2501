package io.nbaprops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.testing.SandboxSeason;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leakage by test, walk-forward over the first {@value #DAYS} game days of the sandbox season with a trained model.
 *
 * <p>First the season is run day by day, as live: each date's pre-game run at its prediction time (the warehouse
 * holds only what was known then), its post-game run the next morning. Then, with the clock after the whole range
 * and the warehouse holding the whole range's results, every prediction, grade and model is deleted and the range is
 * backfilled through the engine, as {@code nbaprops backfill --force} does: every source re-collected through the
 * sandbox server (lines from the historical endpoint at each date's prediction time, the injury list from the
 * snapshots archived before each date's cut-off), the context and features rebuilt, the model re-trained walk-forward,
 * every date re-predicted and re-graded. Every prediction (value, line, probabilities, recommendation, stake), every
 * pick and every model must come out identical.
 *
 * <p>{@code predict.min_training_rows} is lowered to {@value #MIN_TRAINING_ROWS} (3000 by default) so that models are
 * trained, and re-trained after {@code retrain_days}, inside the window; markets: points and rebounds ({@link #MARKETS}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkForwardLeakageTest {
    static final int DAYS = 30;
    static final int MIN_TRAINING_ROWS = 1000;
    /**
     * Two of the five markets, to keep the run time reasonable (every market goes through the same code: the
     * features are shared, the lines and grades are filtered by market).
     */
    static final String MARKETS = "[points, rebounds]";
    /** Every column of a prediction but when it was written. */
    static final String PREDICTION_COLUMNS = "game_key, player_lookup, market, system_id, line_key, game_date, system_version, "
            + "feature_version, model_version, predicted, line_value, line_book, line_snapshot_at, over_price, under_price, p_over_raw, "
            + "p_over, p_under, p_push, edge, recommendation, reason, confidence, expected_value, kelly_stake, calibration_samples, "
            + "contributions";

    @TempDir
    static Path dir;
    SandboxRun run;
    List<LocalDate> dates;
    List<Map<String, Object>> liveModels;
    Map<LocalDate, List<Map<String, Object>>> live = new java.util.TreeMap<>();
    Map<LocalDate, List<Map<String, Object>>> liveGrades = new java.util.TreeMap<>();
    List<Map<String, Object>> liveFeatures;
    long dayByDayMillis;
    long backfillMillis;
    RunSummary backfill;

    @BeforeAll
    void replayThenBackfill() {
        run = SandboxSeason.start(dir, Map.of("NBAPROPS_PREDICT_MIN_TRAINING_ROWS", String.valueOf(MIN_TRAINING_ROWS),
                "NBAPROPS_PREDICT_MARKETS", MARKETS));
        dates = run.gameDates().subList(0, DAYS);
        long t0 = System.nanoTime();
        SandboxSeason.days(run, dates);
        dayByDayMillis = (System.nanoTime() - t0) / 1_000_000;
        for (LocalDate d : dates) {
            live.put(d, predictions(d));
            liveGrades.put(d, grades(d));
        }
        liveModels = models();
        liveFeatures = features();

        // The whole range is in the warehouse now; forget every prediction, grade and model, and backfill it all.
        run.platform().warehouse().write(tx -> {
            for (String t : List.of("prediction", "prediction_grade", "model_registry")) {
                tx.handleFor(t).createUpdate("DELETE FROM " + t).execute();
            }
        });
        run.at(SandboxRun.morningAfter(dates.get(DAYS - 1)).plusSeconds(3600));
        Set<String> all = new LinkedHashSet<>(run.platform().pipeline().pregame());
        all.addAll(run.platform().pipeline().postgame());
        long t1 = System.nanoTime();
        backfill = SandboxSeason.check(run.platform().engine().backfill(dates.get(0), dates.get(DAYS - 1), all, "test", true, null));
        backfillMillis = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("walk-forward leakage test: %d days day by day %.1f s, backfill %.1f s%n", DAYS, dayByDayMillis / 1000.0,
                backfillMillis / 1000.0);
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

    List<Map<String, Object>> predictions(LocalDate d) {
        return rows("SELECT " + PREDICTION_COLUMNS + " FROM prediction WHERE game_date = ? "
                + "ORDER BY game_key, player_lookup, market, system_id, line_key", d);
    }

    List<Map<String, Object>> grades(LocalDate d) {
        List<Map<String, Object>> g = rows("SELECT * FROM prediction_grade WHERE game_date = ? "
                + "ORDER BY game_key, player_lookup, market, system_id, line_key", d);
        g.forEach(r -> r.keySet().removeIf(k -> k.endsWith("_at") && !k.equals("line_snapshot_at")));
        return g;
    }

    List<Map<String, Object>> features() {
        return rows("SELECT * FROM feature_store ORDER BY game_date, game_key, player_lookup");
    }

    List<Map<String, Object>> models() {
        return rows("SELECT model_version, market, feature_version, feature_names, trained_before, train_rows, params, metrics, "
                + "artifact FROM model_registry ORDER BY model_version");
    }

    @Test
    void theWindowTrainsAndRetrainsAModelAndMakesPicks() {
        assertThat(liveModels).hasSizeGreaterThanOrEqualTo(2);
        long modelled = live.values().stream().flatMap(List::stream).filter(r -> r.get("model_version") != null).count();
        long picks = live.values().stream().flatMap(List::stream).filter(r -> !"PASS".equals(r.get("recommendation"))).count();
        assertThat(modelled).as("predictions served by a trained model").isGreaterThan(1000);
        assertThat(picks).as("picks over the window").isGreaterThan(50);
        assertThat(backfill.allSucceeded()).isTrue();
    }

    /** The rows that differ (at most 20, each naming its key and columns); row counts first. */
    static List<String> differences(String what, List<Map<String, Object>> before, List<Map<String, Object>> after) {
        List<String> out = new ArrayList<>();
        if (before.size() != after.size()) {
            out.add(what + ": " + before.size() + " rows day by day, " + after.size() + " after the backfill");
        }
        for (int i = 0; i < Math.min(before.size(), after.size()) && out.size() < 20; i++) {
            Map<String, Object> a = before.get(i);
            Map<String, Object> b = after.get(i);
            if (!a.equals(b)) {
                String cols = a.keySet().stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k)))
                        .map(k -> k + " " + a.get(k) + " -> " + b.get(k)).collect(Collectors.joining(", "));
                out.add(what + " " + a.get("game_date") + " " + a.get("game_key") + "/" + a.get("player_lookup") + "/"
                        + a.get("system_id") + ": " + cols);
            }
        }
        return out;
    }

    @Test
    void everyPredictionAndPickIsIdenticalWhenTheWarehouseHoldsTheWholeRange() {
        List<String> differences = new ArrayList<>();
        long compared = 0;
        for (LocalDate d : dates) {
            compared += live.get(d).size();
            differences.addAll(differences("prediction", live.get(d), predictions(d)));
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(differences).as("predictions that differ").isEmpty();
    }

    @Test
    void modelsFeaturesAndGradesAreIdentical() {
        assertThat(differences("model", liveModels, models())).isEmpty();
        assertThat(differences("feature_store", liveFeatures, features())).isEmpty();
        List<String> grades = new ArrayList<>();
        for (LocalDate d : dates) {
            grades.addAll(differences("grade", liveGrades.get(d), grades(d)));
        }
        assertThat(grades).isEmpty();
    }

    @Test
    void theBackfillReadTheArchivedInjuryListsAndNeverFetchedOne() {
        List<Map<String, Object>> gaps = rows("SELECT * FROM point_in_time_gap");
        assertThat(gaps).isEmpty();
        // The injury lists parsed for each date are the ones fetched at its prediction time, not the one the backfill could fetch.
        for (LocalDate d : List.of(dates.get(5), dates.get(DAYS - 1))) {
            Map<String, Object> fetched = rows("SELECT count(*) AS pages, count(*) FILTER (WHERE fetched_at = ?) AS at_prediction_time "
                    + "FROM raw_payload WHERE source = 'balldontlie' AND endpoint = 'player_injuries' AND partition_date = ?",
                    run.predictionAt(d), d).get(0);
            assertThat(((Number) fetched.get("pages")).longValue()).isPositive().isEqualTo(((Number) fetched.get("at_prediction_time")).longValue());
        }
    }

    /**
     * Every pick is taken at the best line and price for its side among the books' quotes at the prediction time: no
     * book offered a better line for the side, nor a better price at the same line; the one-book pick sits beside it.
     */
    @Test
    void picksAreTakenAtTheBestLineAndPriceAmongTheBooks() {
        List<Map<String, Object>> picks = rows("SELECT game_key, player_lookup, market, recommendation, line_value, line_book, "
                + "line_snapshot_at, over_price, under_price, single_book, single_line, single_recommendation FROM prediction "
                + "WHERE recommendation <> 'PASS' AND game_date BETWEEN ? AND ?", dates.get(0), dates.get(DAYS - 1));
        // Against sharp books a system picks rarely: every system's picks over the whole range are checked.
        assertThat(picks).hasSizeGreaterThan(20);
        int elsewhere = 0;
        for (Map<String, Object> p : picks) {
            boolean over = "OVER".equals(p.get("recommendation"));
            double line = ((Number) p.get("line_value")).doubleValue();
            int price = ((Number) p.get(over ? "over_price" : "under_price")).intValue();
            List<Map<String, Object>> shop = rows("SELECT book, line, over_price_american AS o, under_price_american AS u FROM ("
                    + "SELECT q.*, row_number() OVER (PARTITION BY book ORDER BY snapshot_at DESC) AS rn FROM prop_line q "
                    + "WHERE game_key = ? AND player_lookup = ? AND market = ? AND NOT in_game AND NOT flagged AND snapshot_at <= ?) x "
                    + "WHERE rn = 1", p.get("game_key"), p.get("player_lookup"), io.nbaprops.predict.Market.of((String) p.get("market"))
                    .bookKey(), p.get("line_snapshot_at"));
            assertThat(shop).isNotEmpty();
            for (Map<String, Object> q : shop) {
                if (q.get("line") == null || q.get("o") == null || q.get("u") == null) {
                    continue;
                }
                double l = ((Number) q.get("line")).doubleValue();
                int qp = ((Number) q.get(over ? "o" : "u")).intValue();
                if (l == line) {
                    assertThat(payout(qp)).as(p + " vs " + q).isLessThanOrEqualTo(payout(price) + 1e-9);
                }
                boolean betterLine = over ? l < line : l > line;
                // Between two half-point lines (no push), a better line at a price at least as good is worth more; never
                // passed over. (A whole number's push chance can keep its win probability under predict.min_probability.)
                if (betterLine && l % 1 != 0 && line % 1 != 0) {
                    assertThat(payout(qp)).as(p + " vs " + q).isLessThan(payout(price));
                }
            }
            assertThat(p.get("single_book")).isNotNull();
            if (!p.get("line_book").equals(p.get("single_book"))) {
                elsewhere++;
            }
        }
        assertThat(elsewhere).as("picks taken at another book than the single book's").isPositive();
        List<Map<String, Object>> graded = rows("SELECT count(*) FILTER (WHERE single_result IN ('WIN', 'LOSS', 'PUSH')) AS single_picks, "
                + "count(*) FILTER (WHERE result IN ('WIN', 'LOSS', 'PUSH')) AS picks FROM prediction_grade");
        assertThat(((Number) graded.get(0).get("single_picks")).longValue()).isPositive();
        var comparison = new io.nbaprops.predict.PriceComparison(run.platform().warehouse()).compare(dates.get(0), dates.get(DAYS - 1));
        assertThat(comparison).anySatisfy(r -> assertThat(r.samePicks()).isPositive());
    }

    static double payout(int american) {
        return american > 0 ? american / 100.0 : 100.0 / -american;
    }
}
