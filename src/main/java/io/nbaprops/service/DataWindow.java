package io.nbaprops.service;

import io.nbaprops.app.Platform;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which date the dashboard and the API show when a request names none. A live platform (today is a game day of the
 * schedule it follows) shows today. Otherwise it shows {@code data_as_of}, the latest date up to today with
 * predictions or box scores: a demo warehouse, a season that is over or a service that was stopped for weeks opens on
 * its last games instead of an empty today. Every answer that used a default says which window it shows and why.
 */
final class DataWindow {
    private final Platform platform;

    DataWindow(Platform platform) {
        this.platform = platform;
    }

    /** Today on the platform's clock, the latest date with data, whether the platform is live, and the default date. */
    record Now(LocalDate today, LocalDate dataAsOf, LocalDate gradedAsOf, boolean live, String clock) {
        LocalDate defaultDate() {
            return live || dataAsOf == null ? today : dataAsOf;
        }

        /** The last date of a results window (performance, latency): the latest graded date unless live. */
        LocalDate resultsTo() {
            return live || gradedAsOf == null ? defaultDate() : gradedAsOf;
        }

        String basis() {
            if (live) {
                return "today: the platform is live (today is a game day of its schedule)";
            }
            return dataAsOf == null ? "today: there is no data yet" : "data_as_of: the latest date with data (the platform is not live)";
        }

        Map<String, Object> describe(LocalDate from, LocalDate to, boolean requested) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from);
            m.put("to", to);
            m.put("basis", requested ? "requested" : basis());
            m.put("today", today);
            m.put("data_as_of", dataAsOf);
            m.put("live", live);
            m.put("clock", clock);
            return m;
        }
    }

    Now now() {
        LocalDate today = ServiceServer.today(platform);
        return platform.warehouse().jdbi().withHandle(h -> {
            LocalDate data = h.createQuery("SELECT max(d) FROM (SELECT max(game_date) AS d FROM prediction WHERE game_date <= :t "
                    + "UNION ALL SELECT max(game_date) AS d FROM player_game_summary WHERE game_date <= :t) x")
                    .bind("t", today).mapTo(LocalDate.class).findOne().orElse(null);
            LocalDate graded = h.createQuery("SELECT max(game_date) FROM system_daily_performance WHERE game_date <= :t")
                    .bind("t", today).mapTo(LocalDate.class).findOne().orElse(null);
            boolean gameDay = h.createQuery("SELECT count(*) FROM game WHERE game_date = :t AND status <> 'postponed'")
                    .bind("t", today).mapTo(Long.class).one() > 0;
            return new Now(today, data, graded, gameDay, platform.clockDescription());
        });
    }
}
