package io.nbaprops.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The cross-source game key {@code yyyyMMdd_AWY_HOM}: the US-Eastern date of the game, then the
 * away and home tricodes. Every source row that knows its date and teams carries it, so a game
 * joins across sources without any one source's id.
 */
public final class GameKey {
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern SHAPE = Pattern.compile("\\d{8}_[A-Z]{3}_[A-Z]{3}");

    private GameKey() {}

    public static String of(LocalDate easternDate, String awayTricode, String homeTricode) {
        if (easternDate == null || awayTricode == null || homeTricode == null) {
            return null;
        }
        return BASIC.format(easternDate) + "_" + awayTricode + "_" + homeTricode;
    }

    /** The key of a game tipping at {@code tipOff}: its date is the US-Eastern calendar date. */
    public static String of(Instant tipOff, String awayTricode, String homeTricode) {
        return tipOff == null ? null : of(easternDate(tipOff), awayTricode, homeTricode);
    }

    public static LocalDate easternDate(Instant instant) {
        return instant.atZone(EASTERN).toLocalDate();
    }

    public static boolean isValid(String key) {
        return key != null && SHAPE.matcher(key).matches();
    }
}
