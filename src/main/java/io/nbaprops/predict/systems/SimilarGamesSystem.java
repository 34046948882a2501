package io.nbaprops.predict.systems;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.HistoryGame;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;
import java.util.Arrays;
import java.util.List;

/**
 * The player's own past games most like this one (rest, home, opponent defence and pace, absent
 * teammates, recent minutes, spread; standardised distances): how far above or below his form he
 * scored in those, added to his current form (each market against its own stat's form). Only his history is searched (tens of games, loaded
 * once per batch), never the whole table.
 */
public final class SimilarGamesSystem implements PredictionSystem {
    public static final String ID = "similar_games";
    static final String[] CONTEXT = {"days_rest", "back_to_back", "is_home", "opp_def_rating_l10", "opp_pace_l10",
        "teammates_out_usage", "min_avg_l5", "spread"};
    private static final int[] IDX = Arrays.stream(CONTEXT).mapToInt(FeatureCatalog::indexOf).toArray();
    private static final int FORM = FeatureCatalog.indexOf("pts_ewm");
    private static final int REB = FeatureCatalog.indexOf("reb_avg_l10");
    private static final int AST = FeatureCatalog.indexOf("ast_avg_l10");
    private static final int FG3M = FeatureCatalog.indexOf("fg3m_avg_l10");
    private static final int K = 10;
    private static final int MIN_HISTORY = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "knn10-v1";
    }

    @Override
    public SystemPrediction predict(PlayerGame g, BatchContext ctx) {
        double form = form(g.features(), ctx.market());
        List<HistoryGame> history = ctx.historyOf(g.playerLookup());
        if (Double.isNaN(form)) {
            return SystemPrediction.abstain("no form yet");
        }
        int n = 0;
        double[] dist = new double[history.size()];
        double[] delta = new double[history.size()];
        for (HistoryGame h : history) {
            double thenForm = form(h.features(), ctx.market());
            if (Double.isNaN(thenForm)) {
                continue;
            }
            dist[n] = distance(g.features(), h.features(), ctx);
            delta[n] = h.actual() - thenForm;
            n++;
        }
        if (n < MIN_HISTORY) {
            return SystemPrediction.abstain("only " + n + " past games with form");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] d = dist;
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < Math.min(K, n); i++) {
            double w = 1 / (1 + dist[order[i]]);
            sum += w * delta[order[i]];
            wsum += w;
        }
        // Shrink the neighbours' average surprise toward zero: ten games are a noisy sample.
        double surprise = sum / wsum * 0.5;
        return SystemPrediction.of(form + surprise);
    }

    /** The player's form in the market's own stat (points: the weighted mean; the others: their last-10 means). */
    static double form(double[] v, io.nbaprops.predict.Market market) {
        return switch (market) {
            case POINTS -> v[FORM];
            case REBOUNDS -> v[REB];
            case ASSISTS -> v[AST];
            case THREES -> v[FG3M];
            case PRA -> v[FORM] + v[REB] + v[AST];
        };
    }

    private static double distance(double[] a, double[] b, BatchContext ctx) {
        double s = 0;
        for (int i : IDX) {
            double x = a[i];
            double y = b[i];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            double sd = ctx.featureSds()[i];
            double z = (x - y) / (sd > 0 ? sd : 1);
            s += z * z;
        }
        return Math.sqrt(s);
    }
}
