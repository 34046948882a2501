package io.nbaprops.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.Parsers;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A balldontlie injury listing applies to the game it names (or later ones), never an earlier one: a player ruled
 * out at 17:30 on Monday for Tuesday's game is not out for Monday's game, and is for Tuesday's.
 */
class InjuriesByGameTest {
    static final LocalDate MONDAY = LocalDate.of(2025, 12, 8);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);

    static String listing(long id, String first, String last, String status, String description) {
        return "{\"player\":{\"id\":" + id + ",\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\",\"team_id\":2},"
                + "\"return_date\":\"Dec 20\",\"description\":\"" + description + "\",\"status\":\"" + status + "\"}";
    }

    @Test
    void aListingForTomorrowsGameDoesNotCountToday(@TempDir Path dir) {
        String payload = "{\"data\":[" + String.join(",",
                listing(1, "Tom", "Morrow", "Out", "Dec 8: Morrow (knee) has been ruled out for Tuesday's game."),
                listing(2, "Tod", "Ay", "Out", "Dec 8: Ay (ankle) has been ruled out for Monday's game."),
                listing(3, "Long", "Term", "Out", "Nov 20: Term (ACL) will miss the rest of the season."),
                listing(4, "Ques", "Tion", "Questionable", "Dec 8: Tion (illness) is questionable for tomorrow's game."))
                + "],\"meta\":{\"per_page\":100}}";
        // Seen on Monday at 17:30 (Eastern) for Monday's partition.
        ParsedRows rows = Parsers.get("bdl_injuries").parse(payload.getBytes(StandardCharsets.UTF_8),
                new ParseContext("bdl_injuries", "test", MONDAY, Instant.parse("2025-12-08T22:30:00Z"), "p1"));
        Map<String, Map<String, Object>> byPlayer = rows.rows("bdl_injury").stream()
                .collect(Collectors.toMap(r -> (String) r.get("player_lookup"), r -> r));
        assertThat(byPlayer.get("tommorrow")).containsEntry("reported_on", MONDAY).containsEntry("for_game_date", TUESDAY);
        assertThat(byPlayer.get("today")).containsEntry("reported_on", MONDAY).containsEntry("for_game_date", MONDAY);
        assertThat(byPlayer.get("longterm")).containsEntry("reported_on", LocalDate.of(2025, 11, 20)).containsEntry("for_game_date", null);
        assertThat(byPlayer.get("question")).containsEntry("for_game_date", TUESDAY);

        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("i.duckdb"), null, null, 2)) {
            LocalDate last = MONDAY.minusDays(2);
            w.write(tx -> {
                tx.upsert(rows.batch("bdl_injury"));
                tx.upsert(RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "status", "source")
                        .add("20251206_NYK_BOS", last, "BOS", "NYK", "final", "test")
                        .add("20251208_MIA_BOS", MONDAY, "BOS", "MIA", "scheduled", "test")
                        .add("20251209_BOS_ORL", TUESDAY, "ORL", "BOS", "scheduled", "test"));
                RowBatch s = RowBatch.of("player_game_summary", "game_key", "player_lookup", "game_date", "player_name", "team", "opponent",
                        "is_home", "played", "minutes", "pts", "source");
                for (String[] p : new String[][] {{"tommorrow", "Tom Morrow"}, {"today", "Tod Ay"}, {"longterm", "Long Term"},
                        {"question", "Ques Tion"}, {"healthy", "Hale Thy"}}) {
                    s.add("20251206_NYK_BOS", p[0], last, p[1], "BOS", "NYK", true, true, 30.0, 15, "test");
                }
                tx.upsert(s);
            });
            UpcomingContextAsset asset = new UpcomingContextAsset(ContextSources.of(Set.of("bdl_injuries")), io.nbaprops.raw.PredictionTime.defaults());
            asset.materialize(AssetContext.standalone(UpcomingContextAsset.NAME, MONDAY, w, Clock.systemUTC()));
            asset.materialize(AssetContext.standalone(UpcomingContextAsset.NAME, TUESDAY, w, Clock.systemUTC()));
            Map<String, Object> monday = codes(w, MONDAY);
            Map<String, Object> tuesday = codes(w, TUESDAY);
            // Monday: only the listing for Monday's game and the season-long one count.
            assertThat(monday).containsEntry("tommorrow", 0).containsEntry("today", 4).containsEntry("longterm", 4)
                    .containsEntry("question", 0).containsEntry("healthy", 0);
            // Tuesday (the same list, the newest seen by then): the Tuesday listings count, Monday's still stands.
            assertThat(tuesday).containsEntry("tommorrow", 4).containsEntry("today", 4).containsEntry("longterm", 4)
                    .containsEntry("question", 2).containsEntry("healthy", 0);
            // Teammates out on Monday: two (Ay and Term) for everyone else, not Morrow.
            int out = w.jdbi().withHandle(h -> h.createQuery("SELECT teammates_out FROM upcoming_player_game_context "
                    + "WHERE game_date = ? AND player_lookup = 'healthy'").bind(0, MONDAY).mapTo(Integer.class).one());
            assertThat(out).isEqualTo(2);
        }
    }

    static Map<String, Object> codes(Warehouse w, LocalDate d) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT player_lookup, injury_code FROM upcoming_player_game_context WHERE game_date = ?")
                .bind(0, d).map((rs, c) -> Map.entry(rs.getString(1), (Object) rs.getInt(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
