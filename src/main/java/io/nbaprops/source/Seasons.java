package io.nbaprops.source;

import java.time.LocalDate;

/** NBA seasons run October to June: the 2024-25 season holds the dates 2024-08-01 .. 2025-07-31. */
public final class Seasons {
    private Seasons() {}

    /** The starting year (2024 for 2024-25): balldontlie's "season". */
    public static int startYear(LocalDate date) {
        return date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
    }

    /** "2024-25": NBA.com's "Season" parameter and Basketball-Reference's label. */
    public static String label(LocalDate date) {
        int y = startYear(date);
        return y + "-" + String.format("%02d", (y + 1) % 100);
    }

    /** 2025 for 2024-25: Basketball-Reference's URL year. */
    public static int endYear(LocalDate date) {
        return startYear(date) + 1;
    }
}
