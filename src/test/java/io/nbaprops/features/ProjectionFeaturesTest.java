package io.nbaprops.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.engine.AssetContext;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fv4 features on a hand-built team: a star ruled out, a bench player back from a missed game. Expected
 * values are worked out by hand from the formulas in FeatureCatalog; a game on the date itself (with absurd
 * numbers) must change nothing.
 */
class ProjectionFeaturesTest {
    static final LocalDate D = LocalDate.of(2025, 1, 10);
    static final String[] GAMES = {"20250104_BBB_AAA", "20250106_BBB_AAA", "20250108_BBB_AAA"};

    @Test
    void expectedMinutesShotsAndProjectionGivenWhoIsOut(@TempDir Path dir) {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("p.duckdb"), null, null, 2)) {
            w.write(tx -> {
                RowBatch s = RowBatch.of("player_game_summary", "game_key", "player_lookup", "game_date", "player_name", "team", "opponent",
                        "is_home", "played", "minutes", "pts", "fga", "fta", "source");
                RowBatch t = RowBatch.of("team_game_summary", "game_key", "team", "game_date", "opponent", "is_home", "pts", "opp_pts", "won",
                        "minutes", "fga", "possessions", "pace", "off_rating", "def_rating");
                for (int g = 0; g < GAMES.length; g++) {
                    LocalDate day = D.minusDays(6 - 2 * g);
                    s.add(GAMES[g], "star", day, "Star", "AAA", "BBB", true, true, 30.0, 15, 10, 2, "test");
                    s.add(GAMES[g], "wing", day, "Wing", "AAA", "BBB", true, true, 20.0, 6, 5, 0, "test");
                    // The bench player missed the last game (a DNP row, as the box scores give it).
                    boolean played = g < 2;
                    s.add(GAMES[g], "bench", day, "Bench", "AAA", "BBB", true, played, played ? 10.0 : null, played ? 4 : null,
                            played ? 4 : null, played ? 0 : null, "test");
                    s.add(GAMES[g], "opp", day, "Opp", "BBB", "AAA", false, true, 36.0, 20, 16, 4, "test");
                    t.add(GAMES[g], "AAA", day, "BBB", true, 110, 100, true, 240.0, 80, 100.0, 100.0, 115.0, 110.0);
                    t.add(GAMES[g], "BBB", day, "AAA", false, 100, 110, false, 240.0, 90, 100.0, 100.0, 105.0, 100.0);
                }
                // The game being predicted, already played: nothing of it may reach the features of its own date.
                s.add("20250110_BBB_AAA", "wing", D, "Wing", "AAA", "BBB", true, true, 48.0, 60, 40, 20, "test");
                t.add("20250110_BBB_AAA", "AAA", D, "BBB", true, 200, 50, true, 240.0, 150, 50.0, 50.0, 300.0, 10.0);
                tx.upsert(s);
                tx.upsert(t);
                RowBatch c = RowBatch.of("upcoming_player_game_context", "game_key", "player_lookup", "game_date", "player_name", "team",
                        "opponent", "is_home", "back_to_back", "games_last_7d", "injury_status", "injury_code", "teammates_out",
                        "teammates_out_usage", "line_books");
                c.add("20250110_BBB_AAA", "star", D, "Star", "AAA", "BBB", true, false, 3, "out", 4, 0, 0.0, 0);
                c.add("20250110_BBB_AAA", "wing", D, "Wing", "AAA", "BBB", true, false, 3, "none", 0, 1, 0.0, 0);
                c.add("20250110_BBB_AAA", "bench", D, "Bench", "AAA", "BBB", true, false, 3, "none", 0, 1, 0.0, 0);
                tx.upsert(c);
            });
            new PlayerDailyCacheAsset().materialize(AssetContext.standalone(PlayerDailyCacheAsset.NAME, D, w, Clock.systemUTC()));
            new FeatureStoreAsset().materialize(AssetContext.standalone(FeatureStoreAsset.NAME, D, w, Clock.systemUTC()));

            Map<String, Object> wing = row(w, "wing");
            Map<String, Object> bench = row(w, "bench");
            assertThat(wing.get("feature_version")).isEqualTo(FeatureCatalog.VERSION);
            assertThat(num(wing, "min_ewm")).isCloseTo(20.0, within(1e-6));
            assertThat(num(wing, "pts_ewm_long")).isCloseTo(6.0, within(1e-6));
            assertThat(num(wing, "fga_per_min_ewm")).isCloseTo(0.25, within(1e-6));
            assertThat(num(wing, "played_share_l10")).isCloseTo(1.0, within(1e-6));
            assertThat(num(bench, "played_share_l10")).isCloseTo(2.0 / 3, within(1e-6));
            // League points per attempt before the date: (3 x (15 + 6 + 20) + 2 x 4) / (3 x (10 + 5 + 16) + 2 x 4).
            double league = (3.0 * 41 + 8) / (3.0 * 31 + 8);
            double w3 = 1 + 0.95 + 0.95 * 0.95;
            double wingPpa = (6 * w3 + 30 * league) / (5 * w3 + 30);
            assertThat(num(wing, "pts_per_fga_shrunk")).isCloseTo(wingPpa, within(1e-6));
            // The star (30 minutes, every game) is out; the bench player (10 minutes, a third of the games missed) is back.
            assertThat(num(wing, "teammates_out_minutes")).isCloseTo(30.0, within(1e-6));
            assertThat(num(wing, "teammates_back_minutes")).isCloseTo(10.0 / 3, within(1e-4));
            assertThat(num(bench, "teammates_back_minutes")).isCloseTo(0.0, within(1e-6));
            double net = 30 - 10.0 / 3;
            double room = (36 - 20) + (36 - 10);
            double wingMin = 20 + net * 16 / room;
            double benchMin = 10 + net * 26 / room;
            assertThat(num(wing, "min_expected")).isCloseTo(wingMin, within(1e-4));
            assertThat(num(bench, "min_expected")).isCloseTo(benchMin, within(1e-4));
            // The team takes 80 shots; without the star its rotation would take only wing 0.25/min + bench 0.4/min.
            double factor = 80 / (0.25 * wingMin + 0.4 * benchMin);
            assertThat(num(wing, "team_fga_factor")).isCloseTo(factor, within(1e-4));
            // (Stored values are rounded to 6 decimals, hence the tolerances.) Opponent defence 100 vs a league 105, equal pace, home scoring 115 vs 110 overall.
            double projection = wingMin * 0.25 * factor * wingPpa * (100.0 / 105) * (115.0 / 110);
            assertThat(num(wing, "pts_projection")).isCloseTo(projection, within(1e-3));
            // The star's absence lifts the wing's stored projection well above his stored form.
            assertThat(num(wing, "pts_projection")).isGreaterThan(1.5 * num(wing, "pts_ewm_long"));
        }
    }

    private static Map<String, Object> row(Warehouse w, String player) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM feature_store WHERE player_lookup = ? AND game_date = ?")
                .bind(0, player).bind(1, D).mapToMap().one());
    }

    private static double num(Map<String, Object> row, String col) {
        Object v = row.get(col);
        assertThat(v).as(col).isNotNull();
        return ((Number) v).doubleValue();
    }
}
