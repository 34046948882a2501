package io.nbaprops.predict;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A player-prop market: its stat in player_game_summary and its key at the sportsbooks. */
public enum Market {
    POINTS("points", List.of("pts"), "player_points"),
    REBOUNDS("rebounds", List.of("reb"), "player_rebounds"),
    ASSISTS("assists", List.of("ast"), "player_assists"),
    THREES("threes", List.of("fg3m"), "player_threes"),
    PRA("pra", List.of("pts", "reb", "ast"), "player_points_rebounds_assists");

    private final String key;
    private final List<String> statColumns;
    private final String bookKey;

    Market(String key, List<String> statColumns, String bookKey) {
        this.key = key;
        this.statColumns = statColumns;
        this.bookKey = bookKey;
    }

    /** The name stored in prediction.market and prop_line.market. */
    public String key() {
        return key;
    }

    /** SQL expression of the stat over player_game_summary columns of the table aliased {@code alias}. */
    public String statSql(String alias) {
        return statColumns.stream().map(c -> alias + "." + c).collect(java.util.stream.Collectors.joining(" + "));
    }

    /** The Odds API market key. */
    public String bookKey() {
        return bookKey;
    }

    public static Market of(String s) {
        String k = s.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(k) || m.bookKey.equals(k) || m.name().equalsIgnoreCase(k))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown market '" + s + "' (known: points, rebounds, "
                        + "assists, threes, pra)"));
    }
}
