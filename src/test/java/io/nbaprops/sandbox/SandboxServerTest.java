package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.sandbox.server.FaultConfig;
import io.nbaprops.sandbox.server.SandboxClock;
import io.nbaprops.sandbox.server.SandboxServer;
import io.nbaprops.testing.Samples;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three APIs over HTTP: shapes against the real samples, auth, time gating, pagination, errors. */
class SandboxServerTest {
    private static final Instant SEASON_END = Instant.parse("2025-04-20T00:00:00Z");
    private static SandboxLeague league;
    private static SandboxServer server;
    private static String base;

    @BeforeAll
    static void start() {
        league = TestLeagues.get(2024);
        server = SandboxServer.start(league, 0, SandboxClock.fixedAt(SEASON_END), FaultConfig.OFF);
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode sample(String folder) {
        List<java.nio.file.Path> files = Samples.files(folder);
        try {
            JsonNode best = null;
            for (java.nio.file.Path f : files) {
                JsonNode n = Http.JSON.readTree(Samples.read(f));
                if (best == null || n.toString().length() > best.toString().length()) {
                    best = n;
                }
            }
            return best;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode formatExample(String file) {
        try {
            return Http.JSON.readTree(Samples.read("_format_examples", file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertSameShape(String what, JsonNode sample, JsonNode sandbox) {
        assertThat(ShapeCheck.compare(sample, sandbox)).as(what + " shape vs the real sample").isEmpty();
    }

    private static LeagueGame midSeasonGame() {
        return league.gamesOn(LocalDate.of(2025, 1, 15)).get(0);
    }

    @Test
    void balldontlieResponsesHaveTheRealShapes() {
        LeagueGame g = midSeasonGame();
        assertSameShape("/v1/teams", sample("bdl_teams"), Http.get(base + "/v1/teams").json());
        assertSameShape("/v1/teams/{id}", sample("bdl_team_detail"), Http.get(base + "/v1/teams/2").json());
        assertSameShape("/v1/players", sample("bdl_players"), Http.get(base + "/v1/players?per_page=50").json());
        assertSameShape("/v1/players/active", sample("bdl_active_players"), Http.get(base + "/v1/players/active?per_page=100").json());
        assertSameShape("/v1/players/{id}", sample("bdl_player_detail"), Http.get(base + "/v1/players/237").json());
        assertSameShape("/v1/games", sample("bdl_games"), Http.get(base + "/v1/games?dates[]=" + g.date() + "&per_page=100").json());
        assertSameShape("/v1/games/{id}", sample("bdl_game_detail"), Http.get(base + "/v1/games/" + g.bdlId()).json());
        assertSameShape("/v1/box_scores", sample("bdl_box_scores"), Http.get(base + "/v1/box_scores?date=" + g.date()).json());
        assertSameShape("/v1/stats", sample("bdl_player_box_scores"),
                Http.get(base + "/v1/stats?game_ids[]=" + g.bdlId() + "&per_page=100").json());
        assertSameShape("/v1/player_injuries", sample("bdl_injuries"),
                Http.get(base + "/v1/player_injuries?per_page=100&now=" + g.tipoff()).json());
    }

    @Test
    void oddsApiResponsesHaveTheRealShapes() {
        LeagueGame g = midSeasonGame();
        Instant before = g.tipoff().minusSeconds(3600);
        String key = "&apiKey=k";
        JsonNode events = Http.get(base + "/v4/sports/basketball_nba/events?now=" + before + key).json();
        assertSameShape("/v4/.../events", sample("oddsa_events_his").get("data"), events);
        assertSameShape("historical events", sample("oddsa_events_his"),
                Http.get(base + "/v4/historical/sports/basketball_nba/events?date=" + before + key).json());
        String props = "markets=player_points,player_rebounds,player_assists,player_threes,player_points_rebounds_assists&regions=us";
        assertSameShape("event odds (props, american)", formatExample("oddsa_player_props_raw.json"),
                Http.get(base + "/v4/sports/basketball_nba/events/" + g.eventId() + "/odds?" + props
                        + "&oddsFormat=american&now=" + before + key).json());
        String hist = base + "/v4/historical/sports/basketball_nba/events/" + g.eventId() + "/odds?date=" + before + key + "&regions=us";
        assertSameShape("historical spreads/totals", sample("oddsa_game_lines_his"),
                Http.get(hist + "&markets=spreads,totals").json());
        assertSameShape("historical spreads/totals (props folder)", sample("oddsa_player_props_his"),
                Http.get(hist + "&markets=spreads,totals").json());
        assertSameShape("historical h2h", sample("odds_api_historical_game_lines"), Http.get(hist + "&markets=h2h").json());
        JsonNode all = Http.get(base + "/v4/sports/basketball_nba/odds?regions=us&markets=h2h,spreads,totals&now=" + before + key).json();
        assertThat(all).isNotEmpty();
        for (JsonNode event : all) {
            assertSameShape("/v4/.../odds (all events, game lines)", sample("oddsa_game_lines_his").get("data"), event);
        }
        assertSameShape("401", formatExample("oddsa_events_error.json"),
                Http.get(base + "/v4/sports/basketball_nba/events").json());
    }

    @Test
    void nbaStatsResponsesHaveTheRealShapes() {
        assertSameShape("scheduleleaguev2int", sample("nbac_schedule_api"),
                Http.get(base + "/stats/scheduleleaguev2int?LeagueID=00&Season=2024-25").json());
        assertSameShape("leaguegamelog", sample("nbac_player_boxscore"), Http.get(base + "/stats/leaguegamelog?Counter=1000"
                + "&DateFrom=2025-03-15&DateTo=2025-03-15&Direction=DESC&LeagueID=00&PlayerOrTeam=P&Season=2024-25"
                + "&SeasonType=Regular%20Season&Sorter=DATE").json());
    }

    @Test
    void sandboxValuesMatchTheLeague() {
        LeagueGame g = midSeasonGame();
        JsonNode box = Http.get(base + "/v1/box_scores?date=" + g.date()).json().get("data");
        assertThat(box).hasSize(league.gamesOn(g.date()).size());
        JsonNode first = box.get(0);
        assertThat(first.get("home_team").get("abbreviation").asText()).isEqualTo(g.home());
        assertThat(first.get("home_team_score").asInt()).isEqualTo(g.homeScore());
        int sum = 0;
        for (JsonNode p : first.get("home_team").get("players")) {
            sum += p.get("pts").asInt();
        }
        assertThat(sum).isEqualTo(g.homeScore());
        JsonNode log = Http.get(base + "/stats/leaguegamelog?LeagueID=00&Season=2024-25&SeasonType=Regular%20Season"
                + "&PlayerOrTeam=P&DateFrom=" + g.date() + "&DateTo=" + g.date()).json();
        JsonNode rows = log.get("resultSets").get(0).get("rowSet");
        long played = league.gamesOn(g.date()).stream().flatMap(x -> {
            BoxScore b = league.boxScore(x.index());
            return java.util.stream.Stream.concat(b.home().stream(), b.away().stream());
        }).filter(BoxLine::played).count();
        assertThat(rows).hasSize((int) played);
    }

    @Test
    void authenticationIsRequired() {
        Http.Response bdl = Http.get(base + "/v1/games", null);
        assertThat(bdl.status()).isEqualTo(401);
        assertThat(bdl.json().get("message").asText()).contains("Authorization");
        Http.Response odds = Http.get(base + "/v4/sports/basketball_nba/events");
        assertThat(odds.status()).isEqualTo(401);
        // A key of its own: the quota is counted per key, from 20,000; listing events is free, each market costs 1.
        Http.Response ok = Http.get(base + "/v4/sports/basketball_nba/events?apiKey=quota-test-key");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("x-requests-remaining")).isEqualTo("20000");
        assertThat(ok.header("x-requests-used")).isEqualTo("0");
        assertThat(ok.header("x-requests-last")).isEqualTo("0");
        Http.Response props = Http.get(base + "/v4/sports/basketball_nba/events/" + league.games().get(1229).eventId()
                + "/odds?apiKey=quota-test-key&regions=us&markets=player_points,player_assists&now=2025-04-13T12:00:00Z");
        assertThat(props.status()).isEqualTo(200);
        assertThat(props.header("x-requests-last")).isEqualTo("2");
        assertThat(props.header("x-requests-used")).isEqualTo("2");
        assertThat(props.header("x-requests-remaining")).isEqualTo("19998");
    }

    @Test
    void boxScoresAndStatsAppearOnlyOnceTheGameHasEnded() {
        LeagueGame g = midSeasonGame();
        String day = "/v1/box_scores?date=" + g.date();
        assertThat(Http.get(base + day + "&now=" + g.tipoff().minusSeconds(60)).json().get("data")).isEmpty();
        JsonNode during = Http.get(base + day + "&now=" + g.endsAt().minusSeconds(1)).json().get("data");
        assertThat(during).noneSatisfy(x -> assertThat(x.get("home_team").get("abbreviation").asText()).isEqualTo(g.home()));
        JsonNode after = Http.get(base + day + "&now=" + g.endsAt()).json().get("data");
        assertThat(after).anySatisfy(x -> assertThat(x.get("home_team").get("abbreviation").asText()).isEqualTo(g.home()));
        JsonNode stats = Http.get(base + "/v1/stats?game_ids[]=" + g.bdlId() + "&now=" + g.endsAt().minusSeconds(1)).json();
        assertThat(stats.get("data")).isEmpty();
        JsonNode game = Http.get(base + "/v1/games/" + g.bdlId() + "?now=" + g.tipoff().minusSeconds(60)).json().get("data");
        assertThat(game.get("home_team_score").asInt()).isZero();
        assertThat(game.get("status").asText()).isEqualTo(g.tipoff().toString());
        JsonNode log = Http.get(base + "/stats/leaguegamelog?LeagueID=00&Season=2024-25&SeasonType=Regular%20Season"
                + "&PlayerOrTeam=P&DateFrom=" + g.date() + "&DateTo=" + g.date() + "&now=" + g.tipoff()).json();
        assertThat(log.get("resultSets").get(0).get("rowSet")).isEmpty();
        JsonNode sched = Http.get(base + "/stats/scheduleleaguev2int?LeagueID=00&Season=2024-25&now=" + g.tipoff().minusSeconds(1)).json();
        for (JsonNode day2 : sched.get("leagueSchedule").get("gameDates")) {
            for (JsonNode x : day2.get("games")) {
                if (x.get("gameId").asText().equals(g.gameId())) {
                    assertThat(x.get("gameStatus").asInt()).isEqualTo(1);
                    assertThat(x.get("homeTeam").get("score").asInt()).isZero();
                }
            }
        }
    }

    /** PRA is priced like the other markets: live and historical, each book's line as the league has it at that moment. */
    @Test
    void praLinesAreServedLiveAndHistorically() {
        LeagueGame g = midSeasonGame();
        // On the historical endpoint's 5-minute grid, so both answers are the lines at this very moment.
        Instant at = g.tipoff().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String q = "/odds?apiKey=k&regions=us&markets=player_points_rebounds_assists&bookmakers=draftkings&oddsFormat=american";
        JsonNode live = Http.get(base + "/v4/sports/basketball_nba/events/" + g.eventId() + q + "&now=" + at).json();
        JsonNode hist = Http.get(base + "/v4/historical/sports/basketball_nba/events/" + g.eventId() + q + "&date=" + at).json()
                .get("data");
        Map<String, Double> expected = new java.util.TreeMap<>();
        for (PropLine pl : league.propLines(g.index())) {
            PropSnapshot s = pl.at(at, g.tipoff());
            if (pl.market() == Market.PRA && pl.book().key().equals("draftkings") && s != null) {
                expected.put(league.player(pl.playerIndex()).fullName(), s.line());
            }
        }
        assertThat(expected).hasSizeGreaterThan(8);
        for (JsonNode odds : List.of(live, hist)) {
            JsonNode market = odds.get("bookmakers").get(0).get("markets").get(0);
            assertThat(market.get("key").asText()).isEqualTo("player_points_rebounds_assists");
            Map<String, Double> served = new java.util.TreeMap<>();
            for (JsonNode o : market.get("outcomes")) {
                if (o.get("name").asText().equals("Over")) {
                    served.put(o.get("description").asText(), o.get("point").asDouble());
                }
            }
            assertThat(served).isEqualTo(expected);
        }
    }

    @Test
    void linesAreVisibleOnlyBeforeTipOffAndTheHeaderSetsNow() {
        LeagueGame g = midSeasonGame();
        String url = base + "/v4/sports/basketball_nba/events/" + g.eventId()
                + "/odds?apiKey=k&regions=us&markets=player_points&oddsFormat=american&now=";
        JsonNode before = Http.get(url + g.tipoff().minusSeconds(120)).json();
        assertThat(before.get("bookmakers")).isNotEmpty();
        for (JsonNode b : before.get("bookmakers")) {
            assertThat(Instant.parse(b.get("last_update").asText())).isBefore(g.tipoff());
        }
        assertThat(Http.get(url + g.tipoff()).json().get("bookmakers")).isEmpty();
        assertThat(Http.get(url + "2025-01-13T08:00:00Z").json().get("bookmakers")).as("not posted yet").isEmpty();
        JsonNode hist = Http.get(base + "/v4/historical/sports/basketball_nba/events/" + g.eventId()
                + "/odds?apiKey=k&regions=us&markets=player_points&date=" + g.tipoff().plusSeconds(600)).json();
        assertThat(hist.get("data").get("bookmakers")).as("no line after tip-off").isEmpty();
        assertThat(Http.get(base + "/v4/historical/sports/basketball_nba/events/" + g.eventId()
                + "/odds?apiKey=k&regions=us&markets=player_points&date=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        // the X-Sandbox-Now header, like now=, moves the clock for one request
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/box_scores?date=" + g.date()))
                .header("Authorization", "k").header("X-Sandbox-Now", g.tipoff().toString()).build();
        try {
            var resp = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(Http.JSON.readTree(resp.body()).get("data")).isEmpty();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void injuryListReflectsReportsMadeByNow() {
        InjuryReport r = league.injuryReports().get(league.injuryReports().size() / 2);
        LeaguePlayer p = league.player(r.playerIndex());
        JsonNode before = Http.get(base + "/v1/player_injuries?per_page=100&player_ids[]=" + p.bdlId() + "&now="
                + r.reportedAt().minusSeconds(1)).json();
        JsonNode after = Http.get(base + "/v1/player_injuries?per_page=100&player_ids[]=" + p.bdlId() + "&now="
                + r.reportedAt()).json();
        if (r.status() != InjuryStatus.AVAILABLE) {
            assertThat(after.get("data")).hasSize(1);
            assertThat(after.get("data").get(0).get("status").asText()).isEqualTo(r.status().balldontlie());
        }
        assertThat(before.get("data").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void cursorsWalkEveryPageWithoutRepeats() {
        assertThat(walk("/v1/players?per_page=37")).hasSize(league.players().size());
        LeagueGame g = midSeasonGame();
        int lines = league.gamesOn(g.date()).stream().mapToInt(x -> league.boxScore(x.index()).home().size()
                + league.boxScore(x.index()).away().size()).sum();
        assertThat(walk("/v1/stats?dates[]=" + g.date() + "&per_page=25")).hasSize(lines);
        assertThat(walk("/v1/games?seasons[]=2024&per_page=100")).hasSize(1230);
    }

    private static Set<Long> walk(String path) {
        Set<Long> ids = new HashSet<>();
        Long cursor = null;
        int pages = 0;
        while (true) {
            JsonNode page = Http.get(base + path + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode item : page.get("data")) {
                assertThat(ids.add(item.get("id").asLong())).as("id %s repeated", item.get("id")).isTrue();
            }
            JsonNode next = page.get("meta").get("next_cursor");
            assertThat(++pages).isLessThan(200);
            if (next == null) {
                return ids;
            }
            cursor = next.asLong();
        }
    }

    @Test
    void badRequestsGetA400NamingTheParameter() {
        for (String[] c : List.of(new String[] {"/v1/games?dates[]=2025-13-45", "dates[]"},
                new String[] {"/v1/box_scores", "date"}, new String[] {"/v1/games?per_page=1000", "per_page"},
                new String[] {"/v1/stats?cursor=abc", "cursor"}, new String[] {"/v1/games?now=yesterday", "now"},
                new String[] {"/v4/sports/basketball_nba/events/x/odds?apiKey=k&markets=h2h", "regions"},
                new String[] {"/stats/leaguegamelog?LeagueID=00&Season=2024-25&SeasonType=Regular%20Season", "PlayerOrTeam"})) {
            Http.Response r = Http.get(base + c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(c[0].contains("events/x") ? 404 : 400);
            if (r.status() == 400) {
                assertThat(r.json().get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
                assertThat(r.json().get("message").asText()).contains(c[1]);
            }
        }
        Http.Response noRegions = Http.get(base + "/v4/sports/basketball_nba/events/" + midSeasonGame().eventId()
                + "/odds?apiKey=k&markets=h2h&now=2025-01-15T12:00:00Z");
        assertThat(noRegions.status()).isEqualTo(400);
        assertThat(noRegions.json().get("parameter").asText()).isEqualTo("regions");
    }

    @Test
    void aBoxScoreDayIsServedFast() {
        LeagueGame g = midSeasonGame();
        String url = base + "/v1/box_scores?date=" + g.date();
        Http.get(url);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            assertThat(Http.get(url).status()).isEqualTo(200);
            nanos.add(System.nanoTime() - t0);
        }
        nanos.sort(Long::compare);
        assertThat(nanos.get(nanos.size() / 2) / 1e6).as("median ms").isLessThan(50);
    }

    @Test
    void sameSeedSameBytes() {
        SandboxLeague twin = TestLeagues.twin(2024);
        try (SandboxServer other = SandboxServer.start(twin, 0, SandboxClock.fixedAt(SEASON_END), FaultConfig.OFF);
                SandboxServer different = SandboxServer.start(TestLeagues.get(7), 0, SandboxClock.fixedAt(SEASON_END),
                        FaultConfig.OFF)) {
            LeagueGame g = midSeasonGame();
            Instant before = g.tipoff().minusSeconds(1800);
            for (String path : List.of("/v1/box_scores?date=" + g.date(), "/v1/games?dates[]=" + g.date(),
                    "/v1/stats?game_ids[]=" + g.bdlId(), "/v1/player_injuries?now=" + before,
                    "/v4/sports/basketball_nba/events/" + g.eventId() + "/odds?apiKey=k&regions=us&markets=player_points,spreads&now=" + before,
                    "/stats/leaguegamelog?LeagueID=00&Season=2024-25&SeasonType=Regular%20Season&PlayerOrTeam=P&DateFrom="
                            + g.date() + "&DateTo=" + g.date())) {
                byte[] a = Http.get(base + path).body();
                assertThat(Http.get(other.baseUrl() + path).body()).as(path).isEqualTo(a);
                if (!path.contains("injuries")) {
                    assertThat(Http.get(different.baseUrl() + path).body()).as(path).isNotEqualTo(a);
                }
            }
        }
    }
}
