package io.nbaprops.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.SourceConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.Dependency;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.Parsers;
import io.nbaprops.source.http.LocalServer;
import io.nbaprops.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asset registry: it builds a valid graph, every endpoint's parser and tables exist, and
 * collect + parse pairs work end to end against a loopback server serving the real samples.
 */
class SourceAssetsTest {
    private static final String KEY = "odds-key-123456";

    @TempDir
    Path dir;
    private RawFixture fx;
    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void open() {
        fx = new RawFixture(dir);
        server = new LocalServer();
        fetcher = new HttpFetcher(s -> new SourceConfig(server.baseUrl(), "ODDS_KEY", s.equals("odds_api") ? "query:apiKey" : "none",
                6000, 1000, 5000, 1, 5, 20, "nbaprops-test", Map.of()), new Secrets(Map.of("ODDS_KEY", KEY), null), fx.archive,
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        server.close();
        fx.close();
    }

    private Asset asset(String name) {
        return SourceAssets.all(fetcher, fx.archive).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRegistryIsAValidGraphWithKnownParsersAndExistingTables() {
        List<Asset> all = SourceAssets.all(fetcher, fx.archive);
        List<String> order = new AssetGraph(all).ordered().stream().map(Asset::name).toList();
        assertThat(order).containsExactlyInAnyOrderElementsOf(all.stream().map(Asset::name).toList());
        for (Asset a : all) {
            for (Dependency d : a.upstream()) {
                if (!d.asset().equals(a.name())) {
                    assertThat(order.indexOf(d.asset())).as(d.asset() + " before " + a.name()).isLessThan(order.indexOf(a.name()));
                }
            }
        }
        assertThat(order.indexOf("collect_bdl_box_scores")).isLessThan(order.indexOf("raw_bdl_box_scores"));
        assertThat(all).extracting(Asset::name).contains("collect_bdl_box_scores", "raw_bdl_box_scores", "raw_nbac_injury_report",
                "raw_oddsa_player_props", "raw_bp_player_props", "raw_br_roster", "prop_line", "game_line");
        Set<String> tables = new HashSet<>(fx.warehouse.jdbi().withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables").mapTo(String.class).list()));
        for (SourceAssets.Endpoint e : SourceAssets.endpoints()) {
            assertThat(Parsers.find(e.source())).as(e.source()).isPresent();
            assertThat(tables).as("tables of " + e.source()).containsAll(e.tables().keySet());
        }
    }

    @Test
    void boxScoresCollectedThenParsed() throws Exception {
        byte[] sample = Samples.read("bdl_box_scores", "raw_7a649e12.json");
        server.route("/v1/box_scores", (ex, n) -> LocalServer.send(ex, 200, "application/json",
                new String(sample, StandardCharsets.UTF_8)));
        LocalDate d = LocalDate.of(2024, 1, 15);
        fx.run(asset("collect_bdl_box_scores"), d);
        assertThat(server.seen().get(0).pathAndQuery()).isEqualTo("/v1/box_scores?date=2024-01-15");
        fx.run(asset("raw_bdl_box_scores"), d);
        assertThat(fx.count("bdl_box_score_player")).isEqualTo(384);
    }

    @Test
    void gamesFollowTheCursorAcrossPages() throws Exception {
        server.route("/v1/games", (ex, n) -> LocalServer.send(ex, 200, "application/json", n == 1
                ? "{\"data\": [{\"id\": 1, \"date\": \"2025-01-20\", \"season\": 2024, \"status\": \"Final\", \"home_team\": "
                        + "{\"id\": 14, \"abbreviation\": \"LAL\"}, \"visitor_team\": {\"id\": 2, \"abbreviation\": \"BOS\"}}], "
                        + "\"meta\": {\"next_cursor\": 2, \"per_page\": 1}}"
                : "{\"data\": [{\"id\": 2, \"date\": \"2025-01-20\", \"season\": 2024, \"status\": \"Final\", \"home_team\": "
                        + "{\"id\": 24, \"abbreviation\": \"PHX\"}, \"visitor_team\": {\"id\": 30, \"abbreviation\": \"WAS\"}}], "
                        + "\"meta\": {\"per_page\": 1}}"));
        LocalDate d = LocalDate.of(2025, 1, 20);
        assertThat(fx.run(asset("collect_bdl_games"), d).message()).startsWith("2 payload(s)");
        fx.run(asset("raw_bdl_games"), d);
        List<String> keys = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT game_key FROM bdl_game ORDER BY game_id")
                .mapTo(String.class).list());
        assertThat(keys).containsExactly("20250120_BOS_LAL", "20250120_WAS_PHX");
    }

    @Test
    void perGameCollectorsReadTheDaysGamesAndGoOnPastAFailure() throws Exception {
        byte[] schedule = Samples.read("nbac_schedule_api", "raw_80cb1fd6.json.gz");
        byte[] box = Samples.read("nbac_team_boxscore", "raw_12f99055.json");
        server.route("/stats/scheduleleaguev2int", (ex, n) -> LocalServer.send(ex, 200, "application/json",
                new String(schedule, StandardCharsets.UTF_8)));
        server.route("/stats/boxscoretraditionalv3", (ex, n) -> {
            if (ex.getRequestURI().getQuery().contains("0022400565")) {
                LocalServer.send(ex, 404, "application/json", "{\"message\": \"not yet\"}");
            } else {
                LocalServer.send(ex, 200, "application/json", new String(box, StandardCharsets.UTF_8));
            }
        });
        LocalDate d = LocalDate.of(2025, 1, 15);
        fx.run(asset("collect_nbac_schedule_api"), d);
        fx.run(asset("raw_nbac_schedule_api"), d);
        String msg = fx.run(asset("collect_nbac_team_boxscore"), d).message();
        assertThat(msg).startsWith("10 payload(s)").contains("1 request(s) failed").contains("game 0022400565");
        assertThat(server.count("/stats/boxscoretraditionalv3")).isEqualTo(11);
        fx.run(asset("raw_nbac_team_boxscore"), d);
        assertThat(fx.count("nbac_box_score_player")).isEqualTo(25);
    }

    @Test
    void theInjuryReportCollectorFindsTheLatestPublishedHour() throws Exception {
        byte[] pdf = Samples.read("nbac_injury_report", "raw_f4391904.pdf");
        server.route("/referee/injury/", (ex, n) -> {
            if (ex.getRequestURI().getPath().endsWith("Injury-Report_2024-01-04_12PM.pdf")) {
                ex.getResponseHeaders().add("Content-Type", "application/pdf");
                ex.sendResponseHeaders(200, pdf.length);
                ex.getResponseBody().write(pdf);
            } else {
                LocalServer.send(ex, 403, "application/xml", "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>");
            }
        });
        LocalDate d = LocalDate.of(2024, 1, 4);
        fx.run(asset("collect_nbac_injury_report"), d);
        // A past date: the report published by its prediction time (no schedule: 19:00 ET cut-off, 18:00 less 15 minutes'
        // grace), so 5 PM back to noon: six tries, the last one found (never the 11 PM report, published after the games).
        assertThat(server.count("/referee/injury/")).isEqualTo(6);
        fx.run(asset("raw_nbac_injury_report"), d);
        assertThat(fx.count("nbac_injury_report")).isEqualTo(14);
    }

    @Test
    void theOddsApiQuotaIsStoredWithTheCollection() throws Exception {
        // Read before serving: inside the handler a missing sample would drop the connection instead of skipping.
        String events = new String(Samples.read("oddsa_events_his", "raw_4c3bc8f6.json"), StandardCharsets.UTF_8);
        server.route("/v4/historical/sports/basketball_nba/events", (ex, n) -> LocalServer.send(ex, 200, "application/json", events,
                "x-requests-remaining", "120", "x-requests-used", "19880", "x-requests-last", "10"));
        fx.clock = Clock.fixed(Instant.parse("2024-02-01T12:00:00Z"), ZoneOffset.UTC);
        LocalDate d = LocalDate.of(2024, 1, 25);
        String msg = fx.run(asset("collect_oddsa_events"), d).message();
        assertThat(msg).contains("quota remaining 120 (NEARLY USED UP)");
        // A past date's events as of its prediction time (no schedule: 19:00 ET cut-off less an hour = 23:00 UTC).
        assertThat(server.seen().get(0).pathAndQuery()).contains("date=2024-01-25T23%3A00%3A00Z").contains("apiKey=" + KEY);
        Map<String, Object> q = fx.warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM source_quota").mapToMap().one());
        assertThat(q).containsEntry("source", "odds_api").containsEntry("requests_remaining", 120L)
                .containsEntry("nearly_used_up", true);
        fx.run(asset("raw_oddsa_events"), d);
        assertThat(fx.count("oddsa_event")).isEqualTo(10);
        assertThat(fx.snapshot("raw_payload").toString()).doesNotContain(KEY);
    }
}
