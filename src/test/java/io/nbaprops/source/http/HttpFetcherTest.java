package io.nbaprops.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nbaprops.archive.ArchivedPayload;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.config.AppConfig.SourceConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.source.FetchResult;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.source.Pagination;
import io.nbaprops.source.QuotaTracker;
import io.nbaprops.source.SourceException;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The fetcher against a real HTTP server on loopback: retries, Retry-After, timeouts, pagination
 * loops, conditional requests, block pages, quotas, and secrets that never leak into the archive,
 * the logs or error messages. Backoffs and timeouts are milliseconds; nothing sleeps.
 */
class HttpFetcherTest {
    private static final String KEY = "sk-live-T0P-SECRET-4242";
    private static final LocalDate DAY = LocalDate.of(2025, 1, 15);

    @TempDir
    static Path db;
    @TempDir
    Path tmp;
    private static Warehouse warehouse;
    private LocalServer server;
    private RawArchive archive;
    private ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void openWarehouse() {
        // One migrated warehouse for the class: migrating takes a second or two.
        warehouse = Warehouse.open("jdbc:duckdb:" + db.resolve("t.duckdb"), null, null, 2);
    }

    @AfterAll
    static void closeWarehouse() {
        warehouse.close();
    }

    @BeforeEach
    void setUp() {
        server = new LocalServer();
        archive = new RawArchive(tmp.resolve("raw"), warehouse);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        server.close();
    }

    private HttpFetcher fetcher(String auth, int maxRetries, long timeoutMs, long maxBackoffMs) {
        SourceConfig cfg = new SourceConfig(server.baseUrl(), "TEST_KEY", auth, 6000, 1000, timeoutMs, maxRetries, 5, maxBackoffMs,
                "nbaprops-test/1.0", Map.of("X-Test", "yes"));
        return new HttpFetcher(s -> cfg, new Secrets(Map.of("TEST_KEY", KEY), null), archive, Clock.systemUTC());
    }

    private static FetchRequest get(String path) {
        return FetchRequest.builder("odds_api", "events", path).partition(DAY).collection("run-1")
                .param("regions", "us").expect(FetchRequest.Expect.JSON).build();
    }

    @Test
    void retryAfterIsHonouredThenSuccess() {
        server.route("/v4/events", (ex, n) -> {
            if (n == 1) {
                LocalServer.send(ex, 429, "application/json", "{\"message\":\"slow down\"}", "Retry-After", "1");
            } else {
                LocalServer.send(ex, 200, "application/json", "[]");
            }
        });
        // The backoff would be 5 ms; Retry-After says 1 s, capped at the 400 ms max backoff.
        HttpFetcher f = fetcher("query:apiKey", 3, 2000, 400);
        long t0 = System.nanoTime();
        FetchResult r = f.get(get("/v4/events"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(ms).isGreaterThanOrEqualTo(300);
        assertThat(server.count("/v4/events")).isEqualTo(2);
        // Per-source user agent and headers went out.
        assertThat(server.seen().get(0).header("User-Agent")).isEqualTo("nbaprops-test/1.0");
        assertThat(server.seen().get(0).header("X-Test")).isEqualTo("yes");
    }

    @Test
    void serverErrorsExhaustRetriesWithAClearMaskedError() {
        server.route("/v4/events", (ex, n) -> LocalServer.send(ex, 500, "text/plain", "internal error " + n));
        HttpFetcher f = fetcher("query:apiKey", 2, 2000, 20);
        SourceException e = catchThrowableOfType(SourceException.class, () -> f.get(get("/v4/events")));
        assertThat(server.count("/v4/events")).isEqualTo(3);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).startsWith("odds_api http://127.0.0.1:").contains("/v4/events?regions=us&apiKey=****")
                .contains("(HTTP 500)").contains("still failing after 3 attempt(s)").contains("internal error 3")
                .doesNotContain(KEY);
        // The key did reach the server (in the query), so masking is not an accident of it being absent.
        assertThat(server.seen().get(0).pathAndQuery()).contains("apiKey=" + KEY);
    }

    @Test
    void aSlowResponseHitsTheTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", (ex, n) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.send(ex, 200, "application/json", "{}");
        });
        HttpFetcher f = fetcher("none", 0, 200, 20);
        long t0 = System.nanoTime();
        SourceException e = catchThrowableOfType(SourceException.class, () -> f.get(get("/slow")));
        release.countDown();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
        assertThat(e.getMessage()).contains("no response within 200 ms after 1 attempt(s)");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void aRepeatedCursorStopsThePaginationLoop() {
        server.route("/v1/games", (ex, n) -> LocalServer.send(ex, 200, "application/json",
                "{\"data\": [{\"id\": " + n + "}], \"meta\": {\"next_cursor\": 77, \"per_page\": 1}}"));
        HttpFetcher f = fetcher("header:Authorization", 0, 2000, 20);
        FetchRequest first = FetchRequest.builder("balldontlie", "games", "/v1/games").partition(DAY).collection("run-1")
                .param("dates[]", DAY).build();
        SourceException e = catchThrowableOfType(SourceException.class, () -> Pagination.cursor(f, first, 50));
        assertThat(e.getMessage()).contains("pagination loop: next_cursor 77 was already followed");
        assertThat(e.isRetryable()).isFalse();
        assertThat(server.count("/v1/games")).isEqualTo(2);
        assertThat(server.seen().get(1).pathAndQuery()).contains("cursor=77");
        assertThat(server.seen().get(0).header("Authorization")).isEqualTo(KEY);
    }

    @Test
    void cursorPaginationFollowsUntilTheLastPageAndRejectsAMissingMeta() {
        server.route("/v1/players", (ex, n) -> LocalServer.send(ex, 200, "application/json", switch (n) {
            case 1 -> "{\"data\": [{\"id\": 1}], \"meta\": {\"next_cursor\": 2}}";
            case 2 -> "{\"data\": [{\"id\": 2}], \"meta\": {\"next_cursor\": 3}}";
            default -> "{\"data\": [{\"id\": 3}], \"meta\": {\"per_page\": 1}}";
        }));
        server.route("/v1/teams", (ex, n) -> LocalServer.send(ex, 200, "application/json", "{\"data\": []}"));
        HttpFetcher f = fetcher("header:Authorization", 0, 2000, 20);
        List<FetchResult> pages = Pagination.cursor(f, FetchRequest.builder("balldontlie", "players", "/v1/players")
                .partition(DAY).collection("c").build(), 10);
        assertThat(pages).hasSize(3);
        SourceException e = catchThrowableOfType(SourceException.class, () -> Pagination.cursor(f,
                FetchRequest.builder("balldontlie", "teams", "/v1/teams").partition(DAY).collection("c").build(), 10));
        assertThat(e.getMessage()).contains("has no meta object");
    }

    @Test
    void pagePaginationRefusesAPageThatIsNotTheOneAskedFor() {
        server.route("/v3/offers", (ex, n) -> LocalServer.send(ex, 200, "application/json",
                "{\"offers\": [], \"_pagination\": {\"page\": 1, \"total_pages\": 4}}"));
        HttpFetcher f = fetcher("header:x-api-key", 0, 2000, 20);
        SourceException e = catchThrowableOfType(SourceException.class, () -> Pagination.pages(f,
                FetchRequest.builder("bettingpros", "offers", "/v3/offers").partition(DAY).collection("c").build(), 10));
        assertThat(e.getMessage()).contains("asked for page 2 but got page 1");
    }

    @Test
    void aConditionalRequestAnswered304ReusesTheArchivedPayload() {
        server.route("/static/schedule.json", (ex, n) -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(ex, 304, null, "", "ETag", "\"v1\"");
            } else {
                LocalServer.send(ex, 200, "application/json", "{\"games\": [1, 2, 3]}", "ETag", "\"v1\"",
                        "Last-Modified", "Wed, 15 Jan 2025 10:00:00 GMT");
            }
        });
        HttpFetcher f = fetcher("none", 0, 2000, 20);
        FetchRequest req = FetchRequest.builder("nba_cdn", "schedule_cdn", "/static/schedule.json").partition(DAY)
                .collection("run-1").build();
        FetchResult first = f.get(req);
        FetchResult second = f.get(FetchRequest.builder("nba_cdn", "schedule_cdn", "/static/schedule.json").partition(DAY)
                .collection("run-2").build());
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(304);
        assertThat(server.seen().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.seen().get(1).header("If-Modified-Since")).isEqualTo("Wed, 15 Jan 2025 10:00:00 GMT");
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"games\": [1, 2, 3]}");
        // The unchanged body is archived again under the new collection, so the parse step finds it.
        List<ArchivedPayload> latest = archive.latestCollection("nba_cdn", "schedule_cdn", DAY);
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).collectionId()).isEqualTo("run-2");
        assertThat(latest.get(0).httpStatus()).isEqualTo(304);
        assertThat(latest.get(0).sha256()).isEqualTo(first.payload().sha256());
        assertThat(archive.read(latest.get(0))).isEqualTo(first.body());
    }

    @Test
    void aBlockPageFailsAtOnceWithoutRetries() {
        server.route("/stats/blocked", (ex, n) -> LocalServer.send(ex, 403, "text/html",
                "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don't have permission to access "
                        + "this server. Reference #18.2f3c</body></html>"));
        server.route("/stats/captcha", (ex, n) -> LocalServer.send(ex, 503, "text/html",
                "<!DOCTYPE html><html><body><div id=\"challenge-platform\">Please complete the captcha</div></body></html>"));
        server.route("/stats/html", (ex, n) -> LocalServer.send(ex, 200, "text/html",
                "<!DOCTYPE html><html><body>Sign in to continue</body></html>"));
        HttpFetcher f = fetcher("none", 4, 2000, 20);
        for (String path : List.of("/stats/blocked", "/stats/captcha", "/stats/html")) {
            SourceException e = catchThrowableOfType(SourceException.class, () -> f.get(FetchRequest.builder("nba_stats",
                    "scoreboard_v2", path).partition(DAY).collection("c").expect(FetchRequest.Expect.JSON).build()));
            assertThat(e.isRetryable()).as(path).isFalse();
            assertThat(e.getMessage()).startsWith("nba_stats ").contains("not retried");
            assertThat(server.count(path)).as(path + " requests").isEqualTo(1);
        }
        assertThat(catchThrowableOfType(SourceException.class, () -> f.get(FetchRequest.builder("nba_stats", "x", "/stats/blocked")
                .partition(DAY).collection("c").build())).getMessage()).contains("blocked: HTTP 403").contains("access denied");
    }

    @Test
    void quotaHeadersAreTrackedAndNearlyUsedUpIsReported() {
        server.route("/v4/events", (ex, n) -> LocalServer.send(ex, 200, "application/json", "[]", "x-requests-remaining", "40",
                "x-requests-used", "460", "x-requests-last", "1"));
        HttpFetcher f = fetcher("query:apiKey", 0, 2000, 20);
        f.get(get("/v4/events"));
        QuotaTracker.Quota q = f.quotas().get("odds_api").orElseThrow();
        assertThat(q.remaining()).isEqualTo(40);
        assertThat(q.used()).isEqualTo(460);
        assertThat(q.nearlyUsedUp()).isTrue();
        assertThat(new QuotaTracker.Quota("odds_api", 19000L, 1000L, 1L, q.observedAt()).nearlyUsedUp()).isFalse();
    }

    @Test
    void secretsNeverReachTheArchiveTheLogsOrTheErrors() throws IOException {
        server.route("/v4/events", (ex, n) -> {
            if (n <= 2) {
                LocalServer.send(ex, 500, "text/plain", "boom");
            } else {
                LocalServer.send(ex, 200, "application/json", "[]");
            }
        });
        server.route("/v4/refused", (ex, n) -> LocalServer.send(ex, 401, "application/json",
                "{\"message\": \"Invalid API key " + KEY + "\"}"));
        HttpFetcher f = fetcher("query:apiKey", 3, 2000, 10);
        FetchResult ok = f.get(get("/v4/events"));
        SourceException refused = catchThrowableOfType(SourceException.class, () -> f.get(get("/v4/refused")));
        assertThat(refused.getMessage()).doesNotContain(KEY).contains("****");
        // Archive index rows.
        // Every final response is archived (the two 500s were retried, not final): the success and the refusal.
        List<Map<String, Object>> rows = warehouse.jdbi().withHandle(h -> h.createQuery(
                "SELECT url, params FROM raw_payload WHERE url LIKE ? OR url LIKE ?").bind(0, server.baseUrl() + "/v4/events%")
                .bind(1, server.baseUrl() + "/v4/refused%").mapToMap().list()); // this test's server: the warehouse is the class's
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("url").toString().contains("/v4/refused")).containsExactlyInAnyOrder(true, false);
        assertThat(rows.toString()).doesNotContain(KEY).contains("apiKey=****");
        assertThat(ok.payload().params()).doesNotContain("apiKey");
        // Sidecar metadata files.
        try (Stream<Path> files = Files.walk(tmp.resolve("raw"))) {
            List<Path> sidecars = files.filter(p -> p.toString().endsWith(".meta.json") && read(p).contains(server.baseUrl())).toList();
            assertThat(sidecars).as("one sidecar per archived payload").hasSize(2);
            for (Path p : sidecars) {
                assertThat(Files.readString(p)).doesNotContain(KEY).contains("apiKey=****");
            }
        }
        // Logs (the retries are logged).
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("retrying source=odds_api"));
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(KEY);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
