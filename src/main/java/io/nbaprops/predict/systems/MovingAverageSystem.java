package io.nbaprops.predict.systems;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.Market;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;

/**
 * The baseline: a blend of the exponentially weighted, last-10 and season means (0.4/0.3/0.3),
 * falling back to whichever exist. What a careful bettor's spreadsheet does. Points from the feature
 * vector; another market from the player's past games of that market's stat.
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
        double[] v = ctx.market() == Market.POINTS ? new double[] {g.feature(EWM), g.feature(L10), g.feature(SEASON)}
                : fromHistory(ctx.historyOf(g.playerLookup()));
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

    /**
     * Another market's stat: the same three means (weight 0.85 per game back over the last 20, last 10, season) over
     * the player's games played this season before the date, each game's actual value of the market's stat.
     */
    static double[] fromHistory(java.util.List<io.nbaprops.predict.HistoryGame> history) {
        java.util.List<io.nbaprops.predict.HistoryGame> h = new java.util.ArrayList<>(history);
        h.sort(java.util.Comparator.comparing(io.nbaprops.predict.HistoryGame::gameDate));
        if (h.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double ewSum = 0;
        double ewWeight = 0;
        double w = 1;
        double l10 = 0;
        int n10 = 0;
        double season = 0;
        for (int i = h.size() - 1, back = 0; i >= 0; i--, back++) {
            double a = h.get(i).actual();
            if (back < 20) {
                ewSum += w * a;
                ewWeight += w;
                w *= 0.85;
            }
            if (back < 10) {
                l10 += a;
                n10++;
            }
            season += a;
        }
        return new double[] {ewSum / ewWeight, l10 / n10, season / h.size()};
    }
}
