package io.nbaprops.sandbox.facts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One real 2024-25 regular-season game: NBA.com game id, US-Eastern date, tip-off, teams, and the
 * real final score (used only by the calibration report, never by the generator).
 * {@code arena*} are set only for neutral-site games; otherwise the home team's arena applies.
 */
public record ScheduleFact(String gameId, LocalDate date, Instant tipoff, String home, String away, int weekNumber,
        String label, String subLabel, boolean neutral, String arena, String arenaCity, String arenaState,
        int realHomeScore, int realAwayScore) {}
