package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nbaprops serve} as a user runs it: its own JVM, configured by NBAPROPS_* variables, on a free port; the
 * dashboard, the chart library (webjar), readiness and an unauthorised action answer; SIGTERM stops it cleanly.
 */
class ServeCommandTest {
    static final Pattern LISTENING = Pattern.compile("dashboard http://127\\.0\\.0\\.1:(\\d+)/");
    static final String KEY = "serve-test-key-0042-8c3f1a9e2b";

    @TempDir
    Path dir;

    ProcessBuilder serve(String key) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.nbaprops.cli.Main",
                "serve", "--port", "0", "--host", "127.0.0.1").redirectErrorStream(true);
        pb.environment().put("NBAPROPS_WAREHOUSE_URL", "jdbc:duckdb:" + dir.resolve("w.duckdb"));
        pb.environment().put("NBAPROPS_ARCHIVE_DIR", dir.resolve("raw").toString());
        pb.environment().put("NBAPROPS_EXPORTS_DIR", dir.resolve("exports").toString());
        pb.environment().put("NBAPROPS_API_KEY", key);
        // Sources stay on this machine: the keyless ones point at a closed loopback port (the keyed ones have no key).
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            for (String s : new String[] {"NBA_STATS", "NBA_CDN", "NBA_WEB", "NBA_OFFICIAL", "NBA_STATIC", "NBA_STATSDMZ", "ESPN", "ESPN_WEB",
                "BASKETBALL_REFERENCE"}) {
                pb.environment().put("NBAPROPS_SOURCES_" + s + "_BASE_URL", "http://127.0.0.1:" + closed.getLocalPort());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pb;
    }

    @Test
    void aKeyShorterThan24CharactersStopsServeWithAMessage() throws Exception {
        Process p = serve("short-key-0042").start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8); // the process ends by itself: read to the end
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("NBAPROPS_API_KEY has 14 characters").contains("at least 24").doesNotContain("short-key-0042")
                .doesNotContain("dashboard http://");
    }

    @Test
    void servesTheDashboardApiAndHealthUntilTerminated() throws Exception {
        Process p = serve(KEY).start();
        List<String> output = new ArrayList<>();
        try {
            // One reader thread for the child's whole life: it completes the port when the start-up line appears and
            // keeps draining so the child never blocks on a full pipe.
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (output) {
                            output.add(line);
                        }
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                } catch (java.io.IOException e) {
                    port.completeExceptionally(e);
                }
                port.completeExceptionally(new IllegalStateException("serve exited before listening"));
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            int port0;
            try {
                port0 = port.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                synchronized (output) {
                    throw new AssertionError("serve did not start: " + String.join("\n", output), e);
                }
            }
            String base = "http://127.0.0.1:" + port0;
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("NBA Props").contains("/webjars/chart.js/4.4.1/dist/chart.umd.js");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            HttpResponse<String> chartJs = http.send(HttpRequest.newBuilder(URI.create(base + "/webjars/chart.js/4.4.1/dist/chart.umd.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chartJs.statusCode()).isEqualTo(200);
            assertThat(chartJs.body()).contains("Chart.js v4.4.1");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"warehouse\"").contains("\"scheduler\"").contains("\"bus\"");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/actions/trigger-self-heal"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> healed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/actions/trigger-self-heal"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                    .header("X-API-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(healed.statusCode()).as(healed.body()).isEqualTo(202);
            assertThat(healed.body()).contains("\"kind\":\"trigger-self-heal\"").contains("/api/actions/jobs/");
            // A live warehouse (no demo made it) runs on the wall clock, and no source without its key is scheduled.
            HttpResponse<String> ops = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ops")).header("X-API-Key", KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ops.body()).contains("\"clock\":\"wall clock\"").contains("not configured: no API key");
            assertThat(Files.exists(dir.resolve("w.duckdb.service.json"))).as("the CLI can find this service").isTrue();
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook stops the server and closes the warehouse
            boolean exited = p.waitFor(20, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly();
            }
            assertThat(exited).as("serve stops on SIGTERM").isTrue();
        }
        assertThat(Files.exists(dir.resolve("w.duckdb"))).isTrue();
    }
}
