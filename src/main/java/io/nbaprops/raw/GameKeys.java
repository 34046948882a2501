package io.nbaprops.raw;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The canonical game key, {@code yyyyMMdd_AWY_HOM}: US-Eastern game date, away and home tricodes. */
public final class GameKeys {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private GameKeys() {}

    public static String of(LocalDate date, String away, String home) {
        return BASIC.format(date) + "_" + away + "_" + home;
    }

    /** SQL expression building the key from columns (portable: DuckDB and PostgreSQL). */
    public static String sql(String dateCol, String awayCol, String homeCol) {
        return "replace(CAST(" + dateCol + " AS VARCHAR), '-', '') || '_' || " + awayCol + " || '_' || " + homeCol;
    }
}
