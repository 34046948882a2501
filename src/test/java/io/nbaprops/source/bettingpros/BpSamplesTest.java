package io.nbaprops.source.bettingpros;

import static io.nbaprops.source.SampleParse.parse;
import static io.nbaprops.source.SampleParse.row;
import static io.nbaprops.source.SampleParse.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import io.nbaprops.testing.NeedsSamples;

/** BettingPros events (real captures) and offers (documented shape; no capture exists). */
@NeedsSamples
class BpSamplesTest {

    @Test
    void eventsWithLineupsAndResults() {
        ParsedRows rows = parse("bp_events", "raw_75470647.json");
        assertThat(rows.rows("bp_event")).hasSize(3);
        assertThat(row(rows, "bp_event", "event_id", 20879L)).containsEntry("home_team", "ATL").containsEntry("away_team", "DAL")
                .containsEntry("home_score", 113).containsEntry("away_score", 87)
                .containsEntry("tip_off", Instant.parse("2021-10-21T23:30:00Z")).containsEntry("game_key", "20211021_DAL_ATL");
        assertThat(rows.rows("bp_event_lineup")).hasSize(100);
        // John Collins played for Atlanta that night; BettingPros now lists him with the Clippers.
        assertThat(row(rows, "bp_event_lineup", "event_id", 20879L, "player_lookup", "johncollins")).containsEntry("team", "ATL")
                .containsEntry("lineup_status", "started");
        assertThat(row(rows, "bp_event_lineup", "event_id", 20879L, "player_lookup", "lukadoncic")).containsEntry("team", "DAL");
        assertThat(rows(rows, "bp_event_lineup", "lineup_status", "did_not_play")).hasSize(28);
    }

    @Test
    void otherCapturesOfTheSameDay() {
        for (String f : new String[] {"raw_865cd116.json", "raw_e58219f4.json"}) {
            ParsedRows rows = parse("bp_events", f);
            assertThat(row(rows, "bp_event", "event_id", 20881L)).containsEntry("home_team", "GSW").containsEntry("away_team", "LAC")
                    .containsEntry("game_key", "20211021_LAC_GSW");
        }
    }

    @Test
    void offersPivotOverAndUnderPerBook() {
        String offers = """
                {"_parameters": {"sport": "NBA", "market_id": "156"}, "_pagination": {"page": 1, "total_pages": 1},
                 "markets": [156],
                 "offers": [{"id": "o1", "event_id": 20879, "market_id": 156,
                   "participants": [{"id": "3473", "name": "Trae Young", "player": {"team": "ATL", "position": "G"}}],
                   "selections": [
                     {"selection": "over", "opening_line": {"line": 25.5, "cost": -110},
                      "books": [{"id": 12, "lines": [{"line": 26.5, "cost": -115, "updated": "2021-10-21 20:15:00", "active": true}]},
                                {"id": 10, "lines": [{"line": 26.5, "cost": -110, "updated": "2021-10-21 20:05:00", "active": true}]}]},
                     {"selection": "under", "opening_line": {"line": 25.5, "cost": -110},
                      "books": [{"id": 12, "lines": [{"line": 26.5, "cost": -105, "updated": "2021-10-21 20:15:00", "active": true}]}]}]}]}
                """;
        ParsedRows rows = new BpPlayerPropsParser().parse(offers.getBytes(StandardCharsets.UTF_8),
                new ParseContext("bp_player_props", "test", null, Instant.parse("2021-10-21T21:00:00Z"), "p1"));
        assertThat(rows.rows("bp_player_prop")).hasSize(2);
        assertThat(row(rows, "bp_player_prop", "bookmaker", "draftkings")).containsEntry("market", "player_points")
                .containsEntry("player_lookup", "traeyoung").containsEntry("over_line", 26.5).containsEntry("over_american", -115)
                .containsEntry("under_american", -105).containsEntry("opening_over_line", 25.5)
                .containsEntry("snapshot_at", Instant.parse("2021-10-21T21:00:00Z"))
                .containsEntry("book_updated_at", Instant.parse("2021-10-21T20:15:00Z"));
        assertThat(row(rows, "bp_player_prop", "bookmaker", "fanduel")).containsEntry("under_line", null)
                .containsEntry("over_american", -110);
    }
}
