package io.nbaprops.source.bettingpros;

import java.util.Map;

/**
 * BettingPros book ids and market ids in our vocabulary: books as The Odds API keys them (so a
 * DraftKings line from either source is the same book), markets as The Odds API's player markets.
 */
final class BpBooks {
    private static final Map<Long, String> BOOKS = Map.ofEntries(
            Map.entry(0L, "bettingpros_consensus"), Map.entry(10L, "fanduel"), Map.entry(12L, "draftkings"),
            Map.entry(13L, "williamhill_us"), Map.entry(14L, "pointsbetus"), Map.entry(15L, "sugarhouse"),
            Map.entry(18L, "betrivers"), Map.entry(19L, "betmgm"), Map.entry(20L, "foxbet"), Map.entry(21L, "betamerica"),
            Map.entry(24L, "bet365"), Map.entry(25L, "wynnbet"), Map.entry(26L, "tipico"), Map.entry(27L, "partycasino"),
            Map.entry(28L, "unibet_us"), Map.entry(29L, "twinspires"), Map.entry(30L, "betway"), Map.entry(31L, "fubo"),
            Map.entry(33L, "espnbet"));
    private static final Map<Long, String> MARKETS = Map.of(
            156L, "player_points", 157L, "player_rebounds", 151L, "player_assists", 162L, "player_threes",
            160L, "player_steals", 152L, "player_blocks");

    private BpBooks() {}

    static String book(long id) {
        return BOOKS.getOrDefault(id, "bettingpros_book_" + id);
    }

    static String market(long id) {
        return MARKETS.getOrDefault(id, "bettingpros_market_" + id);
    }
}
