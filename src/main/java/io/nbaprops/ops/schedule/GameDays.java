package io.nbaprops.ops.schedule;

import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads game days from the canonical {@code game} table (the same source as ScheduleCalendar). A postponed game
 * is no game; a game without a tip-off time yet is assumed at the configured default local time.
 */
public final class GameDays {
    private final Warehouse warehouse;
    private final ZoneId zone;
    private final LocalTime defaultTip;

    public GameDays(Warehouse warehouse, ZoneId zone, LocalTime defaultTip) {
        this.warehouse = warehouse;
        this.zone = zone;
        this.defaultTip = defaultTip;
    }

    public GameDay of(LocalDate date) {
        List<Instant> tips = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT tip_off FROM game WHERE game_date = ? "
                        + "AND status <> 'postponed'")
                .bind(0, date).mapTo(Instant.class).list());
        List<Instant> out = new ArrayList<>();
        for (Instant t : tips) {
            out.add(t != null ? t : date.atTime(defaultTip).atZone(zone).toInstant());
        }
        return new GameDay(date, out);
    }

    /** Game days (with at least one game on) in [from, to], ascending. */
    public List<LocalDate> gameDates(LocalDate from, LocalDate to) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT game_date FROM game WHERE game_date BETWEEN ? AND ? "
                        + "AND status <> 'postponed' ORDER BY game_date")
                .bind(0, from).bind(1, to).mapTo(LocalDate.class).list());
    }
}
