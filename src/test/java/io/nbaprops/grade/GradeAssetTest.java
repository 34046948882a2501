package io.nbaprops.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built predictions and box scores with known grades: results, profit at American odds, CLV sign, voids, idempotence. */
class GradeAssetTest {
    static final LocalDate D = LocalDate.of(2025, 1, 15);
    static final String GAME = "20250115_BOS_PHI";
    static final String POSTPONED = "20250115_NYK_MIA";
    static final Instant SNAP = Instant.parse("2025-01-15T17:00:00Z");
    static final Instant TIP = Instant.parse("2025-01-16T00:30:00Z");

    @TempDir
    Path dir;
    Warehouse w;

    @BeforeEach
    void setUp() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("g.duckdb"), null, null, 2);
        w.write(tx -> {
            tx.upsert(RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "status", "source")
                    .add(GAME, D, "PHI", "BOS", "final", "test").add(POSTPONED, D, "MIA", "NYK", "postponed", "test"));
            RowBatch s = RowBatch.of("player_game_summary", "game_key", "player_lookup", "game_date", "player_name", "team", "opponent",
                    "is_home", "played", "dnp_reason", "minutes", "pts", "reb", "ast", "fg3m", "source");
            s.add(GAME, "over_winner", D, "Over Winner", "PHI", "BOS", true, true, null, 30.0, 30, 5, 5, 2, "test");
            s.add(GAME, "over_loser", D, "Over Loser", "PHI", "BOS", true, true, null, 30.0, 20, 5, 5, 2, "test");
            s.add(GAME, "under_winner", D, "Under Winner", "BOS", "PHI", false, true, null, 30.0, 10, 5, 5, 2, "test");
            s.add(GAME, "pusher", D, "Pusher", "BOS", "PHI", false, true, null, 30.0, 25, 5, 5, 2, "test");
            s.add(GAME, "benched", D, "Benched", "BOS", "PHI", false, false, "DNP - Coach's Decision", 0.0, 0, 0, 0, 0, "test");
            s.add(GAME, "passer", D, "Passer", "BOS", "PHI", false, true, null, 20.0, 12, 5, 5, 2, "test");
            tx.upsert(s);
            RowBatch p = RowBatch.of("prediction", "game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
                    "player_name", "team", "opponent", "system_version", "predicted", "line_value", "line_book", "line_snapshot_at",
                    "over_price", "under_price", "recommendation", "confidence", "created_at");
            String key = "draftkings@" + SNAP;
            p.add(GAME, "over_winner", "points", "ensemble", key, D, "Over Winner", "PHI", "BOS", "v", 27.0, 24.5, "draftkings", SNAP, 150, -180, "OVER", 0.6, SNAP);
            p.add(GAME, "over_loser", "points", "ensemble", key, D, "Over Loser", "PHI", "BOS", "v", 27.0, 24.5, "draftkings", SNAP, -110, -110, "OVER", 0.6, SNAP);
            p.add(GAME, "under_winner", "points", "ensemble", key, D, "Under Winner", "BOS", "PHI", "v", 12.0, 14.5, "draftkings", SNAP, -110, -120, "UNDER", 0.6, SNAP);
            p.add(GAME, "pusher", "points", "ensemble", key, D, "Pusher", "BOS", "PHI", "v", 28.0, 25.0, "draftkings", SNAP, -110, -110, "OVER", 0.6, SNAP);
            p.add(GAME, "benched", "points", "ensemble", key, D, "Benched", "BOS", "PHI", "v", 8.0, 6.5, "draftkings", SNAP, -110, -110, "OVER", 0.6, SNAP);
            p.add(GAME, "inactive", "points", "ensemble", key, D, "Inactive", "BOS", "PHI", "v", 8.0, 6.5, "draftkings", SNAP, -110, -110, "OVER", 0.6, SNAP);
            p.add(GAME, "passer", "points", "ensemble", "no-line", D, "Passer", "BOS", "PHI", "v", 12.5, null, null, null, null, null, "PASS", null, SNAP);
            p.add(POSTPONED, "heat_guy", "points", "ensemble", key, D, "Heat Guy", "MIA", "NYK", "v", 20.0, 18.5, "draftkings", SNAP, -110, -110, "OVER", 0.6, SNAP);
            tx.upsert(p);
            // The closing lines: over_winner's line went up to 25.5 (we beat the close by 1), under_winner's up to 15.5 (the close beat us).
            RowBatch l = RowBatch.of("prop_line", "game_key", "player_lookup", "market", "book", "snapshot_at", "game_date", "source",
                    "tip_off", "line", "over_price_american", "under_price_american", "in_game", "flagged", "is_opening", "is_closing");
            l.add(GAME, "over_winner", "player_points", "draftkings", SNAP, D, "test", TIP, 24.5, 150, -180, false, false, true, false);
            l.add(GAME, "over_winner", "player_points", "draftkings", TIP.minusSeconds(600), D, "test", TIP, 25.5, -115, -105, false, false, false, true);
            l.add(GAME, "over_winner", "player_points", "draftkings", TIP.plusSeconds(600), D, "test", TIP, 31.5, -110, -110, true, false, false, false);
            l.add(GAME, "under_winner", "player_points", "draftkings", TIP.minusSeconds(600), D, "test", TIP, 15.5, -110, -110, false, false, false, true);
            tx.upsert(l);
        });
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    Map<String, Object> grade(String player) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM prediction_grade WHERE player_lookup = ?").bind(0, player).mapToMap().one());
    }

    void run() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-16T09:00:00Z"), ZoneOffset.UTC);
        new GradeAsset().materialize(AssetContext.standalone(GradeAsset.NAME, D, w, clock));
    }

    @Test
    void winsLossesPushesVoidsProfitAndClosingLineValue() {
        run();
        assertThat(grade("over_winner")).containsEntry("result", "WIN").containsEntry("actual", 30.0).containsEntry("price", 150)
                .containsEntry("profit_units", 1.5).containsEntry("closing_line", 25.5).containsEntry("clv", 1.0)
                .containsEntry("went_over", true).containsEntry("abs_error", 3.0).containsEntry("signed_error", -3.0);
        assertThat(grade("over_loser")).containsEntry("result", "LOSS").containsEntry("profit_units", -1.0).containsEntry("went_over", false);
        Map<String, Object> under = grade("under_winner");
        assertThat(under).containsEntry("result", "WIN").containsEntry("price", -120).containsEntry("clv", -1.0);
        assertThat((Double) under.get("profit_units")).isCloseTo(100.0 / 120, within(1e-9));
        assertThat(grade("pusher")).containsEntry("result", "PUSH").containsEntry("profit_units", 0.0).containsEntry("went_over", null);
        assertThat(grade("benched")).containsEntry("result", "VOID").containsEntry("actual", null)
                .containsEntry("void_reason", "did not play: DNP - Coach's Decision").containsEntry("profit_units", null);
        assertThat(grade("inactive")).containsEntry("result", "VOID")
                .containsEntry("void_reason", "not in the box score (inactive or not with the team)");
        assertThat(grade("heat_guy")).containsEntry("result", "VOID").containsEntry("void_reason", "game postponed");
        assertThat(grade("passer")).containsEntry("result", "NO_PICK").containsEntry("actual", 12.0).containsEntry("abs_error", 0.5)
                .containsEntry("profit_units", null);
    }

    @Test
    void regradingLeavesIdenticalRows() {
        run();
        List<Map<String, Object>> first = w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM prediction_grade ORDER BY player_lookup")
                .mapToMap().list());
        run();
        run();
        List<Map<String, Object>> third = w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM prediction_grade ORDER BY player_lookup")
                .mapToMap().list());
        assertThat(first).hasSize(8);
        assertThat(third).isEqualTo(first);
    }
}
