package io.nbaprops.sandbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One injury-report entry: as of {@code reportedAt}, {@code player} is {@code status} for the game
 * {@code gameKey}. {@code expectedReturn} is the report's estimate (the date of the game he is
 * expected back for). A later entry for the same player and game supersedes this one.
 */
public record InjuryReport(int playerIndex, String team, String gameKey, LocalDate gameDate, Instant reportedAt,
        InjuryStatus status, String reason, LocalDate expectedReturn) {}
