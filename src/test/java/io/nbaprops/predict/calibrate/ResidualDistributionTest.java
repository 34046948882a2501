package io.nbaprops.predict.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast cdf (memo, saturated terms skipped) equals the plain kernel sum to the last bit: stored probabilities must not move. */
class ResidualDistributionTest {
    @Test
    void fastCdfEqualsThePlainKernelSumBitForBit() {
        Random rnd = new Random(42);
        for (int set = 0; set < 60; set++) {
            int n = 1 + rnd.nextInt(set < 10 ? 20 : 15000);
            double sd = 0.5 + 12 * rnd.nextDouble();
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                // Like real residuals: whole-number actual minus a prediction rounded to 4 decimals, some far out.
                double v = rnd.nextGaussian() * sd * (rnd.nextInt(50) == 0 ? 4 : 1);
                r[i] = set % 3 == 0 ? Math.round(v) - Math.round(rnd.nextDouble() * 10000) / 10000.0 : v;
            }
            ResidualDistribution d = new ResidualDistribution(r);
            for (int k = 0; k < 300; k++) {
                double x = (rnd.nextDouble() - 0.5) * 12 * sd * (k % 10 == 0 ? 6 : 1);
                if (k % 7 == 0) {
                    x = Math.floor(x) + 0.5 - Math.round(rnd.nextDouble() * 3000) / 100.0; // a half line minus a 2-decimal mean
                }
                assertSame(d, x);
                assertSame(d, x); // memoised
            }
        }
    }

    @Test
    void extremesAndEdgesAgreeToo() {
        ResidualDistribution d = new ResidualDistribution(new double[] {-3, -3, -1.5, 0, 0, 2.25, 7});
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e300, -1e300, -7, 7}) {
            assertSame(d, x);
        }
        ResidualDistribution one = new ResidualDistribution(new double[] {1.0});
        for (double x = -20; x <= 20; x += 0.01) {
            assertSame(one, x);
        }
    }

    @Test
    void termsBeyondTheSaturationZAreExactlyOneOrBelowHalfABitOfOne() {
        for (double z = ResidualDistribution.SATURATED_Z; z < 60; z += 1e-4) {
            assertThat(ResidualDistribution.normalCdf(Math.nextUp(z))).isEqualTo(1.0);
            double tail = ResidualDistribution.normalCdf(-Math.nextUp(z));
            assertThat(tail).isBetween(0.0, 1e-18);
            assertThat(1.0 + tail).isEqualTo(1.0);
        }
    }

    @Test
    void manyDistinctPointsOutgrowTheMemoAndStayExact() {
        ResidualDistribution d = ResidualDistribution.normal(6, 500);
        for (int i = 0; i < 40000; i++) {
            assertSame(d, -30 + i * 0.0015);
        }
    }

    private static void assertSame(ResidualDistribution d, double x) {
        assertThat(Double.doubleToRawLongBits(d.cdf(x))).as("cdf(%s)", x).isEqualTo(Double.doubleToRawLongBits(d.plainCdf(x)));
    }
}
