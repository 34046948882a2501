package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.SourceException;
import io.nbaprops.testing.LocalHttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness, readiness (false once the warehouse is gone), and /metrics in valid Prometheus text with real numbers. */
class ServiceHealthAndMetricsTest {
    /** One sample line of the Prometheus text format: name, optional labels, value, optional timestamp. */
    static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*"
            + "(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*,?\\})?"
            + " (?:[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)|NaN|\\+Inf|-Inf)(?: -?[0-9]+)?");
    static final Pattern COMMENT = Pattern.compile("# (?:HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* "
            + "(?:counter|gauge|histogram|summary|untyped))|#.*");

    @TempDir
    Path dir;
    ServiceFixture f;
    LocalHttpServer source;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void liveAndReadyWithEachComponentThenNotReadyWhenTheWarehouseIsGone() {
        f = new ServiceFixture(dir, true);
        f.seedResults();
        ServiceFixture.Reply live = f.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        ServiceFixture.Reply ready = f.get("/api/health");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        JsonNode c = ready.json().get("components");
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(c.get("warehouse").get("state").asText()).isEqualTo("UP");
        assertThat(c.get("warehouse").get("required").asBoolean()).isTrue();
        assertThat(c.get("bus").get("state").asText()).isEqualTo("DISABLED");
        assertThat(c.get("sources").get("data").get("payloads").get(0).get("source").asText()).isEqualTo("balldontlie");
        // The public probe says the same, in states only.
        JsonNode pub = f.get("/health/ready", null).json();
        assertThat(pub.get("ready").asBoolean()).isTrue();
        assertThat(pub.get("components").get("sources").get("state").asText()).isEqualTo("UP");
        assertThat(pub.get("components").get("sources").has("data")).isFalse();

        f.platform.warehouse().close();
        // A report is reused for up to a second (a flood of probes costs one round of checks a second): poll for the change.
        ServiceFixture.Reply down = f.get("/api/health");
        for (long until = System.nanoTime() + 10_000_000_000L; down.status() == 200 && System.nanoTime() < until; ) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            down = f.get("/api/health");
        }
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("ready").asBoolean()).isFalse();
        assertThat(down.json().get("components").get("warehouse").get("state").asText()).isEqualTo("DOWN");
        // A check that cannot run is UNKNOWN, never UP.
        assertThat(down.json().get("components").get("sources").get("state").asText()).isEqualTo("UNKNOWN");
        assertThat(f.get("/health/ready", null).status()).isEqualTo(503);
        assertThat(f.get("/health/live", null).status()).isEqualTo(200);
        // And reads say so instead of answering "nothing", with a reference to the log, not the exception's text.
        ServiceFixture.Reply runs = f.get("/api/runs");
        assertThat(runs.status()).isEqualTo(500);
        assertThat(runs.json().get("error").asText()).matches("GET /api/runs failed: internal error, reference [0-9a-f]{8} \\(the server log has the details\\)");
        assertThat(runs.body()).doesNotContain("Exception").doesNotContain("duckdb").doesNotContain("at io.");
    }

    @Test
    void metricsAreValidPrometheusTextWithRunHistogramsRowsSourcesAndAlerts() {
        source = new LocalHttpServer().route("/v1/games", r -> LocalHttpServer.Response.json("{\"data\":[]}"))
                .route("/v1/broken", r -> LocalHttpServer.Response.status(503, "{\"error\":\"down\"}"));
        f = new ServiceFixture(dir, true, source.baseUrl());
        f.summaryBroken.set(true);
        f.runDay(f.today);
        f.platform.fetcher().get(FetchRequest.builder("balldontlie", "games", "/v1/games").partition(f.today).collection("c1")
                .expect(FetchRequest.Expect.JSON).build());
        assertThatThrownBy(() -> f.platform.fetcher().get(FetchRequest.builder("balldontlie", "broken", "/v1/broken").partition(f.today)
                .collection("c2").expect(FetchRequest.Expect.JSON).build())).isInstanceOf(SourceException.class);
        f.platform.alerts().raise(new Alert(Severity.CRITICAL, "run_failed", "k1", "t1", null));
        f.platform.alerts().raise(new Alert(Severity.WARNING, "quota", "k2", "t2", null));

        ServiceFixture.Reply m = f.get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        List<String> bad = new ArrayList<>();
        String[] lines = m.body().split("\n");
        for (String line : lines) {
            if (!line.isEmpty() && !(line.startsWith("#") ? COMMENT : SAMPLE).matcher(line).matches()) {
                bad.add(line);
            }
        }
        assertThat(bad).as("lines that are not valid exposition lines").isEmpty();
        String body = m.body();
        assertThat(body).contains("# TYPE nbaprops_run_duration_seconds histogram");
        assertThat(lines).anyMatch(l -> l.startsWith("nbaprops_run_duration_seconds_bucket{asset=\"collect_box_scores\"")
                && l.contains("le=\"+Inf\"") && l.endsWith(" 1"));
        assertThat(lines).anyMatch(l -> l.startsWith("nbaprops_run_duration_seconds_bucket{asset=\"collect_box_scores\"") && l.contains("le=\"0.5\""));
        assertThat(lines).anyMatch(l -> l.startsWith("nbaprops_run_duration_seconds_count{asset=\"player_summary\",status=\"FAILED\"}"));
        assertThat(lines).contains("nbaprops_rows_written_total{asset=\"collect_box_scores\"} 4.0");
        assertThat(lines).contains("nbaprops_run_failures_total{asset=\"player_summary\",status=\"FAILED\"} 1.0");
        assertThat(lines).anyMatch(l -> l.startsWith("nbaprops_source_request_seconds_bucket{endpoint=\"games\",outcome=\"2xx\",source=\"balldontlie\""));
        // 1 try + 4 retries of a 503, all counted as errors.
        assertThat(lines).contains("nbaprops_source_errors_total{kind=\"503\",source=\"balldontlie\"} 5.0");
        // CRITICAL: k1 above, and the engine's own alert for player_summary's failed run (run_failed:player_summary:...).
        assertThat(f.platform.alerts().recent(10, true)).anyMatch(a -> a.alertKey().startsWith("run_failed:player_summary:"));
        assertThat(lines).contains("nbaprops_alerts_open{severity=\"CRITICAL\"} 2.0", "nbaprops_alerts_open{severity=\"WARNING\"} 1.0",
                "nbaprops_alerts_open{severity=\"INFO\"} 0.0");
        assertThat(lines).anyMatch(l -> l.startsWith("nbaprops_engine_events_total{asset=\"player_summary\",kind=\"FAILED\"}"));
    }
}
