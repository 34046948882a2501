package io.nbaprops.predict.model;

import io.nbaprops.predict.Market;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear part of the gradient-boosted model: the trees learn only what is left after it.
 *
 * <p>Why: the points line and the structural projection ({@code pts_projection}) are each close to a
 * player's mean already, and one game's points are noisy (sd about 5). Boosted trees approximate "about
 * the line" as a staircase and, on some 30k rows, spend their splits there and on noise; a least-squares
 * blend of the two carries the level and the trees, heavily regularised, correct what it misses.
 *
 * <p>Coefficients by which inputs a row has (a line; a base = the projection, else the long-memory form):
 * {@code both = [a, b_line, c_base]}, {@code lineOnly = [a, b_line]}, {@code baseOnly = [a, c_base]},
 * {@code none = [a]}. Fitted by ordinary least squares on the training rows of each case; a case with too
 * few rows keeps the neutral coefficients (the input itself, or the training mean). Only the points market
 * has these inputs; other markets get the empty prior (0, the trees do everything as before).
 */
public record LinearPrior(String lineFeature, String baseFeature, String fallbackFeature, double[] both, double[] lineOnly,
        double[] baseOnly, double[] none) {
    static final int MIN_ROWS_PER_CASE = 200;

    /** No prior: predictions are the trees' alone. */
    public static LinearPrior empty() {
        return new LinearPrior(null, null, null, new double[] {0, 0, 0}, new double[] {0, 0}, new double[] {0, 0}, new double[] {0});
    }

    public boolean isEmpty() {
        return lineFeature == null && baseFeature == null;
    }

    /** The inputs a market's prior uses, or null when the market has none. */
    static String[] inputsFor(Market market) {
        return market == Market.POINTS ? new String[] {"line_current", "pts_projection", "pts_ewm_long"} : null;
    }

    /** Fits the prior of {@code market} on rows (row-major, {@code names} columns) and labels. */
    public static LinearPrior fit(Market market, List<String> names, float[] x, float[] y, int rows) {
        String[] in = inputsFor(market);
        if (in == null || !names.contains(in[0]) || !names.contains(in[1]) || !names.contains(in[2])) {
            return empty();
        }
        int k = names.size();
        int li = names.indexOf(in[0]);
        int bi = names.indexOf(in[1]);
        int fi = names.indexOf(in[2]);
        List<double[]> both = new ArrayList<>();
        List<double[]> line = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            double l = x[r * k + li];
            double b = base(x[r * k + bi], x[r * k + fi]);
            double label = y[r];
            if (!Double.isNaN(l) && !Double.isNaN(b)) {
                both.add(new double[] {1, l, b, label});
            } else if (!Double.isNaN(l)) {
                line.add(new double[] {1, l, label});
            } else if (!Double.isNaN(b)) {
                base.add(new double[] {1, b, label});
            } else {
                sum += label;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        return new LinearPrior(in[0], in[1], in[2], ols(both, new double[] {0, 0.5, 0.5}), ols(line, new double[] {0, 1}),
                ols(base, new double[] {0, 1}), new double[] {mean});
    }

    private static double base(double projection, double form) {
        return Double.isNaN(projection) ? form : projection;
    }

    /** The prior of one row (features in the model's order). */
    public double value(float[] row, int offset, List<String> names) {
        if (isEmpty()) {
            return 0;
        }
        double l = row[offset + names.indexOf(lineFeature)];
        double b = base(row[offset + names.indexOf(baseFeature)], row[offset + names.indexOf(fallbackFeature)]);
        if (!Double.isNaN(l) && !Double.isNaN(b)) {
            return both[0] + both[1] * l + both[2] * b;
        }
        if (!Double.isNaN(l)) {
            return lineOnly[0] + lineOnly[1] * l;
        }
        if (!Double.isNaN(b)) {
            return baseOnly[0] + baseOnly[1] * b;
        }
        return none[0];
    }

    /** Least squares of the last column on the others (normal equations); {@code neutral} when the case is too rare. */
    static double[] ols(List<double[]> rows, double[] neutral) {
        int p = neutral.length;
        if (rows.size() < MIN_ROWS_PER_CASE) {
            return neutral.clone();
        }
        double[][] a = new double[p][p + 1];
        for (double[] r : rows) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += r[i] * r[j];
                }
                a[i][p] += r[i] * r[p];
            }
        }
        // Gaussian elimination with partial pivoting on the (p x p+1) augmented system; p <= 3.
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (Math.abs(a[c][c]) < 1e-9) {
                return neutral.clone(); // collinear inputs (e.g. one constant): keep the neutral blend
            }
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= p; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            out[i] = a[i][p] / a[i][i];
        }
        return out;
    }

    /** The JSON form stored with the model's params. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", lineFeature);
        m.put("base", baseFeature);
        m.put("fallback", fallbackFeature);
        m.put("both", both);
        m.put("line_only", lineOnly);
        m.put("base_only", baseOnly);
        m.put("none", none);
        return m;
    }

    public static LinearPrior fromJson(Map<String, Object> m) {
        if (m == null || m.get("line") == null) {
            return empty();
        }
        return new LinearPrior((String) m.get("line"), (String) m.get("base"), (String) m.get("fallback"), arr(m.get("both")),
                arr(m.get("line_only")), arr(m.get("base_only")), arr(m.get("none")));
    }

    @SuppressWarnings("unchecked")
    private static double[] arr(Object o) {
        List<Number> l = (List<Number>) o;
        return l.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
