package io.nbaprops.predict.systems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits ensemble weights on past graded predictions: the non-negative weights summing to one that
 * minimise squared error (projected gradient descent on the simplex; a handful of systems, thousands
 * of rows). Equal weights before there is any history.
 */
public final class EnsembleWeights {
    private EnsembleWeights() {}

    /** {@code predictions[i][s]}: system s's prediction of row i (NaN when it abstained); rows with any NaN are skipped. */
    public static Map<String, Double> fit(List<String> systems, double[][] predictions, double[] actual) {
        int k = systems.size();
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < predictions.length; i++) {
            boolean ok = true;
            for (double v : predictions[i]) {
                ok &= !Double.isNaN(v);
            }
            if (ok) {
                rows.add(i);
            }
        }
        if (rows.size() >= 50) {
            // Squared error only needs the Gram matrix X'X and X'y: build them once, then iterate in O(k^2).
            double[][] gram = new double[k][k];
            double[] xy = new double[k];
            for (int i : rows) {
                for (int a = 0; a < k; a++) {
                    xy[a] += predictions[i][a] * actual[i] / rows.size();
                    for (int b = 0; b < k; b++) {
                        gram[a][b] += predictions[i][a] * predictions[i][b] / rows.size();
                    }
                }
            }
            double lipschitz = 0;
            for (int a = 0; a < k; a++) {
                double row = 0;
                for (int b = 0; b < k; b++) {
                    row += Math.abs(gram[a][b]);
                }
                lipschitz = Math.max(lipschitz, row);
            }
            double step = 1.0 / (lipschitz + 1e-12);
            for (int iter = 0; iter < 5000; iter++) {
                double[] next = new double[k];
                for (int a = 0; a < k; a++) {
                    double grad = -xy[a];
                    for (int b = 0; b < k; b++) {
                        grad += gram[a][b] * w[b];
                    }
                    next[a] = w[a] - step * grad;
                }
                w = projectToSimplex(next);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int s = 0; s < k; s++) {
            out.put(systems.get(s), w[s]);
        }
        return out;
    }

    /** Euclidean projection onto {w >= 0, sum w = 1} (Duchi et al. 2008). */
    static double[] projectToSimplex(double[] v) {
        int n = v.length;
        double[] u = v.clone();
        java.util.Arrays.sort(u);
        double cum = 0;
        double theta = 0;
        for (int j = n - 1; j >= 0; j--) {
            cum += u[j];
            double t = (cum - 1) / (n - j);
            if (j == 0 || u[j - 1] <= t) {
                theta = t;
                break;
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(0, v[i] - theta);
        }
        return w;
    }
}
