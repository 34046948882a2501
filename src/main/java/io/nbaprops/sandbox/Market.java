package io.nbaprops.sandbox;

/** Player-prop markets, keyed as The Odds API keys them. */
public enum Market {
    POINTS("player_points"), REBOUNDS("player_rebounds"), ASSISTS("player_assists"), THREES("player_threes");

    private final String key;

    Market(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Where the outcome's median sits relative to its mean {@code mean} (a half-point line there is a coin flip):
     * player stats are right-skewed, so the median is below the mean. Measured on the generated season
     * (stat + a uniform half-point jitter, by level of the true mean): points -0.41 at 5, -0.57 at 17, -0.78 at 28;
     * rebounds about -0.33; assists about -0.15; threes about -0.17.
     */
    public double medianOffset(double mean) {
        return switch (this) {
            case POINTS -> -(0.33 + 0.015 * Math.max(0, mean));
            case REBOUNDS -> -0.33;
            case ASSISTS -> -0.15;
            case THREES -> -0.17;
        };
    }

    public static Market ofKey(String key) {
        for (Market m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown market " + key);
    }
}
