package io.nbaprops.source.espn;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static io.nbaprops.source.SampleParse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.source.ParsedRows;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** Every ESPN sample, with values read from the files themselves. */
@NeedsSamples
class EspnSamplesTest {

    @Test
    void scoreboardMapsEspnAbbreviations() {
        for (String f : new String[] {"raw_92de7c9a.json", "raw_c0c50c83.json"}) {
            ParsedRows rows = parse("espn_scoreboard_api", f);
            assertThat(rows.rows("espn_scoreboard_game")).hasSize(11);
            assertThat(row(rows, "espn_scoreboard_game", "espn_game_id", "401585183")).containsEntry("game_key", "20240115_HOU_PHI")
                    .containsEntry("home_score", 124).containsEntry("away_score", 115).containsEntry("status", "STATUS_FINAL")
                    .containsEntry("attendance", 20822).containsEntry("tip_off", Instant.parse("2024-01-15T18:00:00Z"));
            // ESPN writes GS, NO, NY, SA, UTAH and WSH.
            assertThat(row(rows, "espn_scoreboard_game", "espn_game_id", "401585192")).containsEntry("home_team", "UTA")
                    .containsEntry("away_team", "IND").containsEntry("home_score", 132)
                    .containsEntry("game_date", LocalDate.of(2024, 1, 15)).containsEntry("game_key", "20240115_IND_UTA");
            assertThat(row(rows, "espn_scoreboard_game", "espn_game_id", "401585188")).containsEntry("away_team", "GSW");
            assertThat(row(rows, "espn_scoreboard_game", "espn_game_id", "401585186")).containsEntry("home_team", "WAS");
            assertThat(row(rows, "espn_scoreboard_game", "espn_game_id", "401585184")).containsEntry("away_team", "NOP");
        }
    }

    @Test
    void allStarBreakIsAnEmptyDay() {
        assertThat(parse("espn_scoreboard_api", "raw_20250214.json").rowCount()).isZero();
        assertThat(parse("nbac_game_ids_core", "raw_20250214.json").rowCount()).isZero();
    }

    @Test
    void boxScorePagesWithAndWithoutTheGameStrip() {
        for (String f : new String[] {"raw_6f34c64b.html.gz", "raw_fbd5b07e.html.gz"}) {
            ParsedRows rows = parse("espn_game_boxscore", f);
            assertThat(rows.rows("espn_box_score_player")).hasSize(25);
            assertThat(row(rows, "espn_box_score_player", "player_lookup", "joelembiid")).containsEntry("pts", 41)
                    .containsEntry("reb", 10).containsEntry("ftm", 16).containsEntry("fta", 17).containsEntry("minutes", 31.0)
                    .containsEntry("team", "PHI").containsEntry("is_home", true).containsEntry("is_starter", true)
                    .containsEntry("espn_player_id", 3059318L).containsEntry("game_key", "20240115_HOU_PHI");
            assertThat(row(rows, "espn_box_score_player", "player_lookup", "reggiebullock"))
                    .containsEntry("dnp_reason", "DNP-COACH'S DECISION").containsEntry("pts", null).containsEntry("team", "HOU");
            assertThat(row(rows, "espn_box_score_player", "player_lookup", "amenthompson")).containsEntry("is_starter", false)
                    .containsEntry("plus_minus", -5).containsEntry("pts", 14);
            assertThat(rows(rows, "espn_box_score_player", "team", "HOU")).hasSize(14);
            assertThat(row(rows, "espn_box_score_team", "team", "HOU")).containsEntry("pts", 115).containsEntry("fga", 88)
                    .containsEntry("is_home", false);
            assertThat(row(rows, "espn_box_score_team", "team", "PHI")).containsEntry("pts", 124).containsEntry("ftm", 29);
        }
    }

    @Test
    void rosterPage() {
        ParsedRows rows = parse("espn_roster", "raw_bos.html.gz");
        assertThat(rows.rows("espn_roster")).hasSize(17).allMatch(r -> r.get("team").equals("BOS"));
        assertThat(row(rows, "espn_roster", "player_lookup", "jaylenbrown")).containsEntry("jersey_number", "7")
                .containsEntry("espn_player_id", 3917376L).containsEntry("height_inches", 78).containsEntry("weight_lbs", 223)
                .containsEntry("salary_text", "$49,205,800").containsEntry("college", "California");
        assertThat(row(rows, "espn_roster", "player_lookup", "kristapsporzingis")).containsEntry("college", null)
                .containsEntry("height_inches", 86);
    }

    @Test
    void rosterApiWithInjuries() {
        ParsedRows rows = parse("espn_roster_api", "raw_2.json");
        assertThat(rows.rows("espn_roster_api")).hasSize(17);
        assertThat(row(rows, "espn_roster_api", "player_lookup", "jaysontatum")).containsEntry("injury_status", "Out")
                .containsEntry("injury_type", "Achilles").containsEntry("injury_date", Instant.parse("2025-05-13T20:52:00Z"))
                .containsEntry("height_inches", 80).containsEntry("weight_lbs", 210).containsEntry("jersey_number", "0");
        assertThat(row(rows, "espn_roster_api", "player_lookup", "derrickwhite")).containsEntry("injury_status", null)
                .containsEntry("roster_status", "Active");
    }
}
