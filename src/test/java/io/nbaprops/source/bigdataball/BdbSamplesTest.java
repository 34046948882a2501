package io.nbaprops.source.bigdataball;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static io.nbaprops.source.SampleParse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.source.ParsedRows;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** BigDataBall's play-by-play of the 2025 Finals Game 7 and its discovery result. */
@NeedsSamples
class BdbSamplesTest {

    @Test
    void playByPlayInfersHomeAndAway() {
        ParsedRows rows = parse("bigdataball_pbp", "raw_746cfbef.csv");
        assertThat(rows.rows("bdb_play_by_play")).hasSize(510)
                .allMatch(r -> "20250622_IND_OKC".equals(r.get("game_key")) && LocalDate.of(2025, 6, 22).equals(r.get("game_date")));
        assertThat(row(rows, "bdb_play_by_play", "play_id", 3)).containsEntry("player_lookup", "andrewnembhard")
                .containsEntry("points", 2).containsEntry("shot_distance", 14.0).containsEntry("team", "IND")
                .containsEntry("result", "made").containsEntry("nba_game_id", "0042400407");
        assertThat(row(rows, "bdb_play_by_play", "play_id", 510)).containsEntry("home_score", 103).containsEntry("away_score", 91)
                .containsEntry("event_type", "end of period").containsEntry("h5", "Chet Holmgren");
        assertThat(rows(rows, "bdb_play_by_play", "event_type", "shot")).hasSize(157);
    }

    @Test
    void discovery() {
        assertThat(row(parse("bigdataball_discovery", "raw_210c46f5.json"), "bdb_discovery", "status", "completed"))
                .containsEntry("files_found", null);
    }
}
