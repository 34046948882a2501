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

    public static Market ofKey(String key) {
        for (Market m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown market " + key);
    }
}
