package io.nbaprops.raw;

import io.nbaprops.identity.GameKey;
import io.nbaprops.store.Warehouse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * When a game date's picks are made, so that everything computed for the date later (a backfill, a
 * re-run, a catch-up) sees what was known then and nothing after it.
 *
 * <p>The <b>cut-off</b> is the date's first tip-off (games still on, from the schedule's {@code game}
 * table; 19:00 US Eastern when the schedule has none). The <b>prediction time</b> is the cut-off minus
 * the daily plan's lead ({@code schedule.pretip_minutes}): the final predictions' due time. A run before
 * the cut-off sees "now" (the live day); a run at or after it sees the date as of its prediction time:
 * lines at that time, the injury list archived by then, never a list fetched later and stamped with the date.
 */
public final class PredictionTime {
    /** The default lead of the daily plan's final predictions over the first tip-off (schedule.pretip_minutes). */
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(60);
    private static final LocalTime DEFAULT_TIP = LocalTime.of(19, 0);

    private final Duration lead;

    public PredictionTime(Duration lead) {
        if (lead.isNegative()) {
            throw new IllegalArgumentException("prediction lead must not be negative: " + lead);
        }
        this.lead = lead;
    }

    public static PredictionTime defaults() {
        return new PredictionTime(DEFAULT_LEAD);
    }

    public Duration lead() {
        return lead;
    }

    /** The date's first tip-off of a game still on, or 19:00 US Eastern when the schedule has none yet. */
    public Instant cutoff(Warehouse w, LocalDate date) {
        Instant first = w.jdbi().withHandle(h -> h.createQuery("SELECT min(tip_off) FROM game WHERE game_date = ? "
                        + "AND status <> 'postponed'")
                .bind(0, date).mapTo(Instant.class).findOne().orElse(null));
        return first != null ? first : date.atTime(DEFAULT_TIP).atZone(GameKey.EASTERN).toInstant();
    }

    /** Whether the schedule has a game still on for the date (no games: nothing to predict, so nothing is missed). */
    public boolean gameDay(Warehouse w, LocalDate date) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM game WHERE game_date = ? AND status <> 'postponed'")
                .bind(0, date).mapTo(Long.class).one()) > 0;
    }

    /** The date's prediction time: its cut-off minus the lead. */
    public Instant predictionAt(Warehouse w, LocalDate date) {
        return cutoff(w, date).minus(lead);
    }

    /** Whether a run at {@code now} is after the date's cut-off (so it must not use "now" data for the date). */
    public boolean afterCutoff(Warehouse w, LocalDate date, Instant now) {
        return !now.isBefore(cutoff(w, date));
    }

    /** What a run at {@code now} may know of the date: now before the cut-off, the prediction time from it on. */
    public Instant asOf(Warehouse w, LocalDate date, Instant now) {
        Instant cutoff = cutoff(w, date);
        return now.isBefore(cutoff) ? now : cutoff.minus(lead);
    }
}
