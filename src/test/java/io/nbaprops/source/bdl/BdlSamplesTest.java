package io.nbaprops.source.bdl;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.source.ParsedRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** Every balldontlie sample, with values read from the files themselves. */
@NeedsSamples
class BdlSamplesTest {

    @Test
    void boxScoresOfJanuary15th2024() {
        ParsedRows rows = parse("bdl_box_scores", "raw_7a649e12.json");
        assertThat(rows.rows("bdl_box_score_game")).hasSize(11);
        Map<String, Object> phi = row(rows, "bdl_box_score_game", "home_team", "PHI");
        assertThat(phi).containsEntry("away_team", "HOU").containsEntry("home_score", 124).containsEntry("away_score", 115)
                .containsEntry("game_date", LocalDate.of(2024, 1, 15)).containsEntry("game_key", "20240115_HOU_PHI");
        Map<String, Object> embiid = row(rows, "bdl_box_score_player", "player_lookup", "joelembiid");
        assertThat(embiid).containsEntry("pts", 41).containsEntry("reb", 10).containsEntry("ftm", 16).containsEntry("fta", 17)
                .containsEntry("minutes", 31.0).containsEntry("team", "PHI").containsEntry("opponent", "HOU")
                .containsEntry("is_home", true).containsEntry("player_id", 145L);
        assertThat(row(rows, "bdl_box_score_game", "home_team", "UTA")).containsEntry("away_team", "IND")
                .containsEntry("home_score", 132);
        assertThat(rows.rows("bdl_box_score_player")).hasSize(384);
    }

    @Test
    void emptyDayAndEmptyLiveBoxScores() {
        assertThat(parse("bdl_box_scores", "raw_d62cc934.json").rowCount()).isZero();
        assertThat(parse("bdl_live_box_scores", "raw_1575e0a5.json").rowCount()).isZero();
    }

    @Test
    void gamesWithTipOffAndFinalScores() {
        ParsedRows rows = parse("bdl_games", "raw_278cb9ed.json");
        assertThat(rows.rows("bdl_game")).hasSize(9);
        Map<String, Object> den = row(rows, "bdl_game", "game_id", 15908525L);
        assertThat(den).containsEntry("home_team", "DEN").containsEntry("away_team", "CHA").containsEntry("home_score", 129)
                .containsEntry("away_score", 115).containsEntry("tip_off", Instant.parse("2025-02-21T02:00:00Z"))
                .containsEntry("game_key", "20250220_CHA_DEN");
    }

    @Test
    void gameDetailIsTheFinalsGameSeven() {
        ParsedRows rows = parse("bdl_game_detail", "raw_67b124b3.json");
        assertThat(row(rows, "bdl_game", "game_id", 18444564L)).containsEntry("home_team", "OKC").containsEntry("away_team", "IND")
                .containsEntry("home_score", 103).containsEntry("away_score", 91).containsEntry("postseason", true);
    }

    @Test
    void playerStatsOfFinalsGameSeven() {
        ParsedRows rows = parse("bdl_player_box_scores", "raw_1db4c01e.json");
        assertThat(rows.rows("bdl_player_stat")).hasSize(30);
        assertThat(row(rows, "bdl_player_stat", "player_lookup", "shaigilgeousalexander")).containsEntry("pts", 29)
                .containsEntry("ast", 12).containsEntry("minutes", 40.0).containsEntry("team", "OKC")
                .containsEntry("opponent", "IND").containsEntry("game_key", "20250622_IND_OKC");
        // Haliburton left Game 7 injured after 7 minutes.
        assertThat(row(rows, "bdl_player_stat", "player_lookup", "tyresehaliburton")).containsEntry("minutes_text", "07")
                .containsEntry("minutes", 7.0).containsEntry("pts", 9).containsEntry("is_home", false);
    }

    @Test
    void advancedStats() {
        ParsedRows rows = parse("bdl_game_adv_stats", "raw_b3f29455.json");
        assertThat(rows.rows("bdl_advanced_stat")).hasSize(29);
        assertThat(row(rows, "bdl_advanced_stat", "player_lookup", "shaigilgeousalexander"))
                .containsEntry("usage_percentage", 0.362).containsEntry("pace", 90.77).containsEntry("team", "OKC");
    }

    @Test
    void playersActivePlayersAndDetail() {
        ParsedRows players = parse("bdl_players", "raw_e640d907.json");
        assertThat(players.rows("bdl_player")).hasSize(49);
        assertThat(row(players, "bdl_player", "player_id", 146L)).containsEntry("player_name", "James Ennis III")
                .containsEntry("player_lookup", "jamesennis").containsEntry("team", "DEN");
        ParsedRows active = parse("bdl_active_players", "raw_ac3e7bd3.json");
        assertThat(active.rows("bdl_player")).hasSize(100);
        assertThat(active.rows("bdl_active_player")).hasSize(100);
        assertThat(row(active, "bdl_player", "player_id", 277L)).containsEntry("player_name", "Caris LeVert")
                .containsEntry("team", "ATL");
        ParsedRows lebron = parse("bdl_player_detail", "raw_2e2e5189.json");
        assertThat(row(lebron, "bdl_player", "player_id", 237L)).containsEntry("team", "LAL").containsEntry("draft_number", 1)
                .containsEntry("player_lookup", "lebronjames");
    }

    @Test
    void teamsKeepDefunctFranchisesApart() {
        ParsedRows rows = parse("bdl_teams", "raw_cf664c89.json");
        assertThat(rows.rows("bdl_team")).hasSize(45);
        assertThat(row(rows, "bdl_team", "team_id", 30L)).containsEntry("tricode", "WAS").containsEntry("is_current", true);
        // The 1940s Washington Capitols are also "WAS" at balldontlie; they must not become the Wizards.
        assertThat(row(rows, "bdl_team", "team_id", 42L)).containsEntry("abbreviation", "WAS").containsEntry("tricode", null)
                .containsEntry("is_current", false);
        assertThat(row(parse("bdl_team_detail", "raw_0699ab13.json"), "bdl_team", "team_id", 2L)).containsEntry("tricode", "BOS");
    }

    @Test
    void injuries() {
        ParsedRows rows = parse("bdl_injuries", "raw_49fd60fb.json");
        assertThat(rows.rows("bdl_injury")).hasSize(100);
        assertThat(row(rows, "bdl_injury", "player_lookup", "jaysontatum")).containsEntry("status", "Out")
                .containsEntry("team", "BOS").containsEntry("return_date_text", "Feb 1");
        assertThat(rows.rows("bdl_injury").stream().filter(r -> r.get("status").equals("Out")).count()).isEqualTo(9);
    }

    @Test
    void standings() {
        ParsedRows rows = parse("bdl_standings", "raw_395a0451.json");
        assertThat(rows.rows("bdl_standing")).hasSize(30);
        assertThat(row(rows, "bdl_standing", "team", "OKC")).containsEntry("wins", 68).containsEntry("losses", 14)
                .containsEntry("conference_rank", 1).containsEntry("season", 2024L);
        assertThat(row(rows, "bdl_standing", "team", "WAS")).containsEntry("wins", 18).containsEntry("conference_rank", 15);
    }

    @Test
    void leadersBothFolders() {
        for (String[] s : new String[][] {{"bdl_leaders", "raw_03e7b7a1.json"}, {"bdl_player_leaders", "raw_16873861.json"}}) {
            ParsedRows rows = parse(s[0], s[1]);
            assertThat(rows.rows("bdl_leader")).hasSize(231);
            assertThat(row(rows, "bdl_leader", "stat_rank", 1)).containsEntry("player_lookup", "domantassabonis")
                    .containsEntry("stat_value", 13.9).containsEntry("games_played", 70).containsEntry("team", "SAC");
            assertThat(row(rows, "bdl_leader", "stat_rank", 3)).containsEntry("player_lookup", "nikolajokic")
                    .containsEntry("stat_value", 12.7);
        }
    }

    @Test
    void seasonAverages() {
        ParsedRows rows = parse("bdl_player_averages", "raw_b3b52a03.json");
        assertThat(rows.rows("bdl_season_average")).hasSize(3);
        assertThat(row(rows, "bdl_season_average", "player_lookup", "kevindurant")).containsEntry("stat_pts", 26.6)
                .containsEntry("stat_gp", 62).containsEntry("season_type", "regular");
        assertThat(row(rows, "bdl_season_average", "player_lookup", "lebronjames")).containsEntry("stat_pts", 24.4)
                .containsEntry("stat_gp", 70);
    }

    @Test
    void emptyOdds() {
        assertThat(parse("bdl_odds", "raw_99fa8981.json").rowCount()).isZero();
    }

    @Test
    void paginatedFormatExample() {
        ParsedRows rows = parse("bdl_games", "_format_examples", "bdl_games_paginated.json");
        assertThat(row(rows, "bdl_game", "game_id", 1087392L)).containsEntry("home_team", "LAL").containsEntry("away_team", "BOS")
                .containsEntry("game_key", "20250120_BOS_LAL");
    }
}
