package io.nbaprops.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.Parsers;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.Samples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A traded player's team follows NBA.com's player movement (the real capture), not his last box score. */
class RosterMovesTest {
    @Test
    void aTradeSinceTheLastGameMovesThePlayerToHisNewTeam(@TempDir Path dir) {
        byte[] moves = Samples.read(Samples.files("nbac_player_movement").get(0));
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("r.duckdb"), null, null, 2)) {
            ParsedRows rows = Parsers.get("nbac_player_movement").parse(moves, ParseContext.ofFile("nbac_player_movement", "sample"));
            w.write(tx -> tx.upsert(rows.batch("nbac_player_movement")));
            Map<String, Object> trade = w.jdbi().withHandle(h -> h.createQuery("SELECT player_lookup, team, other_team, transaction_date "
                    + "FROM nbac_player_movement WHERE player_lookup = 'jonasvalanciunas' AND transaction_type = 'Trade' "
                    + "ORDER BY transaction_date DESC LIMIT 1").mapToMap().one());
            // "Denver Nuggets received center Jonas Valanciunas from Sacramento Kings" on 2025-07-13.
            assertThat(trade).containsEntry("team", "DEN").containsEntry("other_team", "SAC");
            LocalDate lastGame = LocalDate.of(2025, 4, 11);
            LocalDate next = LocalDate.of(2025, 10, 24);
            w.write(tx -> {
                tx.upsert(RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "status", "source")
                        .add("20250411_SAC_LAL", lastGame, "LAL", "SAC", "final", "test")
                        .add("20251024_DEN_PHX", next, "PHX", "DEN", "scheduled", "test")
                        .add("20251024_SAC_UTA", next, "UTA", "SAC", "scheduled", "test"));
                RowBatch s = RowBatch.of("player_game_summary", "game_key", "player_lookup", "game_date", "player_name", "team", "opponent",
                        "is_home", "played", "minutes", "pts", "source");
                s.add("20250411_SAC_LAL", "jonasvalanciunas", lastGame, "Jonas Valanciunas", "SAC", "LAL", false, true, 24.0, 12, "test");
                s.add("20250411_SAC_LAL", "keeganmurray", lastGame, "Keegan Murray", "SAC", "LAL", false, true, 34.0, 18, "test");
                tx.upsert(s);
            });
            new UpcomingContextAsset(UpcomingContextAsset.ContextInputs.none(), io.nbaprops.raw.PredictionTime.defaults())
                    .materialize(AssetContext.standalone(UpcomingContextAsset.NAME, next, w, Clock.systemUTC()));
            List<Map<String, Object>> ctx = w.jdbi().withHandle(h -> h.createQuery("SELECT player_lookup, team, game_key, days_rest "
                    + "FROM upcoming_player_game_context ORDER BY player_lookup").mapToMap().list());
            assertThat(ctx).extracting(r -> r.get("player_lookup") + "@" + r.get("team") + " " + r.get("game_key"))
                    .containsExactly("jonasvalanciunas@DEN 20251024_DEN_PHX", "keeganmurray@SAC 20251024_SAC_UTA");
            assertThat(ctx.get(0).get("days_rest")).isEqualTo(10);
        }
    }
}
