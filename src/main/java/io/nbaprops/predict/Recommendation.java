package io.nbaprops.predict;

/** What a prediction says to do at the offered line, why, and what it is worth. */
public record Recommendation(Side side, String reason, double edge, double probability, Double expectedValue, Double kellyStake) {
    public enum Side { OVER, UNDER, PASS }
}
