package io.nbaprops.predict;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One expected player-game as the prediction systems see it: who, which game, his injury status and
 * his feature vector (FeatureCatalog order; NaN where a feature has no value).
 */
public record PlayerGame(String gameKey, String playerLookup, String playerName, String team, String opponent, LocalDate gameDate,
        Instant tipOff, int injuryCode, double quality, double[] features) {

    public double feature(int index) {
        return features[index];
    }
}
