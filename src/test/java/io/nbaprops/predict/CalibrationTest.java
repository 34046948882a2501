package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.predict.calibrate.LogisticCalibrator;
import io.nbaprops.predict.calibrate.ResidualDistribution;
import io.nbaprops.predict.calibrate.SystemCalibration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void residualDistributionGivesOverUnderAndPushForWholeAndHalfLines() {
        ResidualDistribution normal = ResidualDistribution.normal(5.0, 2000);
        ResidualDistribution.Outcome half = normal.against(25.0, 24.5);
        // Over 24.5 means 25 or more: P(Y > 24.5) with Y ~ N(25, 5): 0.5398; no push on a half line.
        assertThat(half.over()).isCloseTo(0.5398, within(0.01));
        assertThat(half.over() + half.under()).isCloseTo(1.0, within(1e-9));
        assertThat(half.push()).isCloseTo(0.0, within(1e-9));
        ResidualDistribution.Outcome whole = normal.against(25.0, 25.0);
        // On 25.0: over = 26+ = P(Y > 25.5), under = 24- = P(Y < 24.5), push = the mass between (about 8%).
        assertThat(whole.over()).isCloseTo(whole.under(), within(0.002));
        assertThat(whole.push()).isCloseTo(0.0797, within(0.01));
    }

    @Test
    void logisticCalibrationLearnsThatStatedProbabilitiesAreOverconfident() {
        Random rnd = new Random(7);
        int n = 20000;
        double[] stated = new double[n];
        double[] won = new double[n];
        for (int i = 0; i < n; i++) {
            stated[i] = 0.05 + 0.9 * rnd.nextDouble();
            // The truth: a third of the stated log-odds (a system that is sure where a sharp line says it is close).
            double x = Math.log(stated[i] / (1 - stated[i])) / 3;
            won[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
        }
        LogisticCalibrator c = LogisticCalibrator.fit(stated, won);
        assertThat(c.b()).isCloseTo(1.0 / 3, within(0.04));
        assertThat(c.a()).isCloseTo(0.0, within(0.04));
        assertThat(c.apply(0.8)).isCloseTo(1 / (1 + Math.exp(-Math.log(4) / 3)), within(0.01)); // 0.613
        assertThat(c.apply(0.5)).isCloseTo(0.5, within(0.01));
        double prev = 0;
        for (double p = 0; p <= 1.0; p += 0.01) {
            assertThat(c.apply(p)).isGreaterThanOrEqualTo(prev);
            prev = c.apply(p);
        }
        assertThat(LogisticCalibrator.identity().apply(0.42)).isCloseTo(0.42, within(1e-12));
        assertThat(LogisticCalibrator.fit(new double[0], new double[0])).isEqualTo(LogisticCalibrator.identity());
    }

    @Test
    void systemCalibrationUsesTheResidualsOfThePlayersTier() {
        Random rnd = new Random(3);
        int n = 4000;
        double[] predicted = new double[n];
        double[] actual = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = i % 2 == 0 ? 6 : 28;
            double sd = predicted[i] < 10 ? 2 : 8; // stars scatter more than bench players
            actual[i] = Math.round(predicted[i] + sd * rnd.nextGaussian());
        }
        SystemCalibration c = SystemCalibration.fit("test", predicted, actual, new double[0], new double[0], 100);
        assertThat(c.tierOf(6)).isZero();
        assertThat(c.tierOf(28)).isEqualTo(4);
        // Four points above the mean is far for a bench player and near for a star.
        assertThat(c.raw(6, 9.5).over()).isLessThan(0.1);
        assertThat(c.raw(28, 31.5).over()).isBetween(0.25, 0.4);
        assertThat(SystemCalibration.uncalibrated("x").gradedSamples()).isZero();
    }

    /**
     * Early in a season a thin residual history gives raw probabilities near 0 and 1 that say nothing (the first PRA
     * lines: 350 graded picks, correlation -0.03 with the outcome). The fit must find that flat map, not overshoot from
     * the identity into a separating one (the undamped Newton fit made b = 177 there: every calibrated P 0 or 1).
     */
    @Test
    void rawProbabilitiesThatSayNothingCalibrateToAFlatMapEvenNearZeroAndOne() {
        Random rnd = new Random(29);
        int n = 350;
        double[] raw = new double[n];
        double[] won = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            raw[i] = u < 0.1 ? 1e-4 : u > 0.9 ? 1 : u;
            won[i] = rnd.nextDouble() < 0.53 ? 1 : 0;
        }
        LogisticCalibrator c = LogisticCalibrator.fit(raw, won);
        assertThat(Math.abs(c.b())).as("slope").isLessThan(0.2);
        for (double p : new double[] {1e-4, 0.3, 0.6, 1}) {
            assertThat(c.apply(p)).as("calibrated %s", p).isBetween(0.4, 0.65);
        }
    }
}
