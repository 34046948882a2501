package io.nbaprops.sandbox;

/** Player-prop markets, keyed as The Odds API keys them. */
public enum Market {
    POINTS("player_points"), REBOUNDS("player_rebounds"), ASSISTS("player_assists"), THREES("player_threes"),
    /** Points + rebounds + assists. */
    PRA("player_points_rebounds_assists");

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
     * rebounds about -0.33; assists about -0.15; threes about -0.17; PRA (a sum, so less skewed for its size than
     * points), over seeds 2024, 7 and 11: -0.28 at 7.5, -0.46 at 12.5, -0.47 at 17, -0.56 at 22.5, -0.60 at 27.5,
     * -0.50 at 32 (each bin's median within about 0.15), a weighted fit of -(0.25 + 0.011 x mean).
     */
    public double medianOffset(double mean) {
        return switch (this) {
            case POINTS -> -(0.33 + 0.015 * Math.max(0, mean));
            case REBOUNDS -> -0.33;
            case ASSISTS -> -0.15;
            case THREES -> -0.17;
            case PRA -> -(0.25 + 0.011 * Math.max(0, mean));
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
