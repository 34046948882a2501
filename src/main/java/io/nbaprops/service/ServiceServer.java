package io.nbaprops.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.nbaprops.app.Platform;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.heal.SelfHealer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nbaprops serve}: one port with the JSON API under /api, write actions under /api/actions (API key,
 * audited), health under /health, Prometheus metrics at /metrics, and the admin dashboard at /.
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

    private ServiceServer(Javalin app, ServiceMetrics metrics, Readiness readiness, ActionJobs jobs) {
        this.app = app;
        this.metrics = metrics;
        this.readiness = readiness;
        this.jobs = jobs;
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** Builds the routes, hooks metrics into the engine and the fetcher, and starts listening on host:port (0: any free port). */
    public static ServiceServer start(Platform platform, Hooks hooks, String host, int port) {
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
        String keyName = platform.config().service().apiKeySecret();
        ApiKeyGuard guard = new ApiKeyGuard(platform.secrets().get(keyName).orElse(null), keyName);
        AuditLog audit = new AuditLog(platform.warehouse(), platform.clock());
        ActionRoutes actions = new ActionRoutes(guard, audit, json, platform.engine(), platform.alerts(), platform.deadLetters(),
                hooks.selfHealer(), jobs);
        ApiRoutes api = new ApiRoutes(platform, pipeline, results, audit, hooks.opsStatus(), hooks.sourceAvailability());

        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/dashboard";
                sf.location = Location.CLASSPATH;
                sf.headers = SECURITY_HEADERS;
            });
        });
        app.before(ctx -> {
            ctx.attribute("t0", System.nanoTime());
            SECURITY_HEADERS.forEach(ctx::header);
        });
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
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(ActionRoutes.error(e.getMessage(), e.parameter())));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ActionRoutes.error(ctx.path() + " failed: " + Secrets.mask(String.valueOf(e.getMessage())), null));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api") || ctx.path().startsWith("/health")) {
                ctx.json(ActionRoutes.error("no such endpoint: " + ctx.method() + " " + Params.clip(ctx.path()), null));
            }
        });
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", ctx -> {
            Readiness.Report r = readiness.check();
            ctx.status(r.ready() ? 200 : 503).json(r.body());
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        api.register(app);
        actions.register(app);
        new CliRoutes(hooks.cli(), guard, actions, jobs).register(app);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            readiness.close();
            jobs.close();
            throw e;
        }
        log.info("nbaprops service listening on http://{}:{} (API key {})", host, app.port(),
                guard.configured() ? "configured" : "NOT configured: write actions refused; set " + keyName);
        return new ServiceServer(app, metrics, readiness, jobs);
    }

    public int port() {
        return app.port();
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
        return HealthComponent.Status.up(notConfigured == 0 ? "every source configured; last successful fetch per source"
                : notConfigured + " source(s) not configured (not scheduled): " + availability.entrySet().stream()
                        .filter(e -> String.valueOf(e.getValue()).startsWith("not configured")).map(Map.Entry::getKey).toList()).with(data);
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
