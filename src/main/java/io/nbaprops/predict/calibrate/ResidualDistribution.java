package io.nbaprops.predict.calibrate;

import java.util.Arrays;

/**
 * The spread of a system's past errors (actual minus predicted) for one tier of players, as a
 * kernel-smoothed empirical distribution: P(actual > x) for a predicted mean. Stat lines are whole
 * numbers, so a line L is crossed at floor(L)+0.5 for OVER and ceil(L)-0.5 for UNDER (L = 25.0 can push).
 */
public final class ResidualDistribution {
    private final double[] residuals;
    private final double bandwidth;

    public ResidualDistribution(double[] residuals) {
        if (residuals.length == 0) {
            throw new IllegalArgumentException("no residuals");
        }
        this.residuals = residuals.clone();
        Arrays.sort(this.residuals);
        this.bandwidth = silverman(this.residuals);
    }

    /** A normal stand-in while there is no graded history: centred, with the given spread. */
    public static ResidualDistribution normal(double sd, int points) {
        double[] r = new double[points];
        for (int i = 0; i < points; i++) {
            r[i] = sd * inverseNormal((i + 0.5) / points);
        }
        return new ResidualDistribution(r);
    }

    public int size() {
        return residuals.length;
    }

    /** P(mean + residual < x), smoothed. */
    public double cdf(double x) {
        double sum = 0;
        for (double r : residuals) {
            sum += normalCdf((x - r) / bandwidth);
        }
        return sum / residuals.length;
    }

    public record Outcome(double over, double under, double push) {}

    /** Probabilities of OVER, UNDER and PUSH for a whole-number stat against {@code line} given the predicted mean. */
    public Outcome against(double mean, double line) {
        double overAt = Math.floor(line) + 0.5;
        double underAt = Math.ceil(line) - 0.5;
        double over = 1 - cdf(overAt - mean);
        double under = cdf(underAt - mean);
        double push = Math.max(0, 1 - over - under);
        return new Outcome(over, under, push);
    }

    public double quantile(double q) {
        double pos = q * (residuals.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(residuals.length - 1, lo + 1);
        return residuals[lo] + (pos - lo) * (residuals[hi] - residuals[lo]);
    }

    private static double silverman(double[] sorted) {
        int n = sorted.length;
        double mean = Arrays.stream(sorted).average().orElse(0);
        double var = Arrays.stream(sorted).map(r -> (r - mean) * (r - mean)).sum() / Math.max(1, n - 1);
        double sd = Math.sqrt(var);
        double iqr = sorted[(int) (0.75 * (n - 1))] - sorted[(int) (0.25 * (n - 1))];
        double spread = Math.min(sd, iqr / 1.34);
        if (!(spread > 0)) {
            spread = sd > 0 ? sd : 1.0;
        }
        return Math.max(0.25, 0.9 * spread * Math.pow(n, -0.2));
    }

    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Acklam's inverse normal CDF (relative error < 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double pl = 0.02425;
        if (p < pl) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - pl) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
