package io.nbaprops.predict;

import java.time.LocalDate;

/** A past game of a player with the feature vector he had going in and what he did: for similar-games and training. */
public record HistoryGame(String playerLookup, LocalDate gameDate, double[] features, double actual) {}
