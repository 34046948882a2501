package io.nbaprops.predict;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a day's batch knows besides each player's own vector, all from before the date: every
 * expected player's past games (for similar-games), the day's league averages of each feature,
 * the fitted ensemble weights, and the gradient-boosted model version to use (null: none trained yet).
 */
public record BatchContext(LocalDate date, Market market, Map<String, List<HistoryGame>> history, double[] featureMeans,
        double[] featureSds, Map<String, Double> ensembleWeights, String modelVersion) {

    public List<HistoryGame> historyOf(String player) {
        return history.getOrDefault(player, List.of());
    }

    public double mean(int feature) {
        return featureMeans[feature];
    }
}
