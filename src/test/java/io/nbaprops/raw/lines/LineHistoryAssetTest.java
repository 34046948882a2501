package io.nbaprops.raw.lines;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.raw.ParseAsset;
import io.nbaprops.raw.RawFixture;
import io.nbaprops.source.Parsers;
import io.nbaprops.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line history of a game day from both sportsbook sources: opening and closing lines, in-game
 * snapshots kept but never the line, placeholder and junk lines flagged and never returned as usable.
 */
class LineHistoryAssetTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 20);
    private static final String GAME = "20250120_BOS_LAL";
    private static final Instant T1 = Instant.parse("2025-01-20T16:00:00Z");
    private static final Instant BP = Instant.parse("2025-01-20T22:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-20T23:00:00Z");
    private static final Instant T3 = Instant.parse("2025-01-21T01:00:00Z");

    @TempDir
    Path dir;
    private RawFixture fx;

    @BeforeEach
    void open() {
        fx = new RawFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static String outcome(String side, String player, Object price, Double point) {
        return "{\"name\": \"" + side + "\", \"description\": \"" + player + "\", \"price\": " + price
                + (point == null ? "" : ", \"point\": " + point) + "}";
    }

    private static String market(String book, String key, List<String> outcomes) {
        return "{\"key\": \"" + book + "\", \"title\": \"" + book + "\", \"markets\": [{\"key\": \"" + key + "\", \"outcomes\": ["
                + String.join(",", outcomes) + "]}]}";
    }

    private static String event(List<String> books) {
        return "{\"id\": \"ev1\", \"sport_key\": \"basketball_nba\", \"commence_time\": \"2025-01-21T00:30:00Z\", "
                + "\"home_team\": \"Los Angeles Lakers\", \"away_team\": \"Boston Celtics\", \"bookmakers\": ["
                + String.join(",", books) + "]}";
    }

    private static List<String> ou(String player, double line, int over, int under) {
        return List.of(outcome("Over", player, over, line), outcome("Under", player, under, line));
    }

    private static List<String> flat(List<List<String>> l) {
        return l.stream().flatMap(List::stream).toList();
    }

    private void oddsSnapshot(Instant at, String body) throws Exception {
        fx.store("odds_api", "event_odds_props", DAY, "c-" + at, at, body.getBytes(StandardCharsets.UTF_8));
    }

    private void loadAll() throws Exception {
        oddsSnapshot(T1, event(List.of(market("draftkings", "player_points", flat(List.of(ou("LeBron James", 25.5, -115, -105),
                ou("Anthony Davis", 23.5, -110, -110), ou("Austin Reaves", 15.5, -110, -110),
                ou("D'Angelo Russell", 14.5, -105, -115)))))));
        oddsSnapshot(T2, event(List.of(
                market("draftkings", "player_points", flat(List.of(ou("LeBron James", 26.5, -110, -110),
                        ou("Anthony Davis", 24.5, -110, -110)))),
                // The "same default for everyone" pattern.
                market("fanduel", "player_points", flat(List.of(ou("LeBron James", 20.0, -110, -110),
                        ou("Anthony Davis", 20.0, -110, -110), ou("Austin Reaves", 20.0, -110, -110),
                        ou("D'Angelo Russell", 20.0, -110, -110), ou("Rui Hachimura", 20.0, -110, -110)))),
                market("betmgm", "player_points", List.of(outcome("Over", "LeBron James", -110, null),
                        outcome("Under", "LeBron James", -110, null))),
                market("williamhill_us", "player_points", ou("LeBron James", 25.5, 9000, -110)))));
        oddsSnapshot(T3, event(List.of(market("draftkings", "player_points", ou("LeBron James", 30.5, -110, -110)))));
        ParseAsset odds = fx.parseAsset("odds_api", "event_odds_props", Parsers.get("oddsa_player_props"),
                RawFixture.upsert("oddsa_player_prop", "oddsa_game_line"), ParseAsset.Options.defaults().history());
        fx.run(odds, DAY);
        String events = "{\"events\": [{\"id\": 90001, \"scheduled\": \"2025-01-21 00:30:00\", \"home\": \"LAL\", "
                + "\"visitor\": \"BOS\", \"status\": \"scheduled\"}]}";
        fx.store("bettingpros", "events", DAY, "e1", BP, events.getBytes(StandardCharsets.UTF_8));
        fx.run(fx.parseAsset("bettingpros", "events", Parsers.get("bp_events"), RawFixture.upsert("bp_event", "bp_event_lineup"),
                ParseAsset.Options.defaults()), DAY);
        String offers = "{\"_pagination\": {\"page\": 1, \"total_pages\": 1}, \"offers\": [{\"id\": \"o1\", \"event_id\": 90001, "
                + "\"market_id\": 156, \"participants\": [{\"id\": \"1\", \"name\": \"LeBron James\"}], \"selections\": ["
                + "{\"selection\": \"over\", \"books\": [{\"id\": 12, \"lines\": [{\"line\": 26.0, \"cost\": -112, "
                + "\"updated\": \"2025-01-20 21:55:00\"}]}]},"
                + "{\"selection\": \"under\", \"books\": [{\"id\": 12, \"lines\": [{\"line\": 26.0, \"cost\": -108}]}]}]}]}";
        fx.store("bettingpros", "offers", DAY, "o1", BP, offers.getBytes(StandardCharsets.UTF_8));
        fx.run(fx.parseAsset("bettingpros", "offers", Parsers.get("bp_player_props"), RawFixture.upsert("bp_player_prop"),
                ParseAsset.Options.defaults().history()), DAY);
    }

    private Map<String, Object> line(String book, String player, Instant at) {
        return fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM prop_line WHERE game_key = ? AND book = ? "
                        + "AND player_lookup = ? AND snapshot_at = ?").bind(0, GAME).bind(1, book).bind(2, player).bind(3, at)
                .mapToMap().one());
    }

    @Test
    void openingClosingInGameAndFlags() throws Exception {
        loadAll();
        LineHistoryAsset asset = LineHistoryAsset.propLines(List.of());
        String msg = fx.run(asset, DAY).message();
        assertThat(msg).contains("flagged").contains("1 in-game");
        assertThat(line("draftkings", "lebronjames", T1)).containsEntry("is_opening", true).containsEntry("is_closing", false)
                .containsEntry("line", 25.5).containsEntry("over_price_american", -115).containsEntry("source", "oddsa");
        assertThat(line("draftkings", "lebronjames", BP)).containsEntry("source", "bettingpros").containsEntry("line", 26.0)
                .containsEntry("is_opening", false).containsEntry("is_closing", false);
        assertThat(line("draftkings", "lebronjames", T2)).containsEntry("is_closing", true).containsEntry("line", 26.5);
        // After tip-off: kept, marked in-game, never the closing line.
        assertThat(line("draftkings", "lebronjames", T3)).containsEntry("in_game", true).containsEntry("is_closing", false)
                .containsEntry("flagged", false);
        assertThat(line("fanduel", "austinreaves", T2)).containsEntry("flagged", true).containsEntry("is_closing", false);
        assertThat((String) line("fanduel", "austinreaves", T2).get("flag_reason")).startsWith("placeholder: 5 of 5 players");
        assertThat(line("betmgm", "lebronjames", T2)).containsEntry("flagged", true).containsEntry("flag_reason", "missing line");
        assertThat((String) line("williamhill_us", "lebronjames", T2).get("flag_reason")).startsWith("absurd price 9000");

        List<PropLines.Line> usable = PropLines.usable(fx.warehouse, DAY);
        assertThat(usable).hasSize(7).noneMatch(l -> l.book().equals("fanduel") || l.book().equals("betmgm")
                || l.book().equals("williamhill_us") || l.snapshotAt().equals(T3));
        long viewCount = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM prop_line_usable")
                .mapTo(Long.class).one());
        assertThat(viewCount).isEqualTo(usable.size());
        assertThat(PropLines.closing(fx.warehouse, DAY)).filteredOn(l -> l.playerLookup().equals("lebronjames"))
                .singleElement().satisfies(l -> {
                    assertThat(l.line()).isEqualTo(26.5);
                    assertThat(l.snapshotAt()).isEqualTo(T2);
                });
        // At 22:30 the latest usable DraftKings line for LeBron was BettingPros' 22:00 snapshot.
        assertThat(PropLines.latestAsOf(fx.warehouse, DAY, Instant.parse("2025-01-20T22:30:00Z")))
                .filteredOn(l -> l.playerLookup().equals("lebronjames")).singleElement()
                .satisfies(l -> assertThat(l.source()).isEqualTo("bettingpros"));

        List<String> first = fx.snapshot("prop_line");
        fx.run(asset, DAY);
        assertThat(fx.snapshot("prop_line")).isEqualTo(first);
    }

    @Test
    void gameLinesFromTheHistoricalSampleAreInGameAndAPreGameSnapshotCloses() throws Exception {
        LocalDate day = LocalDate.of(2024, 1, 24);
        ParseAsset lines = fx.parseAsset("odds_api", "odds_game_lines", Parsers.get("oddsa_game_lines"),
                RawFixture.upsert("oddsa_player_prop", "oddsa_game_line"), ParseAsset.Options.defaults().history());
        fx.store("odds_api", "odds_game_lines", day, "h1", Instant.parse("2024-01-25T04:00:00Z"),
                Samples.read("oddsa_game_lines_his", "raw_b722994c.json"));
        String pre = "[{\"id\": \"cd0bc7d0c238f4446ce1c03d0cea7ec4\", \"commence_time\": \"2024-01-25T03:20:30Z\", "
                + "\"home_team\": \"Golden State Warriors\", \"away_team\": \"Atlanta Hawks\", \"bookmakers\": [{\"key\": "
                + "\"draftkings\", \"markets\": [{\"key\": \"spreads\", \"outcomes\": [{\"name\": \"Atlanta Hawks\", \"price\": -110, "
                + "\"point\": 7.5}, {\"name\": \"Golden State Warriors\", \"price\": -110, \"point\": -7.5}]}, {\"key\": \"totals\", "
                + "\"outcomes\": [{\"name\": \"Over\", \"price\": -108, \"point\": 246.5}, {\"name\": \"Under\", \"price\": -112, "
                + "\"point\": 246.5}]}]}, {\"key\": \"fanduel\", \"markets\": [{\"key\": \"spreads\", \"outcomes\": [{\"name\": "
                + "\"Atlanta Hawks\", \"price\": -110, \"point\": 5.5}, {\"name\": \"Golden State Warriors\", \"price\": -110, "
                + "\"point\": -6.5}]}]}]}]";
        fx.store("odds_api", "odds_game_lines", day, "p1", Instant.parse("2024-01-25T02:00:00Z"), pre.getBytes(StandardCharsets.UTF_8));
        fx.run(lines, day);
        fx.run(LineHistoryAsset.gameLines(List.of()), day);
        String key = "20240124_ATL_GSW";
        Map<String, Object> closing = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM game_line WHERE game_key = ? "
                + "AND market = 'spread' AND book = 'draftkings' AND is_closing").bind(0, key).mapToMap().one());
        assertThat(closing).containsEntry("home_point", -7.5).containsEntry("away_point", 7.5).containsEntry("in_game", false);
        Map<String, Object> inGame = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM game_line WHERE game_key = ? "
                + "AND market = 'spread' AND book = 'draftkings' AND in_game").bind(0, key).mapToMap().one());
        assertThat(inGame).containsEntry("home_point", -6.5).containsEntry("home_price_american", -120)
                .containsEntry("is_closing", false);
        String reason = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT flag_reason FROM game_line WHERE book = 'fanduel' "
                + "AND market = 'spread' AND NOT in_game").mapTo(String.class).one());
        assertThat(reason).startsWith("spread sides disagree");
        long usable = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM game_line_usable").mapTo(Long.class).one());
        assertThat(usable).isEqualTo(2);
    }
}
