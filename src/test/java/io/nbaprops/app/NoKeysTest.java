package io.nbaprops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.alert.AlertRecord;
import io.nbaprops.service.HealthComponent;
import io.nbaprops.service.ServiceServer;
import io.nbaprops.testing.LocalHttpServer;
import io.nbaprops.testing.TestPlatform;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No keys, no calls: the real pipeline under the daily plan with no source keys set (balldontlie and The Odds API
 * point at a local server that records every request) and the keyless NBA.com hosts unreachable (a closed port). The
 * morning job runs and nothing is fetched, no run fails, no CRITICAL alert is raised; each source gets one WARNING
 * saying how to configure it, and readiness shows it as "not configured" (not down: the service stays ready).
 */
class NoKeysTest {
    @TempDir
    Path dir;

    @Test
    void sourcesWithoutKeysOrUnreachableAreNotScheduledAndWarnOnce() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (LocalHttpServer recorder = new LocalHttpServer()) {
            Map<String, String> env = TestPlatform.env(dir, recorder.baseUrl());
            env.remove("BALLDONTLIE_API_KEY");
            env.remove("ODDS_API_KEY");
            for (String keyless : new String[] {"NBA_STATS", "NBA_CDN", "ESPN", "BASKETBALL_REFERENCE"}) {
                env.put("NBAPROPS_SOURCES_" + keyless + "_BASE_URL", "http://127.0.0.1:" + closed);
            }
            env.put("NBAPROPS_SCHEDULE_TICK_SECONDS", "1");
            env.put("NBAPROPS_SCHEDULE_POLL_MILLIS", "100");
            env.put("NBAPROPS_API_KEY", "no-keys-test-api-key-0123456789");
            Instant at = LocalDate.of(2025, 1, 15).atTime(8, 0, 2).atZone(OpsRuntimeTest.NY).toInstant();
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
            try (Platform p = Platform.open(TestPlatform.config(env), new Secrets(env, null), clock); OpsRuntime ops = new OpsRuntime(p)) {
                ops.start();
                OpsRuntimeTest.waitFor("the morning job", Duration.ofSeconds(60), () -> ops.status().jobs().stream()
                        .anyMatch(j -> j.name().equals("2025-01-15/morning") && j.lastStatus() != null && !j.lastStatus().equals("RUNNING")));
                ops.sources().check(); // the periodic re-check: still not configured, no second warning

                assertThat(recorder.requests()).as("no request reached any source").isEmpty();
                List<AlertRecord> alerts = p.alerts().recent(100, false);
                assertThat(alerts).noneMatch(a -> a.severity().equals("CRITICAL"));
                assertThat(alerts).filteredOn(a -> a.kind().equals("source_not_configured")).extracting(AlertRecord::alertKey)
                        .containsExactlyInAnyOrder("source_not_configured:balldontlie", "source_not_configured:odds_api",
                                "source_not_configured:nba_stats");
                assertThat(alerts).filteredOn(a -> a.kind().equals("source_not_configured")).allSatisfy(a -> {
                    assertThat(a.severity()).isEqualTo("WARNING");
                    assertThat(a.occurrences()).isEqualTo(1);
                });
                assertThat(alerts).filteredOn(a -> a.alertKey().equals("source_not_configured:balldontlie")).singleElement()
                        .satisfies(a -> assertThat(a.detail()).contains("set BALLDONTLIE_API_KEY").contains("secrets file"));
                assertThat(alerts).filteredOn(a -> a.alertKey().equals("source_not_configured:nba_stats")).singleElement()
                        .satisfies(a -> assertThat(a.title()).contains("cannot connect to 127.0.0.1:" + closed));
                long collects = p.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM run_history WHERE asset LIKE 'collect_%' "
                        + "OR asset LIKE 'raw_%' OR status IN ('FAILED', 'TIMED_OUT')").mapTo(Long.class).one());
                assertThat(collects).as("no collect or parse run, no failed run").isZero();
                assertThat(ops.status().jobs()).filteredOn(j -> j.name().equals("2025-01-15/morning")).singleElement()
                        .satisfies(j -> assertThat(j.lastStatus()).isEqualTo("SUCCESS"));

                try (ServiceServer server = ServiceServer.start(p, new ServiceServer.Hooks(List.of(HealthComponent.of("bus", false,
                        () -> HealthComponent.Status.disabled("in-process"))), ops::selfHealer, ops::status, ops.sources()::view, null),
                        "127.0.0.1", 0)) {
                    HttpClient http = HttpClient.newHttpClient();
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                    // For anyone: ready, and which sources are not configured; why is for key holders (/api/health).
                    JsonNode open = new ObjectMapper().readTree(ready.body()).get("components").get("sources");
                    assertThat(open.get("state").asText()).isEqualTo("UP");
                    assertThat(open.get("note").asText()).startsWith("3 source(s) not configured (not scheduled): ")
                            .contains("balldontlie").contains("odds_api").contains("nba_stats");
                    assertThat(open.has("detail")).isFalse();
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/api/health")).header("X-API-Key", server.localToken()).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                    JsonNode sources = new ObjectMapper().readTree(health.body()).get("components").get("sources");
                    assertThat(sources.get("detail").asText()).contains("3 source(s) not configured");
                    JsonNode availability = sources.get("data").get("availability");
                    assertThat(availability.get("balldontlie").asText()).startsWith("not configured: no API key")
                            .contains("BALLDONTLIE_API_KEY");
                    assertThat(availability.get("odds_api").asText()).startsWith("not configured: no API key");
                    assertThat(availability.get("nba_stats").asText()).startsWith("not configured: cannot connect");
                }
            }
        }
    }
}
