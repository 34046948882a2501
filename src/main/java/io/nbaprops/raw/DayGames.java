package io.nbaprops.raw;

import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The games of a date as the raw tables know them: what per-game collectors iterate over. */
public final class DayGames {
    public record NbaGame(String gameId, String away, String home, Instant tipOff) {}

    public record Event(String id, Instant commence) {}

    private DayGames() {}

    /** NBA.com schedule games of the date, postponed ones excluded. */
    public static List<NbaGame> nba(Warehouse w, LocalDate date) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT game_id, away_team, home_team, tip_off FROM nbac_schedule "
                        + "WHERE game_date = ? AND NOT COALESCE(is_postponed, FALSE) ORDER BY tip_off, game_id")
                .bind(0, date)
                .map((rs, ctx) -> new NbaGame(rs.getString(1), rs.getString(2), rs.getString(3),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 4, ctx)))
                .list());
    }

    public static List<String> espnGameIds(Warehouse w, LocalDate date) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT espn_game_id FROM espn_scoreboard_game WHERE game_date = ? "
                        + "AND COALESCE(status, '') <> 'STATUS_POSTPONED' ORDER BY tip_off, espn_game_id")
                .bind(0, date).mapTo(String.class).list());
    }

    public static List<Event> oddsEvents(Warehouse w, LocalDate date) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT event_id, commence_time FROM oddsa_event WHERE game_date = ? "
                        + "ORDER BY commence_time, event_id")
                .bind(0, date)
                .map((rs, ctx) -> new Event(rs.getString(1), ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 2, ctx)))
                .list());
    }

    public static List<Long> bettingProsEvents(Warehouse w, LocalDate date) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT event_id FROM bp_event WHERE game_date = ? ORDER BY event_id")
                .bind(0, date).mapTo(Long.class).list());
    }
}
