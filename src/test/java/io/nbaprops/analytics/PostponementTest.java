package io.nbaprops.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.Readiness;
import io.nbaprops.raw.ScheduleAsset;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A postponed game blocks nothing and counts nowhere; played on another date, it counts once, there. */
class PostponementTest {
    static final LocalDate D = LocalDate.of(2025, 1, 15);
    static final LocalDate MAKEUP = LocalDate.of(2025, 3, 3);

    @Test
    void postponedThenRescheduled(@TempDir Path dir) {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("p.duckdb"), null, null, 2)) {
            Clock clock = Clock.systemUTC();
            w.write(tx -> {
                RowBatch g = RowBatch.of("bdl_game", "game_id", "game_date", "season", "status", "period", "postseason", "home_team",
                        "away_team", "home_score", "away_score");
                g.add(1L, D, 2024, "Final", 4, false, "PHI", "BOS", 110, 104);
                g.add(2L, D, 2024, "Postponed", 0, false, "MIA", "NYK", 0, 0);
                g.add(3L, MAKEUP, 2024, "Final", 4, false, "MIA", "NYK", 99, 101);
                tx.upsert(g);
                tx.upsert(RowBatch.of("bdl_box_score_game", "game_date", "home_team", "away_team", "status", "period", "home_score", "away_score")
                        .add(D, "PHI", "BOS", "Final", 4, 110, 104).add(MAKEUP, "MIA", "NYK", "Final", 4, 99, 101));
                RowBatch p = RowBatch.of("bdl_box_score_player", "game_date", "player_id", "player_name", "player_lookup", "team", "opponent",
                        "is_home", "minutes", "pts", "fga", "fta", "turnover");
                p.add(D, 10L, "Joel Embiid", "joelembiid", "PHI", "BOS", true, 30.0, 30, 20, 8, 3);
                p.add(D, 11L, "Jayson Tatum", "jaysontatum", "BOS", "PHI", false, 36.0, 28, 22, 6, 2);
                p.add(MAKEUP, 20L, "Jalen Brunson", "jalenbrunson", "NYK", "MIA", false, 35.0, 31, 21, 7, 2);
                p.add(MAKEUP, 21L, "Bam Adebayo", "bamadebayo", "MIA", "NYK", true, 34.0, 18, 14, 4, 3);
                tx.upsert(p);
            });
            ScheduleAsset schedule = new ScheduleAsset(List.of(ScheduleAsset.balldontlieGames("raw_bdl_games"),
                    ScheduleAsset.balldontlieBoxScores()));
            PlayerGameSummaryAsset summary = new PlayerGameSummaryAsset(List.of(PlayerGameSummaryAsset.balldontlie("raw_bdl_box_scores")));
            for (LocalDate d : List.of(D, MAKEUP)) {
                schedule.materialize(AssetContext.standalone("schedule", d, w, clock));
            }
            // The postponed game has no box score and does not hold up the date's summaries.
            Readiness r = summary.readiness(AssetContext.standalone("player_game_summary", D, w, clock));
            assertThat(r.ready()).isTrue();
            for (LocalDate d : List.of(D, MAKEUP)) {
                summary.materialize(AssetContext.standalone("player_game_summary", d, w, clock));
            }
            List<String> games = w.jdbi().withHandle(h -> h.createQuery("SELECT game_key || ' ' || status FROM game ORDER BY game_key")
                    .mapTo(String.class).list());
            assertThat(games).containsExactly("20250115_BOS_PHI final", "20250115_NYK_MIA postponed",
                    "20250303_NYK_MIA final");
            // Brunson's game counts once, on the make-up date; nothing is counted for the postponed date.
            List<String> brunson = w.jdbi().withHandle(h -> h.createQuery(
                    "SELECT game_key FROM player_game_summary WHERE player_lookup = 'jalenbrunson'").mapTo(String.class).list());
            assertThat(brunson).containsExactly("20250303_NYK_MIA");
            assertThat(new io.nbaprops.raw.ScheduleCalendar(w).datesBefore(LocalDate.of(2025, 4, 1))).containsExactly(D, MAKEUP);
            // The players of a postponed game are not expected that day.
            w.write(tx -> tx.upsert(RowBatch.of("player_game_summary", "game_key", "player_lookup", "game_date", "player_name", "team",
                    "opponent", "is_home", "played", "minutes", "pts", "source").add("20250110_MIA_NYK", "jalenbrunson", LocalDate.of(2025, 1, 10),
                    "Jalen Brunson", "NYK", "MIA", true, true, 36.0, 30, "test").add("20250110_PHI_CHA", "joelembiid",
                    LocalDate.of(2025, 1, 10), "Joel Embiid", "PHI", "CHA", false, true, 33.0, 35, "test")));
            new UpcomingContextAsset(UpcomingContextAsset.ContextInputs.none(), io.nbaprops.raw.PredictionTime.defaults())
                    .materialize(AssetContext.standalone(UpcomingContextAsset.NAME, D, w, clock));
            List<String> expected = w.jdbi().withHandle(h -> h.createQuery(
                    "SELECT DISTINCT game_key FROM upcoming_player_game_context WHERE game_date = ?").bind(0, D).mapTo(String.class).list());
            assertThat(expected).containsExactly("20250115_BOS_PHI");
        }
    }
}
