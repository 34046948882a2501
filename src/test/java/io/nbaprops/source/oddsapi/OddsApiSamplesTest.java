package io.nbaprops.source.oddsapi;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** The Odds API samples (historical, decimal prices) and the documented player-props example (American prices). */
@NeedsSamples
class OddsApiSamplesTest {
    private static final Instant SNAPSHOT = Instant.parse("2024-01-25T03:55:40Z");

    @Test
    void historicalEvents() {
        ParsedRows rows = parse("oddsa_events_his", "raw_4c3bc8f6.json");
        assertThat(rows.rows("oddsa_event")).hasSize(10).allMatch(r -> r.get("snapshot_at").equals(SNAPSHOT));
        assertThat(row(rows, "oddsa_event", "event_id", "cd0bc7d0c238f4446ce1c03d0cea7ec4")).containsEntry("home_team", "GSW")
                .containsEntry("away_team", "ATL").containsEntry("game_key", "20240124_ATL_GSW");
        // 00:40 UTC on the 26th is 7:40 pm on the 25th in New York.
        assertThat(row(rows, "oddsa_event", "event_id", "ef90c3973321840601afc866d39ccb03")).containsEntry("game_key",
                "20240125_BOS_MIA");
    }

    @Test
    void historicalGameLinesInDecimalOddsAreInGame() {
        for (String[] s : new String[][] {{"oddsa_game_lines_his", "raw_b722994c.json"}, {"oddsa_player_props_his",
            "raw_815b3ee3.json"}}) {
            ParsedRows rows = parse(s[0], s[1]);
            assertThat(rows.rows("oddsa_game_line")).hasSize(8);
            assertThat(rows.rows("oddsa_player_prop")).isEmpty();
            var gsw = row(rows, "oddsa_game_line", "bookmaker", "draftkings", "market", "spreads", "side", "home");
            assertThat(gsw).containsEntry("point", -6.5).containsEntry("price", 1.83).containsEntry("price_american", -120)
                    .containsEntry("price_format", "decimal").containsEntry("team", "GSW").containsEntry("snapshot_at", SNAPSHOT)
                    .containsEntry("game_key", "20240124_ATL_GSW");
            // The snapshot (03:55:40) is after the tip (03:20:30): an in-game line, never the pre-game one.
            assertThat(gsw).containsEntry("in_game", true);
            assertThat(row(rows, "oddsa_game_line", "bookmaker", "fanduel", "market", "totals", "side", "under"))
                    .containsEntry("point", 247.5).containsEntry("price", 1.88).containsEntry("price_american", -114);
        }
    }

    @Test
    void historicalMoneylines() {
        ParsedRows rows = parse("odds_api_historical_game_lines", "raw_9221b91f.json");
        assertThat(rows.rows("oddsa_game_line")).hasSize(4);
        assertThat(row(rows, "oddsa_game_line", "bookmaker", "fanduel", "market", "h2h", "side", "away"))
                .containsEntry("price", 3.8).containsEntry("price_american", 280).containsEntry("team", "ATL");
        assertThat(row(rows, "oddsa_game_line", "bookmaker", "draftkings", "market", "h2h", "side", "home"))
                .containsEntry("price", 1.32).containsEntry("price_american", -312);
    }

    @Test
    void playerPropsExampleInAmericanOdds() {
        ParsedRows rows = parse("oddsa_player_props", "_format_examples", "oddsa_player_props_raw.json");
        assertThat(rows.rows("oddsa_player_prop")).hasSize(5);
        assertThat(row(rows, "oddsa_player_prop", "bookmaker", "draftkings", "market", "player_points", "player_lookup",
                "lebronjames")).containsEntry("over_point", 25.5).containsEntry("under_point", 25.5)
                .containsEntry("over_american", -115).containsEntry("under_american", -105).containsEntry("price_format", "american")
                .containsEntry("game_key", "20250120_BOS_LAL").containsEntry("in_game", false)
                .containsEntry("snapshot_at", Instant.parse("2025-01-20T18:00:00Z"));
        // FanDuel's market has no last_update of its own: the bookmaker's is the snapshot.
        assertThat(row(rows, "oddsa_player_prop", "bookmaker", "fanduel", "player_lookup", "lebronjames"))
                .containsEntry("snapshot_at", Instant.parse("2025-01-20T17:55:00Z")).containsEntry("over_american", -112);
        assertThat(row(rows, "oddsa_player_prop", "market", "player_rebounds")).containsEntry("player_lookup", "anthonydavis")
                .containsEntry("under_american", 100);
    }

    @Test
    void errorAndEmptyExamples() {
        assertThatThrownBy(() -> parse("oddsa_events", "_format_examples", "oddsa_events_error.json"))
                .isInstanceOf(ParseException.class).hasMessageContaining("Invalid API key").hasMessageContaining("oddsa_events");
        assertThat(parse("oddsa_events", "_format_examples", "oddsa_events_empty.json").rowCount()).isZero();
    }
}
