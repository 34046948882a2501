package io.nbaprops.service;

import io.javalin.Javalin;
import io.nbaprops.app.Platform;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The read side of the JSON API, for the API key or the read key (operator data: nothing here is public). Every
 * parameter is validated ({@link Params}): dates ISO, limits bounded,
 * asset/system/status names matched against the known ones, player keys against their normalised shape.
 */
final class ApiRoutes {
    static final int MAX_LIMIT = 1000;
    static final int MAX_GRID_DAYS = 62;
    static final int MAX_RANGE_DAYS = 400;
    /** player_lookup values are normalised names: lower-case letters and digits. */
    static final Pattern PLAYER = Pattern.compile("[a-z0-9]{1,64}");
    static final List<String> RUN_STATUSES = Arrays.stream(RunStatus.values()).filter(s -> s != RunStatus.ALREADY_RUNNING)
            .map(Enum::name).toList();
    static final List<String> MARKETS = List.of("points", "rebounds", "assists", "threes", "pra");

    private final Platform platform;
    private final PipelineQueries pipeline;
    private final ResultsQueries results;
    private final AuditLog audit;
    private final Supplier<Object> opsStatus;
    private final DataWindow window;
    private final Supplier<Map<String, Object>> sourceAvailability;

    ApiRoutes(Platform platform, PipelineQueries pipeline, ResultsQueries results, AuditLog audit, Supplier<Object> opsStatus,
            Supplier<Map<String, Object>> sourceAvailability) {
        this.sourceAvailability = sourceAvailability;
        this.platform = platform;
        this.pipeline = pipeline;
        this.results = results;
        this.audit = audit;
        this.opsStatus = opsStatus;
        this.window = new DataWindow(platform);
    }

    private List<String> assets() {
        return platform.engine().graph().ordered().stream().map(Asset::name).toList();
    }

    private List<String> systems() {
        return platform.predictions().systems().ids();
    }

    void register(Javalin app) {
        app.get("/api/assets", ctx -> {
            Params.of(ctx.queryParamMap());
            ctx.json(pipeline.assets());
        }, Access.READ);
        app.get("/api/status", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "to", "days");
            int days = p.bounded("days", 14, 1, MAX_GRID_DAYS);
            LocalDate to = p.date("to");
            DataWindow.Now w = window.now();
            boolean requested = to != null;
            to = requested ? to : w.defaultDate();
            Map<String, Object> grid = pipeline.grid(to.minusDays(days - 1L), to);
            grid.put("window", w.describe(to.minusDays(days - 1L), to, requested));
            ctx.json(grid);
        }, Access.READ);
        app.get("/api/status/date", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "date");
            ctx.json(pipeline.date(p.requiredDate("date")));
        }, Access.READ);
        app.get("/api/today", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "date");
            LocalDate d = p.date("date");
            DataWindow.Now w = window.now();
            LocalDate shown = d == null ? w.defaultDate() : d;
            Map<String, Object> day = results.day(shown);
            day.put("window", w.describe(shown, shown, d != null));
            day.put("open_alerts", platform.alerts().recent(MAX_LIMIT * 10, true).size());
            day.put("dead_letters", platform.deadLetters().count());
            ctx.json(day);
        }, Access.READ);
        app.get("/api/runs", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "asset", "from", "to", "date", "status", "limit");
            LocalDate date = p.date("date");
            LocalDate from = date != null ? date : p.date("from");
            LocalDate to = date != null ? date : p.date("to");
            if (date != null && (p.string("from") != null || p.string("to") != null)) {
                throw new BadRequest("date", "give either 'date' or 'from'/'to', not both");
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new BadRequest("from", "'from' (" + from + ") is after 'to' (" + to + ")");
            }
            ctx.json(pipeline.runs(p.oneOf("asset", assets()), from, to, p.oneOf("status", RUN_STATUSES),
                    p.bounded("limit", 100, 1, MAX_LIMIT)));
        }, Access.READ);
        app.get("/api/predictions", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "date", "system", "player", "market", "limit");
            LocalDate d = p.date("date");
            if (d == null) {
                DataWindow.Now w = window.now();
                d = w.defaultDate();
                ctx.header("X-Data-Window", d + "; " + w.basis());
            }
            ctx.json(results.predictions(d, p.oneOf("system", systems()),
                    p.matching("player", PLAYER, "a player key (lower-case letters and digits, e.g. lebronjames)"),
                    p.oneOf("market", MARKETS), p.bounded("limit", 200, 1, MAX_LIMIT)));
        }, Access.READ);
        app.get("/api/performance", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "system", "market", "from", "to");
            LocalDate to = p.date("to");
            LocalDate from = p.date("from");
            DataWindow.Now w = window.now();
            boolean requested = to != null && from != null;
            to = to != null ? to : w.resultsTo();
            from = from != null ? from : to.minusDays(59);
            Params.checkRange("from", from, to, MAX_RANGE_DAYS);
            Map<String, Object> perf = results.performance(p.oneOf("system", systems()), p.oneOf("market", MARKETS), from, to);
            perf.put("window", w.describe(from, to, requested));
            ctx.json(perf);
        }, Access.READ);
        app.get("/api/alerts", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "status", "limit");
            String status = p.oneOf("status", List.of("open", "all"));
            ctx.json(platform.alerts().recent(p.bounded("limit", 100, 1, MAX_LIMIT), !"all".equals(status)));
        }, Access.READ);
        app.get("/api/dead-letters", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "limit");
            int limit = p.bounded("limit", 100, 1, MAX_LIMIT);
            ctx.json(ServiceServer.map("count", platform.deadLetters().count(), "items", platform.deadLetters().list(limit)));
        }, Access.READ);
        app.get("/api/audit", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "action", "limit");
            ctx.json(audit.recent(p.bounded("limit", 100, 1, MAX_LIMIT), p.oneOf("action", ActionRoutes.AUDITED)));
        }, Access.READ);
        app.get("/api/latency", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "from", "to");
            LocalDate to = p.date("to");
            LocalDate from = p.date("from");
            DataWindow.Now w = window.now();
            boolean requested = to != null && from != null;
            to = to != null ? to : w.resultsTo();
            from = from != null ? from : to.minusDays(29);
            Params.checkRange("from", from, to, MAX_RANGE_DAYS);
            Map<String, Object> latency = pipeline.latency(from, to);
            latency.put("window", w.describe(from, to, requested));
            ctx.json(latency);
        }, Access.READ);
        app.get("/api/stuck", ctx -> {
            Params.of(ctx.queryParamMap());
            ctx.json(pipeline.stuck());
        }, Access.READ);
        app.get("/api/errors", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "asset", "kind", "limit");
            ctx.json(pipeline.errors(p.oneOf("asset", assets()), p.oneOf("kind", PipelineQueries.ERROR_KINDS),
                    p.bounded("limit", 100, 1, MAX_LIMIT)));
        }, Access.READ);
        app.get("/api/sources", ctx -> {
            Params.of(ctx.queryParamMap());
            Map<String, Object> sources = new java.util.LinkedHashMap<>(pipeline.sourcesLastSuccess());
            sources.put("availability", sourceAvailability.get());
            ctx.json(sources);
        }, Access.READ);
        app.get("/api/ops", ctx -> {
            Params.of(ctx.queryParamMap());
            Object s = opsStatus.get();
            DataWindow.Now w = window.now();
            ctx.json(ServiceServer.map("today", w.today(), "default_date", w.defaultDate(), "window", w.describe(w.defaultDate(),
                    w.defaultDate(), false), "status", s));
        }, Access.READ);
    }
}
