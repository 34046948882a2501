package io.nbaprops.sandbox.server;

import static io.nbaprops.sandbox.server.Json.obj;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nbaprops.sandbox.SandboxLeague;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server for the sandbox league serving balldontlie ({@code /v1/...}), The Odds API
 * ({@code /v4/...}) and NBA.com stats ({@code /stats/...}) at their real paths, so each source's
 * base URL is simply {@link #baseUrl()}. "Now" comes from the clock, or per request from
 * {@code now=} / {@code X-Sandbox-Now}; data appears only as it would have at that moment.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    static final String NOW_HEADER = "X-Sandbox-Now";
    private static final String TRUNCATE = "sandbox.truncate";
    /**
     * Serialised responses depend only on the league and the request (every key carries the slice of
     * "now" it depends on), so servers over the same league share them.
     */
    private static final Map<SandboxLeague, ResponseCache> CACHES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final SandboxLeague league;
    private final SandboxClock clock;
    private final FaultConfig faults;
    private final Javalin app;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Runnable prewarm;
    private final java.util.concurrent.CountDownLatch warmed = new java.util.concurrent.CountDownLatch(1);

    private SandboxServer(SandboxLeague league, SandboxClock clock, FaultConfig faults) {
        this.league = league;
        this.clock = clock;
        this.faults = faults;
        ResponseCache cache = CACHES.computeIfAbsent(league, l -> new ResponseCache(1024));
        BallDontLieApi bdl = new BallDontLieApi(league, cache);
        this.prewarm = () -> {
            // Every date's complete box scores, serialised ahead so a day is answered from memory.
            Instant afterSeason = league.games().get(league.games().size() - 1).endsAt();
            for (java.time.LocalDate d : league.gameDates()) {
                bdl.boxScores(d, afterSeason);
            }
        };
        OddsApi odds = new OddsApi(league);
        NbaStatsApi nba = new NbaStatsApi(league, cache);
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        app.before(this::injectFaults);
        app.before("/v1/*", ctx -> requireAuthorization(ctx));
        app.before("/v4/*", ctx -> requireApiKey(ctx));
        app.after(this::truncateIfAsked);
        app.exception(ApiException.class, (e, ctx) -> {
            ctx.status(e.status());
            ctx.contentType("application/json");
            ctx.result(Json.bytes(e.body()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("sandbox request {} failed", ctx.fullUrl(), e);
            ctx.status(500);
            ctx.contentType("application/json");
            ctx.result(Json.bytes(obj("error", "internal_error", "message", String.valueOf(e.getMessage()))));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                ctx.contentType("application/json");
                ctx.result(Json.bytes(obj("error", "not_found", "message", "no sandbox endpoint " + ctx.path())));
            }
        });
        // balldontlie
        app.get("/v1/teams", json(ctx -> bdl.teams()));
        app.get("/v1/teams/{id}", json(ctx -> bdl.teamById(Params.parseLong("id", ctx.pathParam("id")))));
        app.get("/v1/players", json(bdl::players));
        app.get("/v1/players/active", json(bdl::players));
        app.get("/v1/players/{id}", json(ctx -> bdl.playerById(Params.parseLong("id", ctx.pathParam("id")))));
        app.get("/v1/games", json(ctx -> bdl.games(ctx, now(ctx))));
        app.get("/v1/games/{id}", json(ctx -> bdl.gameById(Params.parseLong("id", ctx.pathParam("id")), now(ctx))));
        app.get("/v1/box_scores", json(ctx -> bdl.boxScores(ctx, now(ctx))));
        app.get("/v1/stats", json(ctx -> bdl.stats(ctx, now(ctx))));
        app.get("/v1/player_injuries", json(ctx -> bdl.injuries(ctx, now(ctx))));
        // The Odds API
        String sport = "/v4/sports/" + OddsApi.SPORT;
        app.get(sport + "/events", json(ctx -> {
            odds.charge(ctx, ctx.queryParam("apiKey"), 0);
            return odds.events(ctx, now(ctx));
        }));
        app.get(sport + "/odds", json(ctx -> {
            byte[] body = odds.allOdds(ctx, now(ctx));
            odds.charge(ctx, ctx.queryParam("apiKey"), OddsApi.Query.parse(ctx, false).cost());
            return body;
        }));
        app.get(sport + "/events/{id}/odds", json(ctx -> {
            byte[] body = odds.odds(ctx, ctx.pathParam("id"), now(ctx));
            odds.charge(ctx, ctx.queryParam("apiKey"), odds.oddsCost(ctx));
            return body;
        }));
        String historical = "/v4/historical/sports/" + OddsApi.SPORT;
        app.get(historical + "/events", json(ctx -> {
            byte[] body = odds.historicalEvents(ctx, now(ctx));
            odds.charge(ctx, ctx.queryParam("apiKey"), 1);
            return body;
        }));
        app.get(historical + "/events/{id}/odds", json(ctx -> {
            byte[] body = odds.historicalOdds(ctx, ctx.pathParam("id"), now(ctx));
            odds.charge(ctx, ctx.queryParam("apiKey"), 10 * odds.oddsCost(ctx));
            return body;
        }));
        // NBA.com stats
        app.get("/stats/scheduleleaguev2int", json(ctx -> nba.schedule(ctx, now(ctx))));
        app.get("/stats/leaguegamelog", json(ctx -> nba.gameLog(ctx, now(ctx))));
    }

    /**
     * Starts a server on 127.0.0.1 ({@code port} 0 picks a free port).
     *
     * @param faults {@link FaultConfig#OFF} for a well-behaved server
     */
    public static SandboxServer start(SandboxLeague league, int port, SandboxClock clock, FaultConfig faults) {
        SandboxServer s = new SandboxServer(league, clock, faults == null ? FaultConfig.OFF : faults);
        s.app.start("127.0.0.1", port);
        Thread warm = new Thread(() -> {
            try {
                s.prewarm.run();
            } finally {
                s.warmed.countDown();
            }
        }, "sandbox-prewarm");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        return s;
    }

    /** Waits until every date's box scores are serialised in memory (started in the background at start-up). */
    public boolean awaitPrewarm(java.time.Duration timeout) throws InterruptedException {
        return warmed.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return app.port();
    }

    public SandboxClock clock() {
        return clock;
    }

    public SandboxLeague league() {
        return league;
    }

    @Override
    public void close() {
        app.stop();
    }

    @FunctionalInterface
    private interface Body {
        byte[] get(Context ctx);
    }

    private static Handler json(Body body) {
        return ctx -> {
            byte[] bytes = body.get(ctx);
            ctx.contentType("application/json");
            ctx.result(bytes);
        };
    }

    /** The request's "now": {@code now=} query parameter, else the X-Sandbox-Now header, else the clock. */
    Instant now(Context ctx) {
        String q = ctx.queryParam("now");
        if (q != null && !q.isBlank()) {
            return Params.instant("now", q);
        }
        String h = ctx.header(NOW_HEADER);
        if (h != null && !h.isBlank()) {
            return Params.instant(NOW_HEADER, h);
        }
        return clock.now();
    }

    private static void requireAuthorization(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || auth.isBlank()) {
            throw new ApiException(401, obj("error", "Unauthorized", "message",
                    "Missing or invalid API key: send it in the Authorization header"));
        }
    }

    private static void requireApiKey(Context ctx) {
        String key = ctx.queryParam("apiKey");
        if (key == null || key.isBlank()) {
            throw new ApiException(401, obj("message", "Invalid API key. Get an API key at https://the-odds-api.com",
                    "error_code", "INVALID_KEY"));
        }
    }

    private void injectFaults(Context ctx) throws InterruptedException {
        if (!faults.enabled()) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>();
        ctx.queryParamMap().forEach((k, v) -> sorted.put(k, String.join(",", v)));
        String key = ctx.method() + " " + ctx.path() + "?" + sorted;
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        switch (faults.decide(key, attempt)) {
            case TOO_MANY_REQUESTS -> {
                ctx.header("Retry-After", String.valueOf(faults.retryAfterSeconds()));
                throw new ApiException(429, obj("error", "too_many_requests", "message",
                        "Too many requests (injected by the sandbox)"));
            }
            case SERVER_ERROR -> throw new ApiException(500, obj("error", "internal_error", "message",
                    "Internal server error (injected by the sandbox)"));
            case SLOW -> Thread.sleep(faults.slowDelay().toMillis());
            case TRUNCATED -> ctx.attribute(TRUNCATE, Boolean.TRUE);
            case NONE -> {
                // a normal answer
            }
        }
    }

    private void truncateIfAsked(Context ctx) throws java.io.IOException {
        if (Boolean.TRUE.equals(ctx.attribute(TRUNCATE)) && ctx.status().getCode() == 200 && ctx.resultInputStream() != null) {
            byte[] full = ctx.resultInputStream().readAllBytes();
            byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
            ctx.result(cut);
        }
    }
}
