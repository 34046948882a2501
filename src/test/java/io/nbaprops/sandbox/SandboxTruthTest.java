package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth table goes through the warehouse's write path, keyed and idempotent. */
class SandboxTruthTest {
    @TempDir
    Path dir;

    @Test
    void writesTruthRowsOncePerPlayerGame() {
        SandboxLeague league = TestLeagues.get(2024);
        LocalDate day = LocalDate.of(2025, 1, 15);
        int expected = league.gamesOn(day).stream().mapToInt(g -> league.truth(g.index()).size()).sum();
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("t.duckdb"), "", "", 2)) {
            SandboxTruth.writeDate(w, league, day);
            SandboxTruth.writeDate(w, league, day);
            SandboxTruth.writeDate(w, league, day.plusDays(1));
            long rows = w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sandbox_truth WHERE game_date = ?")
                    .bind(0, day).mapTo(Long.class).one());
            assertThat(rows).isEqualTo(expected);
            PlayerGameTruth t = league.truth(league.gamesOn(day).get(0).index()).get(0);
            Map<String, Object> row = w.jdbi().withHandle(h -> h.createQuery(
                    "SELECT exp_pts, team, player_id, played FROM sandbox_truth WHERE game_key = ? AND player_lookup = ?")
                    .bind(0, t.gameKey()).bind(1, t.playerLookup()).mapToMap().one());
            assertThat(((Number) row.get("exp_pts")).doubleValue()).isEqualTo(t.expPts());
            assertThat(row.get("team")).isEqualTo(t.team());
            assertThat(((Number) row.get("player_id")).longValue()).isEqualTo(t.personId());
        }
    }
}
