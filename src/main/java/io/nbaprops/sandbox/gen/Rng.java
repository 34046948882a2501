package io.nbaprops.sandbox.gen;

/**
 * A small deterministic random source (SplitMix64) with the distributions the generator needs.
 * Written out rather than using java.util's generators so that the same seed gives the same
 * season on every JDK; all maths goes through {@link StrictMath} for the same reason.
 * Streams are derived from (seed, purpose, ids) so that each game draws from its own stream and
 * regenerating one game never depends on the order in which others were generated.
 */
public final class Rng {
    private long state;
    private double spareGaussian = Double.NaN;

    private Rng(long state) {
        this.state = state;
    }

    /** A stream identified by a seed and any number of ids (purpose tags, game index, player index...). */
    public static Rng of(long seed, long... ids) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long id : ids) {
            h = mix(h ^ mix(id + 0x9E3779B97F4A7C15L));
        }
        return new Rng(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    public boolean chance(double p) {
        return uniform() < p;
    }

    /** Standard normal (Marsaglia polar method). */
    public double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        return u * m;
    }

    /** Normal with mean 0 and the given sd, truncated symmetrically at +-k sd (so its mean stays exactly 0). */
    public double truncatedGaussian(double sd, double k) {
        double g;
        do {
            g = gaussian();
        } while (g > k || g < -k);
        return g * sd;
    }

    /** Poisson; inversion for small means, a sum of halves for large ones (means here are below ~40). */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            int half = poisson(mean / 2);
            return half + poisson(mean / 2);
        }
        double l = StrictMath.exp(-mean);
        double p = l;
        double cdf = p;
        double u = uniform();
        int k = 0;
        while (u > cdf && k < 200) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Binomial by counting successes (n is at most a few dozen here). */
    public int binomial(int n, double p) {
        if (p <= 0 || n <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (uniform() < p) {
                k++;
            }
        }
        return k;
    }

    /** Gamma with the given shape and mean 1 (Marsaglia-Tsang), for over-dispersed counts. */
    public double gammaMeanOne(double shape) {
        if (shape < 1) {
            double u = uniform();
            return gammaMeanOne(shape + 1) * (shape + 1) / shape * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = gaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniform();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v / shape;
            }
        }
    }

    /** Rounds x up or down at random so that the expected result is exactly x. */
    public int stochasticRound(double x) {
        double f = StrictMath.floor(x);
        return (int) f + (uniform() < x - f ? 1 : 0);
    }
}
