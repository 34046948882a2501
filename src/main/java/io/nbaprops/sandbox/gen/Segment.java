package io.nbaprops.sandbox.gen;

/**
 * A stretch of a game with its own minutes plan: the first three quarters, the fourth (whose plan
 * depends on the margin: a blowout sends the bench in), or an overtime period. {@code fixed} are
 * minutes a player gets if he is in the plan; {@code gated} the expected minutes of fringe players
 * who only play if the coach picks them tonight.
 */
final class Segment {
    final double length;
    final double[] fixed;
    final double[] gated;

    Segment(double length, int n) {
        this.length = length;
        this.fixed = new double[n];
        this.gated = new double[n];
    }

    double planned(int i) {
        return fixed[i] + gated[i];
    }

    static final double QUARTERS_1_TO_3 = 36;
    static final double FOURTH = 12;
    static final double OVERTIME = 5;

    static Segment firstThree(TeamGame tg) {
        Segment s = new Segment(QUARTERS_1_TO_3, tg.size());
        for (int i = 0; i < tg.size(); i++) {
            (tg.fringe[i] ? s.gated : s.fixed)[i] = 0.75 * tg.minutes[i];
        }
        return s;
    }

    /** The fourth quarter with {@code normal} the share of it played with the regular rotation (1 = close game). */
    static Segment fourth(TeamGame tg, double normal) {
        int n = tg.size();
        Segment s = new Segment(FOURTH, n);
        double garbageStarters = 0;
        double[] weight = new double[n];
        double weights = 0;
        for (int i = 0; i < n; i++) {
            (tg.fringe[i] ? s.gated : s.fixed)[i] = normal * 0.25 * tg.minutes[i];
            if (tg.starter[i]) {
                garbageStarters += 0.25 * tg.minutes[i] * 0.12;
            } else {
                weight[i] = tg.fringe[i] || tg.minutes[i] == 0 ? 0.25 * tg.minutes[i] + 4 : 0.25 * tg.minutes[i] + 3;
                weights += weight[i];
            }
        }
        double rest = (FOURTH * 5 - garbageStarters) / weights;
        for (int i = 0; i < n; i++) {
            double g = tg.starter[i] ? 0.25 * tg.minutes[i] * 0.12 : weight[i] * rest;
            s.fixed[i] += (1 - normal) * g;
        }
        return s;
    }

    /** Overtime: the closing group, the seven players with the most planned minutes. */
    static Segment overtime(TeamGame tg) {
        int n = tg.size();
        Segment s = new Segment(OVERTIME, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(tg.fringe[b] ? 0 : tg.minutes[b], tg.fringe[a] ? 0 : tg.minutes[a]));
        double sum = 0;
        for (int k = 0; k < Math.min(7, n); k++) {
            sum += tg.fringe[order[k]] ? 0 : tg.minutes[order[k]];
        }
        for (int k = 0; k < Math.min(7, n); k++) {
            int i = order[k];
            s.fixed[i] = tg.fringe[i] ? 0 : OVERTIME * 5 * tg.minutes[i] / sum;
        }
        return s;
    }

    /** Share of the fourth quarter played by the regular rotation, given the margin after three. */
    static double normalShare(int margin) {
        int m = Math.abs(margin);
        if (m <= 14) {
            return 1;
        }
        if (m >= 32) {
            return 0.1;
        }
        return 1 - 0.9 * (m - 14) / 18.0;
    }
}
