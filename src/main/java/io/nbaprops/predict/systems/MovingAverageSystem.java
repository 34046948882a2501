package io.nbaprops.predict.systems;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;

/**
 * The baseline: a blend of the exponentially weighted, last-10 and season means (0.4/0.3/0.3),
 * falling back to whichever exist. What a careful bettor's spreadsheet does.
 */
public final class MovingAverageSystem implements PredictionSystem {
    public static final String ID = "moving_average";
    private static final int EWM = FeatureCatalog.indexOf("pts_ewm");
    private static final int L10 = FeatureCatalog.indexOf("pts_avg_l10");
    private static final int SEASON = FeatureCatalog.indexOf("pts_avg_season");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "ma-blend-v2";
    }

    @Override
    public SystemPrediction predict(PlayerGame g, BatchContext ctx) {
        double[] v = {g.feature(EWM), g.feature(L10), g.feature(SEASON)};
        double[] w = {0.4, 0.3, 0.3};
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                sum += w[i] * v[i];
                weight += w[i];
            }
        }
        return weight == 0 ? SystemPrediction.abstain("no games played yet") : SystemPrediction.of(sum / weight);
    }
}
