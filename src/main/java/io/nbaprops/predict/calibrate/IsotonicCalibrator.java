package io.nbaprops.predict.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a stated probability to the frequency it actually came true with, fitted on past graded
 * picks by isotonic regression (pool-adjacent-violators): monotone, no shape assumed. Between fitted
 * points it interpolates linearly; outside them it holds the end values.
 */
public final class IsotonicCalibrator {
    private final double[] xs;
    private final double[] ys;
    private final int samples;

    private IsotonicCalibrator(double[] xs, double[] ys, int samples) {
        this.xs = xs;
        this.ys = ys;
        this.samples = samples;
    }

    /** No calibration data: the identity. */
    public static IsotonicCalibrator identity() {
        return new IsotonicCalibrator(new double[] {0, 1}, new double[] {0, 1}, 0);
    }

    /** Fits on (stated probability, outcome 0/1) pairs. */
    public static IsotonicCalibrator fit(double[] stated, double[] outcome) {
        int n = stated.length;
        if (n != outcome.length) {
            throw new IllegalArgumentException("stated and outcome differ in length");
        }
        if (n == 0) {
            return identity();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> stated[i]));
        // Blocks of (sum of x, sum of y, weight), merged while a later block's mean is below an earlier one's.
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            blocks.add(new double[] {stated[i], outcome[i], 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] <= last[1] / last[2]) {
                    break;
                }
                prev[0] += last[0];
                prev[1] += last[1];
                prev[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] xs = new double[blocks.size()];
        double[] ys = new double[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            xs[b] = blocks.get(b)[0] / blocks.get(b)[2];
            ys[b] = blocks.get(b)[1] / blocks.get(b)[2];
        }
        return new IsotonicCalibrator(xs, ys, n);
    }

    public int samples() {
        return samples;
    }

    public double apply(double p) {
        if (p <= xs[0]) {
            return ys[0];
        }
        if (p >= xs[xs.length - 1]) {
            return ys[ys.length - 1];
        }
        int hi = Arrays.binarySearch(xs, p);
        if (hi >= 0) {
            return ys[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (p - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }

    /** The fitted points, for storage and export. */
    public double[][] points() {
        return new double[][] {xs.clone(), ys.clone()};
    }

    public static IsotonicCalibrator of(double[] xs, double[] ys, int samples) {
        return new IsotonicCalibrator(xs.clone(), ys.clone(), samples);
    }
}
