package io.nbaprops.sandbox.gen;

/** Normal distribution helpers (cdf with ~1e-7 absolute error, enough for probabilities and prices). */
public final class Normal {
    private Normal() {}

    public static double cdf(double z) {
        // Abramowitz & Stegun 7.1.26 on erf, through StrictMath for reproducibility.
        double x = Math.abs(z) / StrictMath.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * StrictMath.exp(-x * x);
        double erf = z >= 0 ? y : -y;
        return 0.5 * (1 + erf);
    }

    /** P(X = d) for an integer-valued X approximated by N(mean, sd^2) with continuity correction. */
    public static double pointMass(int d, double mean, double sd) {
        return cdf((d + 0.5 - mean) / sd) - cdf((d - 0.5 - mean) / sd);
    }
}
