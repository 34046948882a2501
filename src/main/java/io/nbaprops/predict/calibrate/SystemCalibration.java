package io.nbaprops.predict.calibrate;

import java.util.Arrays;

/**
 * How one system's predictions turn into probabilities, fitted only on graded predictions from
 * dates before the one being predicted: residual distributions per player tier (by predicted value)
 * and a logistic map from the raw P(over) to the frequency OVER actually happened.
 */
public record SystemCalibration(String systemId, double[] tierUpperBounds, ResidualDistribution[] tiers, LogisticCalibrator overCalibrator,
        int gradedSamples) {

    /** Tier boundaries on the predicted value (points): bench, role, starter, scorer, star. */
    public static final double[] POINTS_TIERS = {8, 14, 20, 26};

    public int tierOf(double predicted) {
        for (int i = 0; i < tierUpperBounds.length; i++) {
            if (predicted < tierUpperBounds[i]) {
                return i;
            }
        }
        return tierUpperBounds.length;
    }

    public ResidualDistribution.Outcome raw(double predicted, double line) {
        return tiers[tierOf(predicted)].against(predicted, line);
    }

    /** Calibrated OVER/UNDER/PUSH: the logistic map applied to P(over) among decided outcomes, push kept. */
    public ResidualDistribution.Outcome calibrated(double predicted, double line) {
        ResidualDistribution.Outcome r = raw(predicted, line);
        double decided = r.over() + r.under();
        if (decided <= 0) {
            return r;
        }
        double pOverGivenDecided = overCalibrator.apply(r.over() / decided);
        return new ResidualDistribution.Outcome(pOverGivenDecided * decided, (1 - pOverGivenDecided) * decided, r.push());
    }

    /** Before any graded history: normal residuals whose spread grows with the predicted value, identity calibration. */
    public static SystemCalibration uncalibrated(String systemId) {
        ResidualDistribution[] t = new ResidualDistribution[POINTS_TIERS.length + 1];
        double[] mids = {5, 11, 17, 23, 29};
        for (int i = 0; i < t.length; i++) {
            t[i] = ResidualDistribution.normal(2.5 + 0.18 * mids[i], 200);
        }
        return new SystemCalibration(systemId, POINTS_TIERS, t, LogisticCalibrator.identity(), 0);
    }

    /**
     * Fits from past graded predictions: residuals (actual - predicted) by tier of the predicted value, and
     * (raw P(over), went over) pairs for the logistic map. Tiers with fewer than {@code minPerTier} residuals
     * borrow the pooled distribution.
     */
    public static SystemCalibration fit(String systemId, double[] predicted, double[] actual, double[] rawPOver, double[] wentOver,
            int minPerTier) {
        int tiers = POINTS_TIERS.length + 1;
        if (predicted.length == 0) {
            return uncalibrated(systemId);
        }
        double[][] byTier = new double[tiers][];
        int[] counts = new int[tiers];
        SystemCalibration shape = new SystemCalibration(systemId, POINTS_TIERS, null, null, 0);
        for (double p : predicted) {
            counts[shape.tierOf(p)]++;
        }
        for (int i = 0; i < tiers; i++) {
            byTier[i] = new double[counts[i]];
        }
        int[] fill = new int[tiers];
        double[] all = new double[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            double r = actual[i] - predicted[i];
            all[i] = r;
            int t = shape.tierOf(predicted[i]);
            byTier[t][fill[t]++] = r;
        }
        ResidualDistribution pooled = new ResidualDistribution(all);
        ResidualDistribution[] dists = new ResidualDistribution[tiers];
        for (int i = 0; i < tiers; i++) {
            dists[i] = byTier[i].length >= minPerTier ? new ResidualDistribution(byTier[i]) : pooled;
        }
        LogisticCalibrator iso = LogisticCalibrator.fit(rawPOver, wentOver);
        return new SystemCalibration(systemId, POINTS_TIERS, dists, iso, Math.min(predicted.length, rawPOver.length));
    }

    @Override
    public String toString() {
        return "SystemCalibration[" + systemId + ", samples=" + gradedSamples + ", tiers=" + Arrays.toString(tierUpperBounds) + "]";
    }
}
