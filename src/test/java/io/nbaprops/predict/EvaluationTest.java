package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built warehouse with known answers: three slates, one system, graded player-games with and without a line,
 * a void, an older line superseded by a later one, and sandbox truths. Every figure below is worked out by hand.
 */
public class EvaluationTest {
    public static final LocalDate D1 = LocalDate.of(2025, 1, 10);
    public static final LocalDate D2 = LocalDate.of(2025, 1, 11);
    public static final LocalDate D3 = LocalDate.of(2025, 1, 12);

    @TempDir
    Path dir;
    Warehouse w;

    @BeforeEach
    void setUp() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("e.duckdb"), null, null, 2);
        build(w);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    /**
     * Player-games (predicted, actual, line, truth; pick at price; closing line and price):
     * <pre>
     * a  D1  20  24  21.5  22    OVER  WIN  -110  close 22.5 -110   (an older 20.5 line of a is superseded)
     * b  D1  10   8  12.5  11    UNDER WIN  +100  close 12.5 -120
     * c  D2  30  20  26.5  27    OVER  LOSS -110  close 26.5 -110   (fanduel)
     * d  D3  17  15  15.0  15.5  OVER  PUSH -110  close 15.0 -110
     * g  D3  12  14  12.5  13    PASS (line, no pick)
     * e  D2   3   1  -     2.5   no line
     * f  D2  15  -   16.5  -     VOID (did not play)
     * </pre>
     */
    public static void build(Warehouse w) {
        w.write(tx -> {
            RowBatch p = RowBatch.of("prediction", "game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
                    "player_name", "team", "opponent", "system_version", "predicted", "line_value", "line_book", "line_snapshot_at",
                    "over_price", "under_price", "recommendation", "confidence", "created_at");
            RowBatch g = RowBatch.of("prediction_grade", "game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
                    "predicted", "actual", "abs_error", "signed_error", "line_value", "recommendation", "confidence", "result", "went_over",
                    "price", "profit_units", "closing_line", "closing_price", "clv", "void_reason", "graded_at");
            RowBatch t = RowBatch.of("sandbox_truth", "game_key", "game_date", "player_lookup", "player_id", "team", "seed", "exp_pts",
                    "exp_reb", "exp_ast", "exp_fg3m", "exp_minutes", "active", "played");
            Object[][] rows = {
                // player, date, predicted, actual, line, truth, side, result, price, profit, close line, close price, book
                {"a", D1, 20.0, 24.0, 21.5, 22.0, "OVER", "WIN", -110, 100.0 / 110, 22.5, -110, "draftkings"},
                {"b", D1, 10.0, 8.0, 12.5, 11.0, "UNDER", "WIN", 100, 1.0, 12.5, -120, "draftkings"},
                {"c", D2, 30.0, 20.0, 26.5, 27.0, "OVER", "LOSS", -110, -1.0, 26.5, -110, "fanduel"},
                {"d", D3, 17.0, 15.0, 15.0, 15.5, "OVER", "PUSH", -110, 0.0, 15.0, -110, "draftkings"},
                {"g", D3, 12.0, 14.0, 12.5, 13.0, "PASS", "NO_PICK", null, null, 12.5, null, "draftkings"},
                {"e", D2, 3.0, 1.0, null, 2.5, "PASS", "NO_PICK", null, null, null, null, null},
                {"f", D2, 15.0, null, 16.5, null, "OVER", "VOID", -110, null, null, null, "draftkings"},
            };
            Instant graded = Instant.parse("2025-01-13T09:00:00Z");
            for (Object[] r : rows) {
                String player = (String) r[0];
                LocalDate d = (LocalDate) r[1];
                String game = d.toString().replace("-", "") + "_BOS_PHI";
                Instant snap = d.atTime(22, 0).toInstant(java.time.ZoneOffset.UTC);
                Double line = (Double) r[4];
                String key = line == null ? "no-line" : r[12] + "@" + snap;
                Double actual = (Double) r[3];
                double predicted = (Double) r[2];
                Integer price = (Integer) r[8];
                Double closeLine = (Double) r[10];
                Double clv = closeLine == null || line == null || "PASS".equals(r[6]) ? null
                        : "OVER".equals(r[6]) ? closeLine - line : line - closeLine;
                p.add(game, player, "points", "s1", key, d, player, "PHI", "BOS", "v", predicted, line, r[12], line == null ? null : snap,
                        "OVER".equals(r[6]) ? price : -110, "UNDER".equals(r[6]) ? price : -110, r[6], 0.6, snap);
                g.add(game, player, "points", "s1", key, d, predicted, actual, actual == null ? null : Math.abs(predicted - actual),
                        actual == null ? null : predicted - actual, line, r[6], 0.6, r[7],
                        actual == null || line == null || actual.equals(line) ? null : actual > line, price, r[9], closeLine, r[11], clv,
                        "VOID".equals(r[7]) ? "did not play: DNP" : null, graded);
                if (r[5] != null) {
                    t.add(game, d, player, 1L, "PHI", 2024L, (Double) r[5], 5.0, 3.0, 1.0, 30.0, true, true);
                }
            }
            // An older prediction of a at an earlier line: superseded by the later line, never counted.
            Instant early = D1.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC);
            String game = "20250110_BOS_PHI";
            p.add(game, "a", "points", "s1", "draftkings@" + early, D1, "a", "PHI", "BOS", "v", 26.0, 20.5, "draftkings", early, -110, -110,
                    "OVER", 0.6, early);
            g.add(game, "a", "points", "s1", "draftkings@" + early, D1, 26.0, 24.0, 2.0, 2.0, 20.5, "OVER", 0.6, "WIN", true, -110,
                    100.0 / 110, 22.5, -110, 2.0, null, graded);
            tx.upsert(p);
            tx.upsert(g);
            tx.upsert(t);
        });
    }

    Evaluation.SystemEvaluation evaluate() {
        List<Evaluation.SystemEvaluation> all = new Evaluation(w).evaluate(D1, D3);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void bettingPopulationHasSystemLineAndOracleMaeOnTheSameRows() {
        Evaluation.Population b = evaluate().betting();
        // a, b, c, d, g: system errors 4, 2, 10, 2, 2; line errors 2.5, 4.5, 6.5, 0, 1.5; oracle 2, 3, 7, 0.5, 1.
        assertThat(b.rows()).isEqualTo(5);
        assertThat(b.mae()).isCloseTo(4.0, within(1e-9));
        assertThat(b.lineMae()).isCloseTo(3.0, within(1e-9));
        assertThat(b.oracleMae()).isCloseTo(2.7, within(1e-9));
        assertThat(b.bias()).isCloseTo(1.6, within(1e-9));
    }

    @Test
    void allPredictedPlayerGamesHaveSystemAndOracleMaeOnTheSameRowsAndNoLineMae() {
        Evaluation.Population a = evaluate().all();
        // The betting rows plus e (error 2, oracle 1.5); the void f is not a player-game that happened.
        assertThat(a.rows()).isEqualTo(6);
        assertThat(a.mae()).isCloseTo(22.0 / 6, within(1e-9));
        assertThat(a.oracleMae()).isCloseTo(15.0 / 6, within(1e-9));
        assertThat(a.lineMae()).isNull();
        assertThat(a.bias()).isCloseTo(10.0 / 6, within(1e-9));
    }

    @Test
    void picksHaveWilsonIntervalsSlateBootstrapRoiAndClosingLineValue() {
        Evaluation.PickGroup all = evaluate().group("all");
        assertThat(all.picks()).isEqualTo(4);
        assertThat(List.of(all.wins(), all.losses(), all.pushes())).containsExactly(2L, 1L, 1L);
        assertThat(all.hitRate()).isCloseTo(2.0 / 3, within(1e-9));
        // The 95% Wilson interval of 2 wins in 3.
        assertThat(all.hitLow()).isCloseTo(0.2077, within(1e-4));
        assertThat(all.hitHigh()).isCloseTo(0.9385, within(1e-4));
        assertThat(all.roi()).isCloseTo((100.0 / 110 + 1 - 1 + 0) / 4, within(1e-9));
        // Three slates: D1 (+1.909 over 2 picks), D2 (-1 over 1), D3 (0 over 1). All-D2 and all-D1 resamples each have
        // probability 1/27 > 2.5%, so the interval runs from -1 to D1's ROI.
        assertThat(all.roiLow()).isCloseTo(-1.0, within(1e-9));
        assertThat(all.roiHigh()).isCloseTo((100.0 / 110 + 1) / 2, within(1e-9));
        assertThat(all.clvPicks()).isEqualTo(4);
        assertThat(all.clvPoints()).isCloseTo(0.25, within(1e-9));
        // a: +1 point at a 21.5 line (density 1 / (sqrt(2 pi) (1.05 sqrt(21.5) + 1.5))); b: the price went from +100 to -120.
        double a = 1 / (Math.sqrt(2 * Math.PI) * (1.05 * Math.sqrt(21.5) + 1.5));
        double b = 120.0 / 220 - 0.5;
        assertThat(all.clvProbability()).isCloseTo((a + b) / 4, within(1e-9));
        assertThat(all.clvNonZero()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void picksBySideBookAndEdgeBucket() {
        Evaluation.SystemEvaluation e = evaluate();
        assertThat(e.group("edge>=3").picks()).isEqualTo(1); // c, edge 3.5
        assertThat(e.group("edge>=3").hitRate()).isEqualTo(0.0);
        assertThat(e.group("OVER").picks()).isEqualTo(3);
        assertThat(e.group("OVER").hitRate()).isCloseTo(0.5, within(1e-9));
        assertThat(e.group("UNDER").picks()).isEqualTo(1);
        assertThat(e.group("UNDER").roi()).isCloseTo(1.0, within(1e-9));
        assertThat(e.group("book draftkings").picks()).isEqualTo(3);
        assertThat(e.group("book draftkings").hitRate()).isEqualTo(1.0);
        assertThat(e.group("book fanduel").hitRate()).isEqualTo(0.0);
        assertThat(e.group("edge 1.5-2").picks()).isEqualTo(1); // a
        assertThat(e.group("edge 2-3").picks()).isEqualTo(2); // b (2.5), d (2.0)
        assertThat(e.group("edge 3-5").picks()).isEqualTo(1); // c
        assertThat(e.group("edge 5+")).isNull();
    }

    @Test
    void jsonCarriesBothBlocksAndEveryPickGroup() {
        Map<String, Object> doc = Evaluation.toJson(D1, D3, new Evaluation(w).evaluate(D1, D3));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = ((List<Map<String, Object>>) doc.get("systems")).get(0);
        assertThat(s).containsKeys("betting_population", "all_predicted", "picks", "ece", "ece_floor", "ece_picks", "ece_p_over",
                "ece_p_over_floor", "ece_p_over_rows", "calibration");
        assertThat(s.get("betting_population")).isEqualTo(Map.of("rows", 5L, "mae", 4.0, "line_mae", 3.0, "oracle_mae", 2.7,
                "bias", 1.6));
        @SuppressWarnings("unchecked")
        Map<String, Object> all = ((List<Map<String, Object>>) s.get("picks")).get(0);
        assertThat(all).containsEntry("group", "all").containsEntry("picks", 4L).containsEntry("hit_rate", 0.6667)
                .containsEntry("hit_rate_ci95", List.of(0.2077, 0.9385)).containsEntry("roi", 0.2273)
                .containsEntry("roi_ci95", List.of(-1.0, 0.9545)).containsEntry("clv_points", 0.25);
    }

    @Test
    void calibrationErrorComesWithTheFloorChanceAloneGives() {
        // One pick stated at 60%: it wins (gap 0.4) with 0.6, loses (gap 0.6) with 0.4.
        assertThat(Evaluation.expectedAbsoluteGap(1, 0.6)).isCloseTo(0.48, within(1e-12));
        // Two coin flips: half the time one of each (gap 0), else gap 0.5.
        assertThat(Evaluation.expectedAbsoluteGap(2, 0.5)).isCloseTo(0.25, within(1e-12));
        // Many trials: the normal approximation sqrt(2 p q / (pi n)), the exact sum agreeing with it.
        assertThat(Evaluation.expectedAbsoluteGap(10_000, 0.5)).isCloseTo(Math.sqrt(0.5 / (Math.PI * 10_000)), within(1e-5));
        assertThat(Evaluation.expectedAbsoluteGap(40_000, 0.5)).isCloseTo(Math.sqrt(0.5 / (Math.PI * 40_000)), within(1e-12));
        // 300 picks stated at 58%: a perfectly calibrated system still shows about 2.3 points of ECE.
        Double floor = Evaluation.eceFloor(List.of(Map.of("n", 300L, "stated", 0.58, "actual", 0.55)));
        assertThat(floor).isCloseTo(Math.sqrt(2 * 0.58 * 0.42 / (Math.PI * 300)), within(5e-4));
        Evaluation.CalibrationError picks = evaluate().picksCalibration();
        assertThat(picks.n()).isEqualTo(3);
        assertThat(picks.floor()).isGreaterThan(0.2);
    }

    @Test
    void wilsonIntervalMatchesKnownValues() {
        assertThat(Evaluation.wilson(0, 0)).isNull();
        double[] half = Evaluation.wilson(50, 100);
        assertThat(half[0]).isCloseTo(0.4038, within(1e-4));
        assertThat(half[1]).isCloseTo(0.5962, within(1e-4));
        double[] none = Evaluation.wilson(0, 10);
        assertThat(none[0]).isEqualTo(0.0);
        assertThat(none[1]).isCloseTo(0.2775, within(1e-4));
    }
}
