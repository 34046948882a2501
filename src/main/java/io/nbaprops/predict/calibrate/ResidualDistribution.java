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
    /**
     * |z| beyond which a kernel term is 1.0 or 0.0 to the last bit: erfc's argument is then above 6.36, where the fit
     * gives t exp(-z^2 - 1.27 + P(t)) < 1e-18 (t < 0.24, P(t) < 0.3), far below the 1.1e-16 that {@code 2 - r} and a
     * sum of at least 1 can still feel.
     */
    static final double SATURATED_Z = 9;
    private static final int MEMO_LIMIT = 1 << 14;
    /** cdf values by the bits of x (this distribution never changes, so neither do they). */
    private final java.util.Map<Long, Double> memo = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * P(mean + residual < x), smoothed: the mean of the kernel terms normalCdf((x - r) / bandwidth) summed in ascending
     * order of r. A pick prices the same x several times (OVER and UNDER of a half line, every book's quote, the raw
     * probability), so values are memoised. Terms whose z is beyond {@link #SATURATED_Z} are not computed, without
     * changing a bit of the sum: at the low end of r they are exactly 1.0 (erfc's remainder is below 1e-18, which
     * {@code 2 - r} rounds away), so the first k of them sum to exactly k; at the high end they are below 1e-18, which
     * leaves a sum of at least 1 unchanged (less than half its last bit). z falls as r grows, so both are runs.
     */
    public double cdf(double x) {
        Long key = Double.doubleToRawLongBits(x);
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        double value = kernelSum(x) / residuals.length;
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(key, value);
        return value;
    }

    private double kernelSum(double x) {
        int n = residuals.length;
        // First index whose z is not above SATURATED_Z: the terms before it are exactly 1.0.
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((x - residuals[mid]) / bandwidth > SATURATED_Z) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double sum = lo;
        for (int i = lo; i < n; i++) {
            double z = (x - residuals[i]) / bandwidth;
            if (z < -SATURATED_Z && sum >= 1) {
                break; // this and every later term: below 1e-18, lost in a sum of at least 1
            }
            sum += normalCdf(z);
        }
        return sum;
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

    /** The kernel sum as defined, every term computed: what {@link #cdf} must equal to the bit (for tests). */
    double plainCdf(double x) {
        double sum = 0;
        for (double r : residuals) {
            sum += normalCdf((x - r) / bandwidth);
        }
        return sum / residuals.length;
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
