package io.nbaprops.sandbox.gen;

/**
 * Slow changes in a player over the season, one value per team game: log-multipliers on usage,
 * shooting and minutes following mean-reverting random walks, plus a steady rise in usage for
 * young players. Known before each game (part of "what the generator knows"), unknown to the books.
 */
final class Drift {
    final double[] usage;
    final double[] shooting;
    final double[] minutes;

    Drift(int games, boolean young, Rng r) {
        usage = new double[games];
        shooting = new double[games];
        minutes = new double[games];
        double u = r.gaussian() * 0.05;
        double s = r.gaussian() * 0.03;
        double m = r.gaussian() * 0.04;
        double trend = young ? r.uniform(0.0004, 0.0016) : 0;
        for (int k = 0; k < games; k++) {
            u = 0.97 * u + r.gaussian() * 0.013;
            s = 0.97 * s + r.gaussian() * 0.008;
            m = 0.97 * m + r.gaussian() * 0.01;
            usage[k] = u + trend * k;
            shooting[k] = s;
            minutes[k] = m;
        }
    }
}
