package io.nbaprops.predict.calibrate;

/**
 * Maps a system's raw P(over) to the frequency OVER came true with by logistic (Platt) scaling,
 * P = 1 / (1 + exp(-(a + b logit(raw)))), fitted by maximum likelihood on past graded predictions
 * with a line. Two parameters fitted on thousands of rows: smooth and monotone, and it cannot chase
 * the noise of a few tail points the way a step function does (picks are made in the tails, so a
 * step that happens to sit high there made stated probabilities of 64% that won 53%). Against a
 * sharp market the slope {@code b} comes out well below one: the line already knows most of what a
 * system's edge says.
 */
public record LogisticCalibrator(double a, double b, int samples) {
    private static final double EPS = 1e-4;
    /** A light ridge on (a, b - 1) so a fit on few rows stays near the identity. */
    private static final double RIDGE = 1.0;

    /** No calibration data: the identity. */
    public static LogisticCalibrator identity() {
        return new LogisticCalibrator(0, 1, 0);
    }

    public double apply(double raw) {
        return 1 / (1 + Math.exp(-(a + b * logit(raw))));
    }

    static double logit(double p) {
        double q = Math.max(EPS, Math.min(1 - EPS, p));
        return Math.log(q / (1 - q));
    }

    /** Fits on (raw probability, outcome 0/1) pairs by Newton's method on the penalised log-likelihood. */
    public static LogisticCalibrator fit(double[] raw, double[] outcome) {
        if (raw.length != outcome.length) {
            throw new IllegalArgumentException("raw and outcome differ in length: " + raw.length + " vs " + outcome.length);
        }
        if (raw.length == 0) {
            return identity();
        }
        double[] x = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            x[i] = logit(raw[i]);
        }
        double a = 0;
        double b = 1;
        for (int iter = 0; iter < 50; iter++) {
            // Gradient and Hessian of the log-likelihood minus RIDGE/2 (a^2 + (b-1)^2).
            double ga = -RIDGE * a;
            double gb = -RIDGE * (b - 1);
            double haa = RIDGE;
            double hab = 0;
            double hbb = RIDGE;
            for (int i = 0; i < x.length; i++) {
                double p = 1 / (1 + Math.exp(-(a + b * x[i])));
                double r = outcome[i] - p;
                double w = p * (1 - p);
                ga += r;
                gb += r * x[i];
                haa += w;
                hab += w * x[i];
                hbb += w * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Damped: a full Newton step from the identity can overshoot into a separating fit (raw probabilities near
            // 0 and 1 from a thin early-season residual history made b = 177, every calibrated P 0 or 1); the
            // penalised likelihood is concave, so halving until it does not fall converges. Where the full step
            // already improves it (every fit that converged before) the step and the result are unchanged.
            double before = penalisedLogLikelihood(x, outcome, a, b);
            double t = 1;
            while (t > 1e-6 && penalisedLogLikelihood(x, outcome, a + t * da, b + t * db) < before) {
                t /= 2;
            }
            a += t * da;
            b += t * db;
            if (Math.abs(t * da) + Math.abs(t * db) < 1e-9) {
                break;
            }
        }
        return new LogisticCalibrator(a, b, raw.length);
    }

    private static double penalisedLogLikelihood(double[] x, double[] outcome, double a, double b) {
        double ll = -RIDGE / 2 * (a * a + (b - 1) * (b - 1));
        for (int i = 0; i < x.length; i++) {
            double z = a + b * x[i];
            // log p = -log(1 + e^-z), log(1 - p) = -log(1 + e^z), computed without overflow.
            ll -= outcome[i] * softplus(-z) + (1 - outcome[i]) * softplus(z);
        }
        return ll;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
