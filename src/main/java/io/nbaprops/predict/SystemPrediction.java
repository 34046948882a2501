package io.nbaprops.predict;

import java.util.Map;

/** One system's prediction of one player-game: the value, which model produced it, and why (contributions). */
public record SystemPrediction(double value, String modelVersion, Map<String, Double> contributions, String note) {
    public static SystemPrediction of(double value) {
        return new SystemPrediction(value, null, Map.of(), null);
    }

    public static SystemPrediction abstain(String why) {
        return new SystemPrediction(Double.NaN, null, Map.of(), why);
    }

    public boolean abstained() {
        return Double.isNaN(value);
    }
}
