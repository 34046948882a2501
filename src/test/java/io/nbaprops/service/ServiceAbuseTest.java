package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.testing.AbuseLoad;
import io.nbaprops.testing.LivenessProbe;
import io.nbaprops.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an attacker on loopback sees it: slow bodies, chunked floods, oversized headers and URLs, extreme
 * dates, method override, brute-forced keys. Each test runs a liveness probe (a new connection to /health/live every
 * 50 ms) through the abuse and ends by checking that every probe was answered and that no row of the warehouse moved
 * (the audit trail aside, whose growth is checked where it matters). Timings are measured by {@code bench/run
 * ServiceAbuse}; here the only deadline is the probe's generous timeout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServiceAbuseTest {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    static final String SLOW_HEAD = "POST /api/actions/rerun HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

    @TempDir
    Path dir;
    ServiceFixture f;
    LivenessProbe probe;
    Map<String, Long> before;

    @BeforeEach
    void start() {
        // The shipped throttle settings (10 failed keys a minute), not the relaxed ones of the other service tests.
        f = new ServiceFixture(dir, true, null, null, null, Map.of());
        f.seedResults();
        f.runDay(f.today.minusDays(1));
        before = rowCounts();
        probe = LivenessProbe.start(f.server.port(), Duration.ofMillis(50), PROBE_TIMEOUT);
    }

    @AfterEach
    void liveAndUntouched() {
        try {
            if (probe != null) {
                // A short test still gets a few probes in, the last ones after its abuse.
                for (long until = System.nanoTime() + PROBE_TIMEOUT.toNanos() * 3; probe.summary().probes() < 3 && System.nanoTime() < until; ) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                probe.close();
                LivenessProbe.Summary s = probe.summary();
                assertThat(s.failures()).as("liveness during the abuse: " + s).isZero();
                assertThat(s.probes()).as(s.toString()).isGreaterThanOrEqualTo(3);
                assertThat(rowCounts()).as("row counts of every table but audit_log").isEqualTo(before);
            }
        } finally {
            f.close();
        }
    }

    /** Rows per table, every table of the warehouse but the audit trail. */
    Map<String, Long> rowCounts() {
        List<String> tables = f.platform.warehouse().jdbi().withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'audit_log' ORDER BY table_name")
                .mapTo(String.class).list());
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, f.count("SELECT count(*) FROM \"" + t.replace("\"", "") + "\""));
        }
        return m;
    }

    long audit(String where, Object... args) {
        return f.count("SELECT count(*) FROM audit_log WHERE " + where, args);
    }

    @Test
    void threeHundredSlowBodiesWithoutAKeyAreRefusedFromTheirHeadersAndHungUpOn() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = RawHttp.connect(f.server.port(), 10_000);
                sockets.add(s);
                s.getOutputStream().write((SLOW_HEAD + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
            }
            // One byte of 100,000 each, and all 300 are answered: 401 from the headers, then 429 once the throttle starts.
            for (Socket s : sockets) {
                RawHttp.Response r = RawHttp.read(s.getInputStream());
                statuses.merge(r.status(), 1, Integer::sum);
                assertThat(r.header("Content-Type")).startsWith("application/json");
            }
            // And the server hung up on each: it never waits for the rest of a body it will not read.
            for (Socket s : sockets) {
                assertThat(endOfStream(s)).as("the server closed the connection").isTrue();
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        // Each 401 was audited; the block that followed is one row, its 429s none.
        assertThat(audit("action = 'rerun' AND status_code = 401 AND who = 'anonymous'")).isEqualTo(statuses.get(401).longValue());
        assertThat(audit("action = 'throttle'")).isEqualTo(1);
        assertThat(statuses.get(401)).isBetween(10, 30); // 10, plus the few decided while the 10th was still being recorded
    }

    /** True when the peer closed the connection (end of stream or reset) within the socket's timeout. */
    static boolean endOfStream(Socket s) throws IOException {
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void aKeyedBodyThatTricklesOrStallsIsCutWith408() throws Exception {
        try (Socket trickle = RawHttp.connect(f.server.port(), 20_000); Socket stall = RawHttp.connect(f.server.port(), 20_000)) {
            String head = SLOW_HEAD + "X-API-Key: " + ServiceFixture.API_KEY + "\r\nContent-Length: 1000\r\n\r\n";
            trickle.getOutputStream().write((head + "{\"asset\":").getBytes(StandardCharsets.ISO_8859_1));
            stall.getOutputStream().write((head + "{\"asset\":").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<RawHttp.Response> stalled = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(stall.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // One byte every 1.5 s: below the minimum data rate from the second byte on.
            RawHttp.Response r = null;
            trickle.setSoTimeout(1500);
            for (int i = 0; i < 10 && r == null; i++) {
                try {
                    r = RawHttp.read(trickle.getInputStream());
                } catch (java.net.SocketTimeoutException e) {
                    trickle.getOutputStream().write(' ');
                }
            }
            assertThat(r).as("the trickle was cut").isNotNull();
            assertThat(r.status()).as(r.body()).isEqualTo(408);
            assertThat(r.body()).contains("too slowly");
            RawHttp.Response s = stalled.get(20, TimeUnit.SECONDS);
            assertThat(s.status()).as(s.body()).isEqualTo(408);
        }
        assertThat(audit("who = 'api-key' AND status_code = 408")).isEqualTo(2);
    }

    @Test
    void chunkedFloodsAreRefusedWithoutBeingReadAndAKeyedOneIsCutAtTheLimit() throws Exception {
        try (AbuseLoad load = AbuseLoad.start(f.server.port(), new AbuseLoad.Mix(0, 8, 0, Duration.ofMillis(200)))) {
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until && load.answers() < 16) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
            assertThat(load.answers()).as(load.statuses().toString()).isGreaterThanOrEqualTo(8);
            // The server answered from the headers and hung up: no connection got anywhere near the 200 MB it offered
            // (what it did send sat in the kernel's socket buffers).
            assertThat(load.maxFloodBytes()).as("bytes one flood sent before the server cut it").isLessThan(32L << 20);
            assertThat(load.statuses().keySet()).as(load.statuses().toString()).isSubsetOf(-1, 401, 429);
        }
        // With the key, the body is read up to the limit (16 KiB) and refused there, and the connection is closed.
        Socket s = RawHttp.connect(f.server.port(), 20_000);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<Void> writer;
        try {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/actions/backfill HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + ServiceFixture.API_KEY
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (sent.get() < (50L << 20)) {
                        out.write(chunk);
                        sent.addAndGet(0x4000);
                    }
                } catch (IOException e) {
                    // cut by the server
                }
            });
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(f.json.readTree(r.body()).get("error").asText()).isEqualTo("the request body is larger than 16384 bytes");
            writer.get(20, TimeUnit.SECONDS); // the server hung up: the writer stops by itself
        } finally {
            s.close();
        }
        assertThat(sent.get()).isLessThan(50L << 20);
        assertThat(audit("action = 'backfill' AND who = 'api-key' AND status_code = 413")).isEqualTo(1);
        assertThat(f.server.jobs().recent(10)).isEmpty();
    }

    @Test
    void oversizedHeadersUrlsAndBrokenRequestsGetJsonErrorsWithTheSecurityHeaders() throws Exception {
        char[] big = new char[20 * 1024];
        Arrays.fill(big, 'a');
        String key = "X-API-Key: " + ServiceFixture.API_KEY;
        Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
        answers.put("431", RawHttp.get(f.server.port(), "/api/runs", "X-Padding: " + new String(big)));
        answers.put("414", RawHttp.get(f.server.port(), "/api/runs?x=" + new String(big)));
        answers.put("400", RawHttp.send(f.server.port(), "GARBAGE\u0001 /\r\nHost: x", null, 10_000));
        answers.put("413", RawHttp.send(f.server.port(), SLOW_HEAD + key + "\r\nConnection: close\r\nContent-Length: 20000000", null, 10_000));
        answers.put("400 chunk", RawHttp.send(f.server.port(), SLOW_HEAD + key + "\r\nConnection: close\r\nTransfer-Encoding: chunked",
                "zz-not-hex\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 10_000));
        answers.put("404", RawHttp.get(f.server.port(), "/no/such/page"));
        answers.forEach((expected, r) -> {
            assertThat(r.status()).as(expected + ": " + r.body()).isEqualTo(Integer.parseInt(expected.substring(0, 3)));
            assertThat(r.header("Content-Type")).as(expected).startsWith("application/json");
            assertThat(r.header("X-Content-Type-Options")).as(expected).isEqualTo("nosniff");
            assertThat(r.header("Content-Security-Policy")).as(expected).contains("default-src 'self'");
            assertThat(r.header("Cache-Control")).as(expected).isEqualTo("no-store");
            assertThat(r.body()).as(expected).doesNotContain("Jetty").doesNotContain("Exception").doesNotContain("<html");
            JsonNode n;
            try {
                n = f.json.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(expected + ": not JSON: " + r.body(), e);
            }
            assertThat(n.get("error").asText()).as(expected).isNotBlank();
        });
        assertThat(answers.get("431").body()).contains("headers are too large");
        assertThat(answers.get("414").body()).contains("URL is too long");
        assertThat(answers.get("413").body()).contains("larger than 16384 bytes");
    }

    @Test
    void extremeDatesAndMethodOverrideAre400sAndRunNothing() throws Exception {
        String key = "X-API-Key: " + ServiceFixture.API_KEY;
        for (String path : List.of("/api/status?to=-999999999-01-01", "/api/performance?to=%2B999999999-12-31",
                "/api/latency?to=%2B999999999-12-31", "/api/runs?from=0000-01-01", "/api/today?date=2999-01-01", "/api/runs?limit=%zz")) {
            RawHttp.Response r = RawHttp.get(f.server.port(), path, key);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
        }
        for (String body : List.of("{\"from\":\"+999999999-12-31\",\"to\":\"+999999999-12-31\"}", "{\"from\":\"2999-01-01\",\"to\":\"2999-01-01\"}")) {
            ServiceFixture.Reply r = f.post("/api/actions/backfill", body, ServiceFixture.API_KEY);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("outside the dates the platform knows");
        }
        // A GET that asks to be a POST is refused, whatever it names; so is a POST that asks to be anything else.
        RawHttp.Response override = RawHttp.get(f.server.port(), "/api/actions/trigger-self-heal", key, "X-HTTP-Method-Override: POST");
        assertThat(override.status()).isEqualTo(400);
        assertThat(f.json.readTree(override.body()).get("error").asText()).contains("X-HTTP-Method-Override is not accepted");
        RawHttp.Response post = RawHttp.send(f.server.port(), SLOW_HEAD + key + "\r\nConnection: close\r\nX-HTTP-Method: GET\r\n"
                + "Content-Length: 2", "{}".getBytes(StandardCharsets.ISO_8859_1), 10_000);
        assertThat(post.status()).isEqualTo(400);
        assertThat(f.server.jobs().recent(10)).isEmpty();
    }

    @Test
    void bruteForcedKeysAreThrottledPerClientWhileTheLocalCliWithItsKeyNeverIs() throws Exception {
        String remote = "X-Forwarded-For: 10.9.8.7, 203.0.113.7"; // through the local proxy: the client is the last entry
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: guess-" + i + "-aaaaaaaaaaaaaaaaaaaaaa", remote).status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 200)).containsOnly(429);
        RawHttp.Response blocked = RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: " + ServiceFixture.API_KEY, remote);
        assertThat(blocked.status()).as("a blocked client gets 429 even with the right key: guessing reveals nothing").isEqualTo(429);
        long retry = Long.parseLong(blocked.header("Retry-After"));
        assertThat(retry).isBetween(1L, 60L);
        assertThat(f.json.readTree(blocked.body()).get("error").asText()).contains("too many failed API keys").contains(" s");
        // Another client behind the same proxy, and the CLI on this machine, are not affected.
        assertThat(RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: " + ServiceFixture.API_KEY, "X-Forwarded-For: 198.51.100.9")
                .status()).isEqualTo(200);
        for (int i = 0; i < 15; i++) {
            RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: local-guess-" + i + "-aaaaaaaaaaaaaaaaaa");
        }
        assertThat(RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: local-guess-x-aaaaaaaaaaaaaaaaaa").status()).isEqualTo(429);
        assertThat(RawHttp.get(f.server.port(), "/api/runs", "X-API-Key: " + ServiceFixture.API_KEY).status())
                .as("the local caller with the key is never throttled").isEqualTo(200);
        assertThat(f.post("/api/actions/retry-dead-letters", "{}", ServiceFixture.API_KEY).status()).isEqualTo(200);
        // Audited: the 10 wrong keys of each client and one row per block; the 190 refusals after it, nothing.
        assertThat(audit("action = 'read' AND status_code = 401 AND remote = '203.0.113.7'")).isEqualTo(10);
        assertThat(audit("action = 'throttle' AND remote = '203.0.113.7'")).isEqualTo(1);
        assertThat(audit("action = 'read' AND status_code = 401 AND remote = '127.0.0.1'")).isEqualTo(10);
        assertThat(audit("action = 'throttle'")).isEqualTo(2);
        assertThat(f.count("SELECT count(DISTINCT who) FROM audit_log WHERE action = 'read' AND remote = '203.0.113.7'")).isEqualTo(10);
    }
}
