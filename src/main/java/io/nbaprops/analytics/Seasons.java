package io.nbaprops.analytics;

import java.time.LocalDate;

/** NBA season boundaries: a season starts in October and is named by its starting year (2024 = 2024-25). */
public final class Seasons {
    private Seasons() {}

    public static int seasonOf(LocalDate d) {
        return d.getMonthValue() >= 8 ? d.getYear() : d.getYear() - 1;
    }

    /** The first day that counts for "season to date" averages of a date's season. */
    public static LocalDate start(LocalDate d) {
        return LocalDate.of(seasonOf(d), 8, 1);
    }

    /**
     * How far back "last N games" windows and the fallback roster look, across seasons: two years, so a
     * player back from a season-long injury still has a team and a history.
     */
    public static LocalDate lookback(LocalDate d) {
        return d.minusDays(730);
    }
}
