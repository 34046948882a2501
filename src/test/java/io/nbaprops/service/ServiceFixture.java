package io.nbaprops.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.app.Platform;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.ops.heal.PartitionHealer;
import io.nbaprops.ops.schedule.GameDays;
import io.nbaprops.store.RowBatch;
import io.nbaprops.testing.RawHttp;
import io.nbaprops.testing.TestPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real platform for service tests: a DuckDB warehouse in a temp folder, four small assets in a chain
 * (collect_box_scores -> player_summary -> prediction -> export_results) writing real rows, one of which fails
 * while {@link #summaryBroken} is set (its input "file" is missing), plus seeded games, predictions, grades,
 * performance rows and an alert, and the service on a free port.
 */
final class ServiceFixture implements AutoCloseable {
    static final String API_KEY = "svc-test-key-7f3a9c21-5e8b0d44";
    static final String READ_KEY = "svc-read-key-0b6e2f93-c41a7d58";
    static final String SUMMARY = "player_summary";

    final Platform platform;
    final ServiceServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final AtomicBoolean summaryBroken = new AtomicBoolean();
    final LocalDate today;

    ServiceFixture(Path dir, boolean withKey) {
        this(dir, withKey, null);
    }

    ServiceFixture(Path dir, boolean withKey, String sourceBaseUrl) {
        this(dir, withKey, sourceBaseUrl, null, null);
    }

    /** {@code warehouseUrl}/{@code user}: another warehouse than the temp DuckDB file (e.g. a PostgreSQL schema). */
    ServiceFixture(Path dir, boolean withKey, String sourceBaseUrl, String warehouseUrl, String user) {
        // These tests refuse a few dozen keys on purpose; the throttle has its own tests (ServiceAbuseTest).
        this(dir, withKey, sourceBaseUrl, warehouseUrl, user, Map.of("NBAPROPS_SERVICE_MAX_FAILED_KEYS", "1000"));
    }

    /** {@code extraEnv}: settings on top of the test platform's (NBAPROPS_* names). */
    ServiceFixture(Path dir, boolean withKey, String sourceBaseUrl, String warehouseUrl, String user, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(TestPlatform.env(dir, sourceBaseUrl));
        env.putAll(extraEnv);
        if (warehouseUrl != null) {
            env.put("NBAPROPS_WAREHOUSE_URL", warehouseUrl);
            env.put("NBAPROPS_WAREHOUSE_USER", user == null ? "" : user);
        }
        if (withKey) {
            env.put("NBAPROPS_API_KEY", API_KEY);
            env.put("NBAPROPS_READ_KEY", READ_KEY);
        }
        AppConfig cfg = TestPlatform.config(env);
        platform = Platform.open(cfg, new Secrets(env, null), Clock.systemUTC(), p -> assets());
        today = LocalDate.now(platform.clock().withZone(cfg.zone()));
        platform.warehouse().jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS svc_out (asset VARCHAR NOT NULL, d DATE NOT NULL, "
                + "k INTEGER NOT NULL, v DOUBLE PRECISION, PRIMARY KEY (asset, d, k))"));
        ServiceServer s;
        try {
            s = ServiceServer.start(platform, new ServiceServer.Hooks(List.of(HealthComponent.of("bus", false,
                    () -> HealthComponent.Status.disabled("in-process"))), this::healer, () -> Map.of("scheduler", "test")), "127.0.0.1", 0);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        server = s;
    }

    private List<Asset> assets() {
        return List.of(new TestAsset("collect_box_scores", Phase.COLLECT, List.of(), 4),
                new TestAsset(SUMMARY, Phase.ANALYTICS, List.of(Dependency.same("collect_box_scores")), 3),
                new TestAsset("prediction", Phase.PREDICT, List.of(Dependency.same(SUMMARY)), 2),
                new TestAsset("export_results", Phase.PUBLISH, List.of(Dependency.same("prediction")), 1));
    }

    /** Writes {@code rows} keyed rows for its partition; player_summary fails while its input is "missing". */
    final class TestAsset implements Asset {
        final String name;
        final Phase phase;
        final List<Dependency> up;
        final int rows;

        TestAsset(String name, Phase phase, List<Dependency> up, int rows) {
            this.name = name;
            this.phase = phase;
            this.up = up;
            this.rows = rows;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Phase phase() {
            return phase;
        }

        @Override
        public List<Dependency> upstream() {
            return up;
        }

        @Override
        public AssetResult materialize(AssetContext ctx) {
            if (name.equals(SUMMARY) && summaryBroken.get()) {
                throw new IllegalStateException("box score file for " + ctx.partition() + " is missing (test fault)");
            }
            RowBatch b = RowBatch.of("svc_out", "asset", "d", "k", "v");
            for (int i = 0; i < rows; i++) {
                b.add(name, ctx.partition(), i, i * 1.5);
            }
            return AssetResult.rows(ctx.write(tx -> tx.upsert(b)));
        }
    }

    RunSummary runDay(LocalDate d) {
        return platform.engine().runPartition(d, List.of(), "test");
    }

    /** The service's one self-healer, over the last week and today. */
    PartitionHealer healer() {
        java.time.ZoneId zone = platform.config().zone();
        return new PartitionHealer(platform.engine(), platform.warehouse(), new GameDays(platform.warehouse(), zone,
                java.time.LocalTime.of(19, 0)), platform.opsAlerts(), platform.clock(), zone, 7, 3, Duration.ofSeconds(3), List.of());
    }

    HealReport heal() {
        return healer().heal("test");
    }

    /** Follows a 202's job until it ends (bounded); returns the job as GET /api/actions/jobs/{id} shows it. */
    JsonNode awaitJob(Reply accepted) {
        if (accepted.status() != 202) {
            throw new AssertionError("expected 202 with a job, got " + accepted.status() + ": " + accepted.body());
        }
        String id = accepted.json().get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode job = get("/api/actions/jobs/" + id).json();
            if (!List.of("QUEUED", "RUNNING").contains(job.get("state").asText())) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " did not end within 30 s: " + job);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll, bounded by the deadline
        }
    }

    /** Two games today, predictions of two systems for three players, grades and daily performance for two past dates. */
    void seedResults() {
        List<String> systems = platform.predictions().systems().ids();
        String s1 = systems.get(0);
        String s2 = systems.get(1);
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        platform.warehouse().write(tx -> {
            tx.upsert(RowBatch.of("game", "game_key", "game_date", "season", "home_team", "away_team", "tip_off", "status", "source")
                    .add("G1", today, 2025, "BOS", "NYK", now, "scheduled", "test")
                    .add("G2", today, 2025, "LAL", "DEN", now.plusSeconds(3600), "scheduled", "test"));
            RowBatch p = RowBatch.of("prediction", "game_key", "player_lookup", "market", "system_id", "line_key", "game_date",
                    "player_name", "team", "opponent", "system_version", "predicted", "line_value", "edge", "recommendation",
                    "confidence", "created_at");
            String[][] players = {{"G1", "jaysontatum", "Jayson Tatum", "BOS", "NYK"}, {"G1", "jalenbrunson", "Jalen Brunson", "NYK", "BOS"},
                {"G2", "nikolajokic", "Nikola Jokic", "DEN", "LAL"}};
            for (String[] pl : players) {
                for (String s : List.of(s1, s2)) {
                    p.add(pl[0], pl[1], "points", s, "dk@1", today, pl[2], pl[3], pl[4], "v1", 27.5, 25.5, 2.0,
                            pl[1].equals("nikolajokic") ? "PASS" : "OVER", 0.58, now);
                }
            }
            tx.upsert(p);
            tx.upsert(RowBatch.of("upcoming_player_game_context", "game_key", "player_lookup", "game_date", "player_name", "team",
                    "opponent", "is_home", "back_to_back", "games_last_7d", "injury_code", "teammates_out", "teammates_out_usage",
                    "line_books").add("G1", "jaysontatum", today, "Jayson Tatum", "BOS", "NYK", true, false, 3, 0, 0, 0.0, 2)
                    .add("G1", "jalenbrunson", today, "Jalen Brunson", "NYK", "BOS", false, false, 3, 0, 0, 0.0, 2));
            // Performance: s1 won 6 of 10 picks (+1.2 u) on D-2 and 3 of 10 (-3.5 u) on D-1; s2 only D-1, 5 of 8 (+1.0 u).
            RowBatch perf = RowBatch.of("system_daily_performance", "game_date", "system_id", "market", "predictions", "mae",
                    "picks", "wins", "losses", "pushes", "profit_units", "voids");
            perf.add(today.minusDays(2), s1, "points", 40, 4.8, 10, 6, 4, 0, 1.2, 0);
            perf.add(today.minusDays(1), s1, "points", 40, 5.0, 10, 3, 7, 0, -3.5, 0);
            perf.add(today.minusDays(1), s2, "points", 30, 4.9, 8, 5, 3, 0, 1.0, 0);
            tx.upsert(perf);
            RowBatch br = RowBatch.of("system_daily_breakdown", "game_date", "system_id", "market", "dimension", "bucket", "picks",
                    "wins", "losses", "profit_units", "stated_sum");
            br.add(today.minusDays(2), s1, "points", "edge", "2-3", 6, 4, 2, 1.5, 3.4);
            br.add(today.minusDays(1), s1, "points", "edge", "2-3", 4, 1, 3, -2.2, 2.3);
            br.add(today.minusDays(1), s1, "points", "decile", "0.55-0.60", 10, 3, 7, -3.5, 5.75);
            tx.upsert(br);
            tx.upsert(RowBatch.of("raw_payload", "payload_id", "source", "endpoint", "params", "url", "partition_date", "fetched_at",
                    "http_status", "sha256", "bytes", "path").add("p1", "balldontlie", "games", "{}", "http://x/v1/games", today,
                    now, 200, "abc", 10L, "a/b.gz").add("p2", "balldontlie", "games", "{}", "http://x/v1/games", today,
                    now.plusSeconds(60), 500, "abd", 10L, "a/c.gz"));
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    record Reply(int status, String body, JsonNode json) {}

    /** GET with the API key (the whole API needs a key). */
    Reply get(String path) {
        return get(path, API_KEY);
    }

    /** GET with {@code key} in X-API-Key, or none when null. */
    Reply get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b);
    }

    /** GET of a raw (already encoded or deliberately malformed) path and query, sent as-is over a socket, with the API key. */
    Reply getRaw(String pathAndQuery) {
        try {
            RawHttp.Response r = RawHttp.get(server.port(), pathAndQuery, "X-API-Key: " + API_KEY);
            String ct = r.header("Content-Type");
            return new Reply(r.status(), r.body(), ct != null && ct.contains("json") ? json.readTree(r.body()) : null);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    Reply post(String path, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b);
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode n = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json")) {
                n = json.readTree(r.body());
            }
            return new Reply(r.statusCode(), r.body(), n);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        return platform.warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    @Override
    public void close() {
        server.close();
        platform.close();
    }
}
