package io.nbaprops.source.nbac;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static io.nbaprops.source.SampleParse.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** Every NBA.com sample, with values read from the files themselves. */
@NeedsSamples
class NbacSamplesTest {

    @Test
    void seasonScheduleFromTheStatsApi() {
        ParsedRows rows = parse("nbac_schedule_api", "raw_80cb1fd6.json.gz");
        // 1400 games, 10 of them against non-NBA teams (All-Star, Rising Stars, international preseason).
        assertThat(rows.rows("nbac_schedule")).hasSize(1390);
        assertThat(rows.skipped()).hasSize(10).anyMatch(s -> s.contains("NZB@UTA"));
        assertThat(row(rows, "nbac_schedule", "game_id", "0022400561")).containsEntry("game_key", "20250115_NYK_PHI")
                .containsEntry("home_score", 119).containsEntry("away_score", 125)
                .containsEntry("game_status_text", "Final/OT").containsEntry("tip_off", Instant.parse("2025-01-16T00:00:00Z"))
                .containsEntry("is_postponed", false);
        // The Emirates NBA Cup opener: Atlanta won in Boston.
        assertThat(row(rows, "nbac_schedule", "game_id", "0022400001")).containsEntry("game_date", LocalDate.of(2024, 11, 12))
                .containsEntry("game_label", "Emirates NBA Cup").containsEntry("away_score", 117).containsEntry("home_score", 116);
    }

    @Test
    void scheduleFromTheCdnHasNoScoresBeforeTheGames() {
        ParsedRows rows = parse("nbac_schedule_cdn", "raw_68953816.json");
        assertThat(rows.rows("nbac_schedule")).hasSize(11);
        assertThat(rows.skipped()).hasSize(2);
        assertThat(row(rows, "nbac_schedule", "game_id", "0012500008")).containsEntry("home_team", "NYK")
                .containsEntry("away_team", "PHI").containsEntry("home_score", null).containsEntry("game_status", 1)
                .containsEntry("game_key", "20251002_PHI_NYK").containsEntry("arena_name", "Etihad Arena");
    }

    @Test
    void scoreboardsOfTwoDays() {
        for (String f : new String[] {"raw_055ff78d.json", "raw_5de604f1.json", "raw_ca7fdf2b.json", "raw_ccea1dcf.json"}) {
            ParsedRows rows = parse("nbac_scoreboard_v2", f);
            assertThat(rows.rows("nbac_scoreboard_game")).hasSize(11);
            assertThat(row(rows, "nbac_scoreboard_game", "game_id", "0022300555")).containsEntry("game_key", "20240115_HOU_PHI")
                    .containsEntry("home_score", 124).containsEntry("away_score", 115).containsEntry("status_text", "Final");
        }
        ParsedRows jan2025 = parse("nbac_scoreboard_v2", "raw_06a65a50.json");
        assertThat(row(jan2025, "nbac_scoreboard_game", "game_id", "0022400561")).containsEntry("home_score", 119)
                .containsEntry("away_score", 125).containsEntry("live_period", 5);
        // The Knicks scored 16 in overtime.
        assertThat(row(jan2025, "nbac_line_score", "game_id", "0022400561", "team", "NYK")).containsEntry("pts_ot", 16)
                .containsEntry("pts_q1", 30).containsEntry("pts", 125);
    }

    @Test
    void leagueGameLogOfMarch15th2025() {
        ParsedRows rows = parse("nbac_player_boxscore", "raw_2ad17718.json");
        assertThat(rows.rows("nbac_player_game_log")).hasSize(157);
        Map<String, Object> curry = row(rows, "nbac_player_game_log", "player_lookup", "stephencurry");
        assertThat(curry).containsEntry("pts", 28).containsEntry("minutes", 35.0).containsEntry("team", "GSW")
                .containsEntry("opponent", "NYK").containsEntry("is_home", true).containsEntry("game_key", "20250315_NYK_GSW")
                .containsEntry("wl", "W").containsEntry("fg3m", 4).containsEntry("fg3a", 13);
        assertThat(row(rows, "nbac_player_game_log", "player_lookup", "tjmcconnell")).containsEntry("is_home", false)
                .containsEntry("game_key", "20250315_IND_MIL").containsEntry("plus_minus", -34);
    }

    @Test
    void traditionalBoxScoreWithDnpReasons() {
        for (String f : new String[] {"raw_12f99055.json", "raw_8e5ec16f.json", "raw_a45ca6e1.json"}) {
            ParsedRows rows = parse("nbac_team_boxscore", f);
            assertThat(rows.rows("nbac_box_score_player")).hasSize(25);
            assertThat(row(rows, "nbac_box_score_player", "player_lookup", "jalenbrunson")).containsEntry("pts", 38)
                    .containsEntry("team", "NYK").containsEntry("is_starter", true).containsEntry("played", true);
            Map<String, Object> hart = row(rows, "nbac_box_score_player", "player_lookup", "joshhart");
            assertThat(hart).containsEntry("reb", 17).containsEntry("ast", 12);
            assertThat((Double) hart.get("minutes")).isCloseTo(49 + 25 / 60.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row(rows, "nbac_box_score_player", "player_lookup", "ariel hukporti".replace(" ", "")))
                    .containsEntry("comment", "DNP - Coach's Decision").containsEntry("played", false).containsEntry("pts", null);
            assertThat(row(rows, "nbac_box_score_player", "player_lookup", "andredrummond"))
                    .containsEntry("comment", "DND - Injury/Illness").containsEntry("team", "PHI");
            assertThat(rows(rows, "nbac_box_score_player", "played", false)).hasSize(8);
            assertThat(row(rows, "nbac_box_score_team", "team", "NYK")).containsEntry("pts", 125).containsEntry("reb", 45);
            assertThat(row(rows, "nbac_box_score_team", "team", "PHI")).containsEntry("pts", 119);
        }
    }

    @Test
    void playByPlay() {
        ParsedRows rows = parse("nbac_play_by_play", "raw_14ecf360.json.gz");
        assertThat(rows.rows("nbac_play_by_play")).hasSize(571);
        Map<String, Object> end = row(rows, "nbac_play_by_play", "action_type", "game");
        assertThat(end).containsEntry("game_id", "0022400500").containsEntry("score_home", 108).containsEntry("score_away", 106)
                .containsEntry("action_number", 688L).containsEntry("seconds_left", 0.0);
        Map<String, Object> firstShot = row(rows, "nbac_play_by_play", "action_number", 7L);
        assertThat(firstShot).containsEntry("team", "LAC").containsEntry("person_id", 1627826L).containsEntry("shot_result", "Missed")
                .containsEntry("seconds_left", 702.0).containsEntry("description", "MISS I. Zubac turnaround Hook");
        assertThat(rows(rows, "nbac_play_by_play", "team", "MIN")).hasSize(282);
    }

    @Test
    void playerIndexKeepsNbaComSpellings() {
        ParsedRows rows = parse("nbac_player_list", "raw_7af00b51.json");
        assertThat(rows.rows("nbac_player")).hasSize(594);
        assertThat(row(rows, "nbac_player", "player_id", 203999L)).containsEntry("player_name", "Nikola Jokić")
                .containsEntry("player_lookup", "nikolajokic").containsEntry("team", "DEN").containsEntry("draft_number", 41)
                .containsEntry("season", "2025-26");
        assertThat(row(rows, "nbac_player", "player_id", 1629029L)).containsEntry("team", "LAL")
                .containsEntry("player_lookup", "lukadoncic");
    }

    @Test
    void playerMovement() {
        ParsedRows rows = parse("nbac_player_movement", "raw_1ecdb80d.json.gz");
        assertThat(rows.rows("nbac_player_movement")).hasSize(8730);
        assertThat(row(rows, "nbac_player_movement", "group_sort", "Trade 2025015", "player_id", 202685L))
                .containsEntry("team", "DEN").containsEntry("other_team", "SAC").containsEntry("transaction_type", "Trade")
                .containsEntry("transaction_date", LocalDate.of(2025, 7, 13)).containsEntry("player_lookup", "jonasvalanciunas");
        assertThat(row(rows, "nbac_player_movement", "group_sort", "Signing 1135890")).containsEntry("team", "MIL")
                .containsEntry("player_lookup", "coleanthony");
    }

    @Test
    void warriorsRosterPage() {
        ParsedRows rows = parse("nbac_roster", "raw_79002ff4.html.gz");
        assertThat(rows.rows("nbac_roster")).hasSize(18).allMatch(r -> r.get("team").equals("GSW"));
        assertThat(row(rows, "nbac_roster", "player_id", 1627780L)).containsEntry("player_name", "Gary Payton II")
                .containsEntry("jersey_number", "0").containsEntry("school", "Oregon State").containsEntry("weight_lbs", 195)
                .containsEntry("experience_years", 9).containsEntry("birth_date", LocalDate.of(1992, 12, 1));
        assertThat(row(rows, "nbac_roster", "player_lookup", "jonathankuminga")).containsEntry("jersey_number", "00");
        assertThat(row(rows, "nbac_roster", "player_id", 1642954L)).containsEntry("experience_years", 0)
                .containsEntry("how_acquired", "Draft Rights Traded from MEM on 07/06/25");
    }

    @Test
    void refereeAssignments() {
        ParsedRows rows = parse("nbac_referee_assignments", "raw_718e62b3.json");
        assertThat(rows.rows("nbac_referee_assignment")).hasSize(24);
        assertThat(row(rows, "nbac_referee_assignment", "game_id", "0022400509", "slot", 1))
                .containsEntry("official_name", "John Goble").containsEntry("jersey_number", "10")
                .containsEntry("game_key", "20250108_OKC_CLE").containsEntry("official_code", 101284L);
    }

    @Test
    void injuryReportJoinsWrappedReasonsAndCarriesTheGameForward() {
        ParsedRows rows = parse("nbac_injury_report", "raw_f4391904.pdf");
        Instant reportAt = Instant.parse("2024-01-04T17:30:00Z");
        assertThat(rows.rows("nbac_injury_report")).hasSize(14).allMatch(r -> r.get("report_at").equals(reportAt));
        // "McDermott, Doug Out" then the reason wrapped over two lines.
        assertThat(row(rows, "nbac_injury_report", "player_lookup", "dougmcdermott")).containsEntry("status", "Out")
                .containsEntry("reason", "Injury/Illness - Right Forearm; Contusion").containsEntry("team", "SAS")
                .containsEntry("game_key", "20240104_MIL_SAS").containsEntry("tip_off", Instant.parse("2024-01-05T00:30:00Z"));
        assertThat(row(rows, "nbac_injury_report", "player_lookup", "draymondgreen")).containsEntry("status", "Out")
                .containsEntry("reason", "League Suspension").containsEntry("team", "GSW").containsEntry("game_key", "20240104_DEN_GSW");
        assertThat(row(rows, "nbac_injury_report", "player_lookup", "davidduke")).containsEntry("player_name", "David Duke Jr.")
                .containsEntry("reason", "G League - Two-Way");
        assertThat(row(rows, "nbac_injury_report", "player_lookup", "reggiejackson")).containsEntry("status", "Probable")
                .containsEntry("team", "DEN");
        assertThat(row(rows, "nbac_injury_report_team", "game_key", "20240104_MIL_SAS", "team", "MIL"))
                .containsEntry("submitted", false).containsEntry("players_listed", 0);
        // A game continued on page 2 keeps its date and time: UTA@BOS on 01/05 at 07:00 ET.
        assertThat(row(rows, "nbac_injury_report_team", "game_key", "20240105_UTA_BOS", "team", "BOS"))
                .containsEntry("tip_off", Instant.parse("2024-01-06T00:00:00Z"));
        assertThat(rows.rows("nbac_injury_report_team")).hasSize(32);
    }

    @Test
    void theGameBookSampleIsDamagedAndSaysSo() {
        // The captured game book lost its binary bytes (17.5 kB where its own xref points past 26 kB):
        // no text can be extracted, which is a typed error naming the source, never "no players".
        assertThatThrownBy(() -> parse("nbac_gamebook_pdf", "raw_0173bcd1.pdf"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("nbac_gamebook_pdf").hasMessageContaining("raw_0173bcd1.pdf")
                .hasMessageContaining("no extractable text");
    }
}
