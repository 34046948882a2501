package io.nbaprops.sandbox;

import java.util.List;

/** A sportsbook with its Odds API key and title. */
public record Book(int index, String key, String title) {
    public static final List<Book> ALL = List.of(new Book(0, "draftkings", "DraftKings"), new Book(1, "fanduel", "FanDuel"),
            new Book(2, "betmgm", "BetMGM"), new Book(3, "williamhill_us", "Caesars"), new Book(4, "betrivers", "BetRivers"));
}
