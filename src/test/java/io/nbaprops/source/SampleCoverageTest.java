package io.nbaprops.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/**
 * Every sample folder has a parser of its name, every file in it parses (the damaged game book
 * fails with its typed error), and every folder is one the per-source tests assert real values on.
 * A new sample folder fails this test until it gets a parser and a test.
 */
@NeedsSamples
class SampleCoverageTest {
    /** Folders whose files the per-source *SamplesTest classes assert real values from. */
    private static final Set<String> ASSERTED = Set.of(
            "bdl_active_players", "bdl_box_scores", "bdl_game_adv_stats", "bdl_game_detail", "bdl_games", "bdl_injuries",
            "bdl_leaders", "bdl_live_box_scores", "bdl_odds", "bdl_player_averages", "bdl_player_box_scores", "bdl_player_detail",
            "bdl_player_leaders", "bdl_players", "bdl_standings", "bdl_team_detail", "bdl_teams",
            "nbac_schedule_api", "nbac_schedule_cdn", "nbac_scoreboard_v2", "nbac_player_boxscore", "nbac_team_boxscore",
            "nbac_play_by_play", "nbac_player_list", "nbac_player_movement", "nbac_roster", "nbac_referee_assignments",
            "nbac_injury_report", "nbac_gamebook_pdf", "nbac_game_ids_core",
            "espn_scoreboard_api", "espn_game_boxscore", "espn_roster", "espn_roster_api",
            "oddsa_events_his", "oddsa_game_lines_his", "oddsa_player_props_his", "odds_api_historical_game_lines",
            "bp_events", "bigdataball_pbp", "bigdataball_discovery");

    private static List<String> folders() throws IOException {
        try (Stream<Path> s = Files.list(Samples.dir())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.equals("_format_examples"))
                    .sorted().toList();
        }
    }

    @Test
    void everyFolderHasAParserAndATest() throws IOException {
        assertThat(new TreeSet<>(folders())).isEqualTo(new TreeSet<>(ASSERTED));
        for (String f : folders()) {
            assertThat(Parsers.find(f)).as("parser for " + f).isPresent();
        }
    }

    @Test
    void everyFileParses() throws IOException {
        int files = 0;
        for (String folder : folders()) {
            for (Path p : Samples.files(folder)) {
                files++;
                String name = p.getFileName().toString();
                if (folder.equals("nbac_gamebook_pdf")) {
                    assertThatThrownBy(() -> SampleParse.parse(folder, name)).isInstanceOf(ParseException.class);
                    continue;
                }
                ParsedRows rows = SampleParse.parse(folder, name);
                assertThat(rows.tables()).as(folder + "/" + name).isNotEmpty();
            }
        }
        assertThat(files).isEqualTo(53);
    }
}
