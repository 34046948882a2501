package io.nbaprops.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import io.nbaprops.app.Platform;
import io.nbaprops.config.Secrets;
import io.nbaprops.config.ServiceConfig;
import io.nbaprops.ops.heal.SelfHealer;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nbaprops serve}: one port with the JSON API under /api (a key that may read), write actions under
 * /api/actions (the API key, audited), Prometheus metrics at /metrics (a key that may read), and in public only
 * /health/live, /health/ready (states without details), the dashboard's files and the public picks site (/picks/, the
 * published exports under /picks/data/). Every route declares its
 * {@link Access}; {@link RequestGuard} enforces it from the headers before any body is read, and {@link ServerLimits}
 * bounds what a request may take from Jetty.
 */
public final class ServiceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceServer.class);
    /** A readiness probe answers within this, whatever a component does. */
    private static final long READINESS_DEADLINE_MS = 5_000;
    /**
     * The page loads only its own scripts (Chart.js comes from the webjar on this server); nothing may frame it, and
     * no response is sniffed into another type. Inline styles stay allowed for the charts' sizing.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
    /** Operator answers (the API, health, metrics, every error) are never stored by a browser or a proxy. */
    static final String NO_STORE = "no-store";
    /** The dashboard's files may be cached, but are revalidated (ETag) on every use. */
    static final String REVALIDATE = "no-cache";

    /**
     * What the runtime around the service provides: health components besides the warehouse and sources (the bus,
     * the scheduler), the self-healer behind the trigger-self-heal action, an operations status (scheduler jobs,
     * workers...) shown as-is by GET /api/ops and the dashboard, and each source's availability ("configured" or
     * "not configured: why; fix"), shown by readiness, GET /api/sources and the dashboard.
     */
    public record Hooks(List<HealthComponent> components, Supplier<SelfHealer> selfHealer, Supplier<Object> opsStatus,
            Supplier<Map<String, Object>> sourceAvailability, CliGateway cli) {
        public Hooks {
            components = List.copyOf(components);
        }

        /** Without a source check or CLI commands (tests, tools): every source counts as configured. */
        public Hooks(List<HealthComponent> components, Supplier<SelfHealer> selfHealer, Supplier<Object> opsStatus) {
            this(components, selfHealer, opsStatus, Map::of, null);
        }
    }

    private final Javalin app;
    private final ServiceMetrics metrics;
    private final Readiness readiness;
    private final ActionJobs jobs;
    private final ApiKeyGuard guard;

    private ServiceServer(Javalin app, ServiceMetrics metrics, Readiness readiness, ActionJobs jobs, ApiKeyGuard guard) {
        this.app = app;
        this.metrics = metrics;
        this.readiness = readiness;
        this.jobs = jobs;
        this.guard = guard;
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /**
     * The guard over the configured keys. {@code serve} builds it before anything else starts: a key that is too short
     * stops it with a message that says why ({@link io.nbaprops.config.ConfigException}).
     */
    public static ApiKeyGuard keyGuard(Platform platform) {
        return keyGuard(platform, null);
    }

    /** The guard, with {@code apiKeyIfNone} as the API key when none is configured (serve's key for one run on loopback). */
    public static ApiKeyGuard keyGuard(Platform platform, String apiKeyIfNone) {
        ServiceConfig sc = platform.config().service();
        return new ApiKeyGuard(platform.secrets().get(sc.apiKeySecret()).orElse(apiKeyIfNone), sc.apiKeySecret(),
                platform.secrets().get(sc.readKeySecret()).orElse(null), sc.readKeySecret());
    }

    /** Builds the routes, hooks metrics into the engine and the fetcher, and starts listening on host:port (0: any free port). */
    public static ServiceServer start(Platform platform, Hooks hooks, String host, int port) {
        return start(platform, hooks, host, port, keyGuard(platform));
    }

    /** As {@link #start(Platform, Hooks, String, int)}, with the keys in {@code guard}. */
    public static ServiceServer start(Platform platform, Hooks hooks, String host, int port, ApiKeyGuard guard) {
        ServiceConfig sc = platform.config().service();
        ObjectMapper json = mapper();
        ServiceMetrics metrics = new ServiceMetrics(platform.alerts());
        platform.engine().addListener(metrics);
        platform.fetcher().addListener(metrics);
        PipelineQueries pipeline = new PipelineQueries(platform.warehouse(), platform.engine().graph(), platform.config().engine(),
                platform.clock());
        ResultsQueries results = new ResultsQueries(platform.warehouse());
        List<HealthComponent> components = new ArrayList<>();
        components.add(HealthComponent.of("warehouse", true, () -> platform.warehouse().ping()
                ? HealthComponent.Status.up((platform.warehouse().isDuckDb() ? "DuckDB" : "PostgreSQL") + " answers")
                : HealthComponent.Status.down("the warehouse does not answer (" + Secrets.mask(platform.warehouse().url()) + ")")));
        components.addAll(hooks.components());
        // Sources are shown, not required: NBA.com being down must not take the service out of a load balancer.
        components.add(HealthComponent.of("sources", false, () -> sources(pipeline, hooks.sourceAvailability().get())));
        Readiness readiness = new Readiness(components, platform.clock(), READINESS_DEADLINE_MS);
        ActionJobs jobs = new ActionJobs(platform.warehouse(), platform.clock(), Platform.nodeName());
        jobs.abandonLeftovers();
        AuditLog audit = new AuditLog(platform.warehouse(), platform.clock());
        RequestGuard requestGuard = RequestGuard.of(sc, guard, audit);
        ActionRoutes actions = new ActionRoutes(audit, json, platform.engine(), platform.alerts(), platform.deadLetters(),
                hooks.selfHealer(), jobs);
        ApiRoutes api = new ApiRoutes(platform, pipeline, results, audit, hooks.opsStatus(), hooks.sourceAvailability());

        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            ServerLimits.apply(cfg, host, port);
            publicFiles(cfg);
            picksSite(cfg, platform.config().exportsDir());
        });
        app.before(ctx -> {
            ctx.attribute("t0", System.nanoTime());
            SECURITY_HEADERS.forEach(ctx::header);
            ctx.header("Cache-Control", NO_STORE); // static files replace it with their own
        });
        requestGuard.register(app);
        app.after(ctx -> {
            Long t0 = ctx.attribute("t0");
            String route;
            try {
                route = ctx.endpointHandlerPath();
            } catch (RuntimeException e) {
                route = "unmatched"; // a 404: no route matched
            }
            if (t0 != null && (route.startsWith("/api") || route.startsWith("/health") || route.equals("/metrics") || route.equals("unmatched"))) {
                metrics.onServiceRequest(route, ctx.statusCode(), System.nanoTime() - t0);
            }
        });
        errorsAsJson(app);
        app.get("/health/live", ServiceServer::live, Access.PUBLIC);
        app.head("/health/live", ServiceServer::live, Access.PUBLIC);
        app.get("/health/ready", ctx -> ready(ctx, readiness), Access.PUBLIC);
        app.head("/health/ready", ctx -> ready(ctx, readiness), Access.PUBLIC);
        app.get("/api/health", ctx -> {
            Params.of(ctx.queryParamMap());
            Readiness.Report r = readiness.check();
            ctx.status(r.ready() ? 200 : 503).json(r.body());
        }, Access.READ);
        // The site's pages use relative addresses: /picks becomes /picks/ (as a static host does for a folder). The route
        // also matches /picks/ (trailing slashes are ignored) and routes come before static files: it answers the page there.
        byte[] picksPage = classpathBytes("/picks/index.html");
        app.get("/picks", ctx -> {
            if (!ctx.path().endsWith("/")) {
                ctx.redirect("/picks/");
                return;
            }
            ctx.header("Cache-Control", REVALIDATE).contentType("text/html; charset=utf-8").result(picksPage);
        }, Access.PUBLIC);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()), Access.READ);
        api.register(app);
        actions.register(app);
        new CliRoutes(hooks.cli(), actions).register(app);
        try {
            app.start();
        } catch (RuntimeException e) {
            readiness.close();
            jobs.close();
            throw e;
        }
        log.info("nbaprops service listening on http://{}:{} (API key {}{})", host, app.port(),
                guard.configured() ? "configured" : "NOT configured: the API, /metrics and every action answer 401; set " + sc.apiKeySecret(),
                guard.readKeyConfigured() ? "; read key configured" : "");
        return new ServiceServer(app, metrics, readiness, jobs, guard);
    }

    /** The dashboard's files (revalidated) and the webjars (versioned paths: cached for good); no data, so public. */
    private static void publicFiles(JavalinConfig cfg) {
        cfg.staticFiles.add(sf -> { // what enableWebjars() does, plus the access and cache header
            sf.directory = "META-INF/resources/webjars";
            sf.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            sf.roles = Set.of(Access.PUBLIC);
        });
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/dashboard";
            sf.location = Location.CLASSPATH;
            Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
            headers.put("Cache-Control", REVALIDATE); // the page changes with each release: revalidate with its ETag
            sf.headers = headers;
            sf.roles = Set.of(Access.PUBLIC);
        });
    }

    /**
     * The public picks site: its pages at /picks/ and, under /picks/data/, the published exports as they are on disk (the
     * same files a static host or bucket would serve, so the site is the same anywhere). Both public: the exports are the
     * published product, written for anyone to read; revalidated on every use, since picks are re-exported during the day.
     */
    private static void picksSite(JavalinConfig cfg, java.nio.file.Path exportsDir) {
        try {
            java.nio.file.Files.createDirectories(exportsDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the exports folder " + exportsDir + " for /picks/data", e);
        }
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Cache-Control", REVALIDATE);
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/picks/data";
            sf.directory = exportsDir.toAbsolutePath().toString();
            sf.location = Location.EXTERNAL;
            sf.headers = headers;
            sf.roles = Set.of(Access.PUBLIC);
        });
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/picks";
            sf.directory = "/picks";
            sf.location = Location.CLASSPATH;
            sf.headers = headers;
            sf.roles = Set.of(Access.PUBLIC);
        });
    }

    private static byte[] classpathBytes(String resource) {
        try (java.io.InputStream in = ServiceServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every refusal and failure Javalin handles is {"error": ...}; a 500 names a log reference, never the exception. */
    private static void errorsAsJson(Javalin app) {
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(ActionRoutes.error(e.getMessage(), e.parameter())));
        app.exception(EndpointNotFound.class, (e, ctx) -> ctx.status(404).json(ActionRoutes.error("no such endpoint: " + ctx.req().getMethod()
                + " " + Params.clip(ctx.path()), null)));
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(ActionRoutes.error(e.getMessage(), null)));
        app.exception(Exception.class, (e, ctx) -> {
            String what = ctx.req().getMethod() + " " + Params.clip(ctx.path());
            String ref = incident(log, what, e);
            ctx.status(500).json(ActionRoutes.error(what + " failed: internal error, reference " + ref + " (the server log has the details)", null));
        });
    }

    private static void live(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /** For anyone: ready or not, and each component's state; details are at /api/health, for key holders. */
    private static void ready(Context ctx, Readiness readiness) {
        Readiness.Report r = readiness.check();
        ctx.status(r.ready() ? 200 : 503).json(r.states());
    }

    /** Logs a failure with a short reference and returns the reference: the answer names it, never the exception. */
    static String incident(Logger log, String what, Throwable e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} failed (reference {})", what, ref, e);
        return ref;
    }

    public int port() {
        return app.port();
    }

    /** The read-only token for the CLI on this machine (written to the discovery file, never logged). */
    public String localToken() {
        return guard.localToken();
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    public ActionJobs jobs() {
        return jobs;
    }

    @Override
    public void close() {
        app.stop();
        jobs.close();
        readiness.close();
    }

    /**
     * The sources component: UP with each source's availability and last success; a source that is not configured is
     * shown as such, never as DOWN (a missing key is a setting, not an outage, and sources are not required).
     */
    static HealthComponent.Status sources(PipelineQueries pipeline, Map<String, Object> availability) {
        long notConfigured = availability.values().stream().filter(v -> String.valueOf(v).startsWith("not configured")).count();
        Map<String, Object> data = new LinkedHashMap<>(pipeline.sourcesLastSuccess());
        data.put("availability", availability);
        String summary = notConfigured == 0 ? "every source configured" : notConfigured + " source(s) not configured (not scheduled): "
                + availability.entrySet().stream().filter(e -> String.valueOf(e.getValue()).startsWith("not configured"))
                        .map(Map.Entry::getKey).toList();
        // Which sources are not configured is public (the note); why, and the last fetches, are for key holders.
        return HealthComponent.Status.up(notConfigured == 0 ? summary + "; last successful fetch per source" : summary).with(data)
                .withNote(summary);
    }

    /** "Today" in the platform's zone on its clock (the replay clock in the sandbox). */
    static LocalDate today(Platform p) {
        return LocalDate.ofInstant(p.clock().instant(), p.config().zone());
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
