package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.store.RowBatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The read API against a real server over a real DuckDB with runs, a failure, predictions, grades and an alert. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceApiTest {
    /** Strings that would do harm if they ever reached SQL text, a path or the page unescaped. */
    static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE run_history; --", "2025-01-01' --",
            "\" OR 1=1 --", "x'); DELETE FROM alert; --", "1 UNION SELECT * FROM audit_log", "../../etc/passwd",
            "<script>alert(1)</script>", "%27%20OR%201%3D1", "prediction' AND sleep(5) --", "0x27", "*");

    /** Every read endpoint and every parameter it takes. */
    static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(Map.entry("/api/status", List.of("to", "days")),
            Map.entry("/api/status/date", List.of("date")), Map.entry("/api/today", List.of("date")),
            Map.entry("/api/runs", List.of("asset", "from", "to", "date", "status", "limit")),
            Map.entry("/api/predictions", List.of("date", "system", "player", "market", "limit")),
            Map.entry("/api/performance", List.of("system", "market", "from", "to")),
            Map.entry("/api/alerts", List.of("status", "limit")), Map.entry("/api/dead-letters", List.of("limit")),
            Map.entry("/api/audit", List.of("action", "limit")), Map.entry("/api/latency", List.of("from", "to")),
            Map.entry("/api/errors", List.of("asset", "kind", "limit")), Map.entry("/api/stuck", List.of()),
            Map.entry("/api/sources", List.of()), Map.entry("/api/assets", List.of()), Map.entry("/api/ops", List.of()),
            Map.entry("/api/actions/jobs", List.of()));

    @TempDir
    static Path dir;
    ServiceFixture f;
    LocalDate today;
    String s1;
    String s2;

    /** The platform under test; the PostgreSQL variant overrides this. */
    ServiceFixture open() {
        return new ServiceFixture(dir, true);
    }

    @BeforeAll
    void start() {
        f = open();
        today = f.today;
        s1 = f.platform.predictions().systems().ids().get(0);
        s2 = f.platform.predictions().systems().ids().get(1);
        f.seedResults();
        assertThat(f.runDay(today.minusDays(2)).allSucceeded()).isTrue();
        f.summaryBroken.set(true);
        f.runDay(today.minusDays(1));
        f.summaryBroken.set(false);
        // A run left RUNNING by a process that went away ten minutes ago.
        Instant tenAgo = Instant.now().minusSeconds(600);
        f.platform.warehouse().write(tx -> tx.upsert(RowBatch.of("run_history", "run_id", "asset", "partition_date", "attempt", "status",
                "trigger_source", "node", "started_at", "heartbeat_at").add("stuck-run-1", "export_results", today.minusDays(3), 1,
                "RUNNING", "schedule", "gone-node", tenAgo, tenAgo)));
        f.platform.alerts().raise(new Alert(Severity.CRITICAL, "run_failed", "run_failed:player_summary", "player_summary failed", "missing"));
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    static List<JsonNode> list(JsonNode n) {
        return StreamSupport.stream(n.spliterator(), false).toList();
    }

    JsonNode ok(String path) {
        ServiceFixture.Reply r = f.get(path);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void statusGridHasEveryAssetAndDateWithTheFailureAndItsReason() {
        JsonNode g = ok("/api/status?to=" + today + "&days=3");
        assertThat(list(g.get("dates")).stream().map(JsonNode::asText)).containsExactly(today.minusDays(2).toString(),
                today.minusDays(1).toString(), today.toString());
        assertThat(list(g.get("assets")).stream().map(a -> a.get("name").asText())).containsExactly("collect_box_scores",
                "player_summary", "prediction", "export_results");
        Map<String, JsonNode> cells = new java.util.HashMap<>();
        g.get("cells").forEach(c -> cells.put(c.get("asset").asText() + "|" + c.get("partition_date").asText(), c));
        assertThat(cells.get("collect_box_scores|" + today.minusDays(2)).get("state").asText()).isEqualTo("SUCCESS");
        assertThat(cells.get("collect_box_scores|" + today.minusDays(2)).get("last_rows_written").asLong()).isEqualTo(4);
        JsonNode failed = cells.get("player_summary|" + today.minusDays(1));
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).contains("box score file for " + today.minusDays(1) + " is missing");
        assertThat(cells.get("prediction|" + today.minusDays(1)).get("state").asText()).isEqualTo("WAITING");
        assertThat(cells).doesNotContainKey("prediction|" + today);
        assertThat(list(g.get("games_per_date"))).singleElement().satisfies(x -> {
            assertThat(x.get("game_date").asText()).isEqualTo(today.toString());
            assertThat(x.get("games").asLong()).isEqualTo(2);
        });
        // Paging back beyond the window: older dates come back, with nothing run on them.
        JsonNode older = ok("/api/status?to=" + today.minusDays(40) + "&days=14");
        assertThat(older.get("dates")).hasSize(14);
        assertThat(older.get("cells")).isEmpty();
        JsonNode detail = ok("/api/status/date?date=" + today.minusDays(1));
        assertThat(list(detail).stream().map(d -> d.get("name").asText() + "=" + d.get("state").asText()))
                .containsExactly("collect_box_scores=SUCCESS", "player_summary=FAILED", "prediction=WAITING", "export_results=WAITING");
    }

    @Test
    void runHistoryFiltersByAssetStatusAndDate() {
        List<JsonNode> failed = list(ok("/api/runs?asset=player_summary&status=FAILED"));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("partition_date").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(failed.get(0).get("error").asText()).contains("IllegalStateException").contains("is missing");
        List<JsonNode> day = list(ok("/api/runs?date=" + today.minusDays(2)));
        assertThat(day).hasSize(4).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("SUCCESS"));
        assertThat(list(ok("/api/runs?from=" + today.minusDays(2) + "&to=" + today.minusDays(1) + "&limit=2"))).hasSize(2);
        assertThat(list(ok("/api/runs?status=RUNNING")).stream().map(r -> r.get("run_id").asText())).containsExactly("stuck-run-1");
    }

    @Test
    void predictionsBySystemAndPlayer() {
        assertThat(list(ok("/api/predictions?date=" + today + "&system=" + s1))).hasSize(3);
        List<JsonNode> one = list(ok("/api/predictions?date=" + today + "&player=jaysontatum"));
        assertThat(one).hasSize(2).allSatisfy(p -> {
            assertThat(p.get("player_name").asText()).isEqualTo("Jayson Tatum");
            assertThat(p.get("predicted").asDouble()).isEqualTo(27.5);
            assertThat(p.get("line_value").asDouble()).isEqualTo(25.5);
            assertThat(p.get("result").isNull()).isTrue();
        });
        assertThat(list(ok("/api/predictions?date=" + today.minusDays(30)))).isEmpty();
    }

    @Test
    void performanceTotalsBreakdownsAndCalibration() {
        JsonNode p = ok("/api/performance?from=" + today.minusDays(2) + "&to=" + today);
        Map<String, JsonNode> sys = new java.util.HashMap<>();
        p.get("systems").forEach(s -> sys.put(s.get("system_id").asText(), s));
        // s1: 6-4 (+1.2 u) and 3-7 (-3.5 u) = 9 of 20, -2.3 u over 20 picks.
        assertThat(sys.get(s1).get("picks").asLong()).isEqualTo(20);
        assertThat(sys.get(s1).get("win_rate").asDouble()).isCloseTo(0.45, within(1e-9));
        assertThat(sys.get(s1).get("profit_units").asDouble()).isCloseTo(-2.3, within(1e-9));
        assertThat(sys.get(s1).get("roi").asDouble()).isCloseTo(-0.115, within(1e-9));
        assertThat(sys.get(s2).get("win_rate").asDouble()).isCloseTo(0.625, within(1e-9));
        assertThat(p.get("daily")).hasSize(3);
        JsonNode edge = list(p.get("breakdown")).stream().filter(b -> b.get("dimension").asText().equals("edge")).findFirst().orElseThrow();
        assertThat(edge.get("picks").asLong()).isEqualTo(10);
        assertThat(edge.get("win_rate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(edge.get("roi").asDouble()).isCloseTo(-0.07, within(1e-9));
        JsonNode decile = list(p.get("breakdown")).stream().filter(b -> b.get("dimension").asText().equals("decile")).findFirst().orElseThrow();
        assertThat(decile.get("mean_stated").asDouble()).isCloseTo(0.575, within(1e-9));
        assertThat(decile.get("win_rate").asDouble()).isCloseTo(0.3, within(1e-9));
        JsonNode only = ok("/api/performance?system=" + s2 + "&from=" + today.minusDays(2) + "&to=" + today);
        assertThat(only.get("systems")).hasSize(1);
    }

    @Test
    void todayCardsAndGameCoverage() {
        JsonNode t = ok("/api/today?date=" + today);
        assertThat(t.get("games").asLong()).isEqualTo(2);
        assertThat(t.get("predictions").asLong()).isEqualTo(6);
        assertThat(t.get("picks").asLong()).isEqualTo(4);
        assertThat(t.get("predicted_players").asLong()).isEqualTo(3);
        // The card counts the open alerts stored (the one raised in set-up at least; another test may ack one).
        long open = f.count("SELECT count(*) FROM alert WHERE status = 'OPEN'");
        assertThat(open).isPositive();
        assertThat(t.get("open_alerts").asLong()).isEqualTo(open);
        Map<String, JsonNode> games = new java.util.HashMap<>();
        t.get("game_coverage").forEach(g -> games.put(g.get("game_key").asText(), g));
        assertThat(games.get("G1").get("context").asLong()).isEqualTo(2);
        assertThat(games.get("G1").get("predicted").asLong()).isEqualTo(2);
        assertThat(games.get("G2").get("predicted").asLong()).isEqualTo(1);
        assertThat(games.get("G2").get("context").asLong()).isZero();
    }

    @Test
    void latencyStuckRunsErrorsSourcesAndAlerts() {
        JsonNode l = ok("/api/latency?from=" + today.minusDays(5) + "&to=" + today);
        JsonNode collect = list(l.get("assets")).stream().filter(a -> a.get("asset").asText().equals("collect_box_scores")).findFirst()
                .orElseThrow();
        assertThat(collect.get("runs").asLong()).isEqualTo(2);
        assertThat(collect.get("p95_ms").asLong()).isGreaterThanOrEqualTo(collect.get("p50_ms").asLong());
        assertThat(list(l.get("end_to_end")).stream().map(e -> e.get("date").asText())).containsExactly(today.minusDays(2).toString());
        assertThat(list(l.get("end_to_end")).get(0).get("seconds").asDouble()).isBetween(0.0, 60.0);

        List<JsonNode> stuck = list(ok("/api/stuck"));
        assertThat(stuck).singleElement().satisfies(s -> {
            assertThat(s.get("run_id").asText()).isEqualTo("stuck-run-1");
            assertThat(s.get("why").asText()).contains("no heartbeat for");
        });
        assertThat(list(ok("/api/errors?asset=player_summary"))).anySatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("FAILED");
            assertThat(e.get("message").asText()).contains("is missing");
        });
        JsonNode src = ok("/api/sources");
        assertThat(list(src.get("payloads"))).singleElement().satisfies(p -> {
            assertThat(p.get("source").asText()).isEqualTo("balldontlie");
            assertThat(p.get("payloads").asLong()).isEqualTo(1); // the 500 answer is not a success
        });
        assertThat(list(src.get("collect_runs")).stream().map(c -> c.get("asset").asText())).containsExactly("collect_box_scores");
        assertThat(list(ok("/api/alerts?status=open"))).anySatisfy(a -> assertThat(a.get("title").asText()).isEqualTo("player_summary failed"));
        assertThat(ok("/api/dead-letters").get("count").asLong()).isZero();
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        Map<String, String> cases = Map.of("/api/runs?date=2025-13-01", "date", "/api/runs?limit=0", "limit", "/api/runs?limit=5000", "limit",
                "/api/runs?asset=nope", "asset", "/api/runs?status=DONE", "status", "/api/predictions?player=LeBron%20James", "player",
                "/api/status?days=100", "days", "/api/performance?from=2020-01-01&to=2025-01-01", "from", "/api/alerts?state=open", "state",
                "/api/runs?date=2025-01-01&from=2025-01-01", "date");
        cases.forEach((path, param) -> {
            ServiceFixture.Reply r = f.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(path).isEqualTo(param);
            assertThat(r.json().get("error").asText()).as(path).contains(param);
        });
        ServiceFixture.Reply nothing = f.get("/api/nothing-here");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.json().get("error").asText()).isEqualTo("no such endpoint: GET /api/nothing-here");
        assertThat(f.get("/api/actions/jobs/not-a-uuid").status()).isEqualTo(400);
        // A real 404 names what is missing.
        ServiceFixture.Reply noJob = f.get("/api/actions/jobs/00000000-0000-0000-0000-000000000000");
        assertThat(noJob.status()).isEqualTo(404);
        assertThat(noJob.json().get("error").asText()).isEqualTo("no job 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void extremeDatesMalformedEscapesAndControlCharactersAre400sThatSaySo() {
        Map<String, String> cases = Map.of("/api/status?to=-999999999-01-01", "to", "/api/performance?to=%2B999999999-12-31", "to",
                "/api/latency?to=%2B999999999-12-31", "to", "/api/latency?from=2999-01-01&to=2999-01-02", "to",
                "/api/runs?date=1900-01-01", "date", "/api/status/date?date=2999-01-01", "date", "/api/runs?limit=%zz", "limit",
                "/api/runs?asset=%zz&limit=5", "asset", "/api/predictions?player=lebron%00james", "player",
                "/api/runs?status=FAILED%0A", "status");
        cases.forEach((path, param) -> {
            ServiceFixture.Reply r = f.getRaw(path);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("parameter").asText()).as(path).isEqualTo(param);
        });
        String far = f.get("/api/status?to=-999999999-01-01").json().get("error").asText();
        assertThat(far).contains("outside the dates the platform knows").contains(Params.EARLIEST.toString()).contains(Params.latest().toString());
        assertThat(f.getRaw("/api/runs?limit=%zz").json().get("error").asText()).contains("malformed %-escape");
        assertThat(f.getRaw("/api/predictions?player=lebron%00james").json().get("error").asText()).contains("control character");
        // The edges themselves are dates like any other.
        assertThat(f.get("/api/runs?date=" + Params.EARLIEST).status()).isEqualTo(200);
        assertThat(f.get("/api/runs?date=" + Params.latest()).status()).isEqualTo(200);
    }

    @Test
    void theApiNeedsAKeyTheReadKeyReadsAndEveryAnswerHasSecurityAndCacheHeaders() throws Exception {
        for (String path : ENDPOINTS.keySet()) {
            ServiceFixture.Reply none = f.get(path, null);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.json().get("error").asText()).as(path).contains("missing API key");
            ServiceFixture.Reply read = f.get(path, ServiceFixture.READ_KEY);
            assertThat(read.status()).as(path + " -> " + read.body()).isIn(200, 400); // 400: /api/status/date needs its date
        }
        assertThat(f.get("/metrics", null).status()).isEqualTo(401);
        assertThat(f.get("/api/runs", ServiceFixture.READ_KEY + "-not").status()).isEqualTo(401);
        // Prometheus sends the key as a bearer token.
        var bearer = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/metrics")))
                .header("Authorization", "Bearer " + ServiceFixture.READ_KEY).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).contains("nbaprops_");
        for (String path : List.of("/api/runs", "/api/nothing", "/api/runs?limit=0", "/health/live", "/health/ready", "/metrics")) {
            for (String key : java.util.Arrays.asList(ServiceFixture.API_KEY, null)) {
                var r = f.http.send(withKey(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url(path))), key).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                String what = path + (key == null ? " without a key" : "") + " -> " + r.statusCode();
                assertThat(r.headers().firstValue("Cache-Control")).as(what).contains("no-store");
                assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(what).isPresent();
                if (r.statusCode() >= 400) {
                    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
                    assertThat(f.json.readTree(r.body()).get("error").asText()).as(what).isNotBlank();
                }
            }
        }
        // The dashboard's files are public and revalidated; the versioned chart library is cached for good.
        var page = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        var again = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/"))).header("If-None-Match", etag).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        var chart = f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/webjars/chart.js/4.4.1/dist/chart.umd.js")))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        // Readiness is public, but only states: details are for key holders.
        JsonNode ready = f.get("/health/ready", null).json();
        assertThat(ready.get("components").get("warehouse").has("state")).isTrue();
        assertThat(ready.get("components").get("warehouse").has("detail")).isFalse();
        assertThat(f.get("/api/health").json().get("components").get("warehouse").get("detail").asText()).endsWith(" answers");
    }

    static java.net.http.HttpRequest.Builder withKey(java.net.http.HttpRequest.Builder b, String key) {
        return key == null ? b : b.header("X-API-Key", key);
    }

    @Test
    void injectionStringsInEveryParameterDoNothingButA400OrAnEmptyResult() {
        long runs = f.count("SELECT count(*) FROM run_history");
        long alerts = f.count("SELECT count(*) FROM alert");
        long out = f.count("SELECT count(*) FROM svc_out");
        List<String> checked = new ArrayList<>();
        ENDPOINTS.forEach((path, params) -> {
            List<String> names = new ArrayList<>(params);
            names.add("x' OR '1'='1"); // a hostile parameter name too
            for (String param : names) {
                for (String bad : HOSTILE) {
                    String q = path + "?" + enc(param) + "=" + enc(bad);
                    ServiceFixture.Reply r = f.getRaw(q);
                    checked.add(q);
                    if (r.status() == 200) {
                        JsonNode n = r.json();
                        assertThat(n.isArray() ? n.size() : 0).as(q + " answered 200 with data: " + r.body()).isZero();
                    } else {
                        assertThat(r.status()).as(q + " -> " + r.body()).isEqualTo(400);
                        assertThat(r.json().get("parameter").asText()).as(q).isEqualTo(param);
                        // Echoed values are clipped, and come back as JSON text, never as markup the dashboard would run.
                        assertThat(r.body()).doesNotContain("DROP TABLE run_history; --\"");
                    }
                }
            }
        });
        for (String bad : HOSTILE) {
            int s = f.getRaw("/api/actions/jobs/" + enc(bad)).status();
            assertThat(s).as(bad).isIn(400, 404);
        }
        assertThat(checked).hasSizeGreaterThan(400);
        assertThat(f.count("SELECT count(*) FROM run_history")).isEqualTo(runs);
        assertThat(f.count("SELECT count(*) FROM alert")).isEqualTo(alerts);
        assertThat(f.count("SELECT count(*) FROM svc_out")).isEqualTo(out);
        assertThat(f.platform.engine().store().state("player_summary", today.minusDays(1)).orElseThrow().state())
                .isEqualTo(RunStatus.FAILED.name());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
