package io.nbaprops.sandbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One regular-season game as played in the sandbox. {@code gameKey} is the platform's canonical key
 * {@code yyyyMMdd_AWY_HOM} (US-Eastern date); {@code gameId} is NBA.com's id, {@code bdlId}
 * balldontlie's, {@code eventId} The Odds API's. {@code endsAt} is when the final buzzer sounds
 * (box scores are visible from then on); {@code periods} is 4 plus overtimes.
 */
public record LeagueGame(int index, String gameKey, String gameId, long bdlId, String eventId, LocalDate date,
        Instant tipoff, Instant endsAt, String home, String away, int homeScore, int awayScore, int periods,
        int weekNumber, String label, String subLabel, boolean neutral) {

    public boolean hasEnded(Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(tipoff);
    }

    public String winner() {
        return homeScore > awayScore ? home : away;
    }
}
