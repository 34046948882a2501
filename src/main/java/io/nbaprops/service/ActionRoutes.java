package io.nbaprops.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.nbaprops.bus.DeadLetters;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.ops.alert.Alerts;
import io.nbaprops.ops.heal.HealReport;
import io.nbaprops.ops.heal.SelfHealer;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write actions under {@code POST /api/actions/*}. Each request: the API key is checked from the headers by
 * {@link RequestGuard} before any byte of the body is read (401/403/429 there, audited there), then the body is read
 * within {@link ServerLimits} and validated (400 naming the field), then the action runs; every attempt, whatever its
 * outcome, is written to the audit trail.
 */
final class ActionRoutes {
    private static final Logger log = LoggerFactory.getLogger(ActionRoutes.class);
    static final List<String> ACTIONS = List.of("rerun", "backfill", "force-predictions", "trigger-self-heal", "retry-dead-letters",
            "ack-alert");
    /** What the audit trail holds: the actions, CLI writes run through the service, wrong keys on reads, throttle episodes. */
    static final List<String> AUDITED = java.util.stream.Stream.concat(ACTIONS.stream(), java.util.stream.Stream.of("cli", "read",
            "throttle")).toList();
    private static final String PREFIX = "/api/actions/";
    /** The assets "trigger predictions" runs, in this order, when the platform has them. */
    static final List<String> PREDICTION_ASSETS = List.of("prediction", "export_picks");
    static final int MAX_BACKFILL_DAYS = 400;

    private final AuditLog audit;
    private final ObjectMapper json;
    private final Engine engine;
    private final Alerts alerts;
    private final DeadLetters deadLetters;
    private final Supplier<SelfHealer> healer;
    private final ActionJobs jobs;

    ActionRoutes(AuditLog audit, ObjectMapper json, Engine engine, Alerts alerts, DeadLetters deadLetters, Supplier<SelfHealer> healer,
            ActionJobs jobs) {
        this.audit = audit;
        this.json = json;
        this.engine = engine;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.healer = healer;
        this.jobs = jobs;
    }


    /** What an action answers: HTTP status, JSON body, and one line for the audit trail. */
    record Result(int status, Map<String, Object> body, String summary) {}

    @FunctionalInterface
    interface Action {
        Result run(Body body, String who);
    }

    /** The action a request names ({@code POST /api/actions/<action>}), or null. */
    static String actionOf(String method, String path) {
        if (!"POST".equals(method) || !path.startsWith(PREFIX)) {
            return null;
        }
        String name = path.substring(PREFIX.length());
        return ACTIONS.contains(name) ? name : null;
    }

    void register(Javalin app) {
        app.post(PREFIX + "rerun", ctx -> handle(ctx, "rerun", this::rerun), Access.WRITE);
        app.post(PREFIX + "backfill", ctx -> handle(ctx, "backfill", this::backfill), Access.WRITE);
        app.post(PREFIX + "force-predictions", ctx -> handle(ctx, "force-predictions", this::forcePredictions), Access.WRITE);
        app.post(PREFIX + "trigger-self-heal", ctx -> handle(ctx, "trigger-self-heal", this::selfHeal), Access.WRITE);
        app.post(PREFIX + "retry-dead-letters", ctx -> handle(ctx, "retry-dead-letters", this::retryDeadLetters), Access.WRITE);
        app.post(PREFIX + "ack-alert", ctx -> handle(ctx, "ack-alert", this::ackAlert), Access.WRITE);
        // Reading a job's progress changes nothing: the read key is enough (the dashboard polls it).
        app.get("/api/actions/jobs/{id}", ctx -> {
            Params.of(ctx.queryParamMap());
            String id = ctx.pathParam("id");
            if (!id.matches("[0-9a-f-]{36}")) {
                throw new BadRequest("id", "job id must be a UUID, got '" + Params.clip(id) + "'");
            }
            var job = jobs.view(id);
            if (job.isEmpty()) {
                ctx.status(404).json(Map.of("error", "no job " + id));
                return;
            }
            ctx.json(job.get());
        }, Access.READ);
        app.get("/api/actions/jobs", ctx -> {
            Params p = Params.of(ctx.queryParamMap(), "limit");
            ctx.json(jobs.recent(p.bounded("limit", 50, 1, ApiRoutes.MAX_LIMIT)));
        }, Access.READ);
    }

    /** Runs after {@link RequestGuard} let the key through: reads the bounded body, validates, acts, audits. */
    void handle(Context ctx, String action, Action a) {
        String who = RequestGuard.who(ctx);
        String remote = RequestGuard.client(ctx).address();
        String raw = null;
        Result r;
        try {
            raw = RequestBody.read(ctx.req(), ServerLimits.MAX_BODY_BYTES);
            r = a.run(Body.parse(json, raw), who);
        } catch (BadRequest e) {
            r = new Result(400, error(e.getMessage(), e.parameter()), "bad request: " + e.getMessage());
        } catch (HttpResponseException e) {
            r = new Result(e.getStatus(), error(e.getMessage(), "body"), "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            String ref = ServiceServer.incident(log, "action " + action, e);
            r = new Result(500, error(action + " failed: internal error, reference " + ref + " (the server log has the details)", null),
                    "error " + ref + ": " + Secrets.mask(String.valueOf(e.getMessage())));
        }
        audit.tryRecord(new AuditLog.Entry(who, action, raw, r.status(), r.summary(), remote));
        ctx.status(r.status()).json(r.body());
    }

    static Map<String, Object> error(String message, String parameter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        if (parameter != null) {
            m.put("parameter", parameter);
        }
        return m;
    }

    /** A long action: queued as a job, answered 202 with the job and where to follow it. */
    Result queued(String kind, Map<String, Object> params, String who, int total, String unit, String what,
            ActionJobs.Work work) {
        ActionJobs.Job job = jobs.submit(kind, params, who, total, unit, work);
        Map<String, Object> body = new LinkedHashMap<>(jobs.view(job.id()).orElseThrow());
        return new Result(202, body, "job " + job.id() + " queued: " + what);
    }

    private Result rerun(Body b, String who) {
        b.allow("asset", "partition");
        String asset = b.asset("asset", engine);
        LocalDate date = b.requiredDate("partition");
        return queued("rerun", ServiceServer.map("asset", asset, "partition", date), who, 1, "runs", asset + " [" + date + "]", job -> {
            RunOutcome o = engine.run(asset, date, "dashboard");
            job.step(asset + " " + date, Map.of(o.status().name(), 1), o.succeeded() ? List.of() : List.of(problem(o)));
            return outcome(o);
        });
    }

    private Result backfill(Body b, String who) {
        b.allow("assets", "from", "to", "force");
        List<String> assets = b.assets("assets", engine);
        LocalDate from = b.requiredDate("from");
        LocalDate to = b.requiredDate("to");
        Params.checkRange("from", from, to, MAX_BACKFILL_DAYS);
        boolean force = b.bool("force");
        int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        return queued("backfill", ServiceServer.map("assets", assets, "from", from, "to", to, "force", force), who, days, "dates",
                (assets.isEmpty() ? "all assets" : assets) + " " + from + ".." + to + (force ? " (force)" : ""), job -> {
                    RunSummary s = engine.backfill(from, to, assets, "dashboard-backfill", force, new Engine.BackfillProgress() {
                        @Override
                        public void start(int dates) {
                            job.total(dates);
                        }

                        @Override
                        public void dateDone(LocalDate date, RunSummary day) {
                            job.step(date.toString(), statuses(day), day.outcomes().stream().filter(o -> !o.succeeded())
                                    .map(ActionRoutes::problem).toList());
                        }
                    });
                    return ServiceServer.map("counts", s.counts(), "all_succeeded", s.allSucceeded());
                });
    }

    private Result forcePredictions(Body b, String who) {
        b.allow("date");
        LocalDate date = b.requiredDate("date");
        List<String> names = PREDICTION_ASSETS.stream().filter(engine.graph()::contains).toList();
        if (names.isEmpty()) {
            return new Result(409, error("this platform has no prediction asset to run", null), "no prediction asset");
        }
        return queued("force-predictions", ServiceServer.map("date", date), who, names.size(), "runs", names + " [" + date + "]", job -> {
            RunSummary s = new RunSummary();
            for (String name : names) {
                RunOutcome o = engine.run(name, date, "dashboard");
                s.add(o);
                job.step(name, Map.of(o.status().name(), 1), o.succeeded() ? List.of() : List.of(problem(o)));
            }
            return ServiceServer.map("date", date, "all_succeeded", s.allSucceeded(), "outcomes",
                    s.outcomes().stream().map(ActionRoutes::outcome).toList());
        });
    }

    private Result selfHeal(Body b, String who) {
        b.allow();
        return queued("trigger-self-heal", Map.of(), who, 1, "passes", "self-heal pass", job -> {
            HealReport r = healer.get().heal("dashboard");
            List<String> problems = new ArrayList<>(r.failed());
            r.gaveUp().forEach(g -> problems.add("gave up: " + g));
            job.step("self-heal", Map.of("REPAIRED", r.repaired().size(), "FAILED", r.failed().size()), problems);
            return ServiceServer.map("found", r.found(), "repaired", r.repaired(), "failed", r.failed(), "gave_up", r.gaveUp());
        });
    }

    private static String problem(RunOutcome o) {
        return o.status() + " " + o.asset() + " [" + o.partition() + "] " + (o.message() == null ? "" : o.message());
    }

    private static Map<String, Integer> statuses(RunSummary s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        s.outcomes().forEach(o -> m.merge(o.status().name(), 1, Integer::sum));
        return m;
    }

    private Result retryDeadLetters(Body b, String who) {
        b.allow();
        long before = deadLetters.count();
        int n = deadLetters.retryAll();
        return new Result(200, Map.of("requeued", n, "dead_letters_before", before), n + " of " + before + " dead letters re-queued");
    }

    private Result ackAlert(Body b, String who) {
        b.allow("alert_id");
        String id = b.requiredString("alert_id", "[A-Za-z0-9-]{1,64}", "an alert id");
        if (alerts.find(id).isEmpty()) {
            return new Result(404, error("no alert " + id, "alert_id"), "no alert " + id);
        }
        boolean acked = alerts.ack(id, who);
        return acked ? new Result(200, Map.of("acked", true, "alert_id", id), "acked " + id)
                : new Result(409, error("alert " + id + " is not open (already acknowledged)", "alert_id"), "already acked " + id);
    }

    static Map<String, Object> outcome(RunOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asset", o.asset());
        m.put("partition", o.partition());
        m.put("status", o.status().name());
        m.put("attempts", o.attempts());
        m.put("rows_written", o.rowsWritten());
        m.put("message", o.message());
        m.put("run_id", o.runId());
        return m;
    }

    /** A JSON request body with strict, typed field access. */
    static final class Body {
        private final JsonNode node;

        private Body(JsonNode node) {
            this.node = node;
        }

        static Body parse(ObjectMapper json, String raw) {
            if (raw == null || raw.isBlank()) {
                return new Body(json.createObjectNode());
            }
            JsonNode n;
            try {
                n = json.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new BadRequest("body", "the body must be a JSON object (Content-Type: application/json): "
                        + Params.clip(String.valueOf(e.getOriginalMessage())));
            }
            if (n == null || !n.isObject()) {
                throw new BadRequest("body", "the body must be a JSON object");
            }
            return new Body(n);
        }

        void allow(String... fields) {
            Set<String> ok = Set.of(fields);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!ok.contains(f)) {
                    throw new BadRequest(Params.clip(f), "unknown field '" + Params.clip(f) + "'" + (fields.length == 0 ? " (this action takes none)"
                            : " (allowed: " + String.join(", ", fields) + ")"));
                }
            }
        }

        String string(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.getNodeType() != JsonNodeType.STRING) {
                throw new BadRequest(name, "field '" + name + "' must be a string");
            }
            String s = v.asText();
            if (s.length() > 200) {
                throw new BadRequest(name, "field '" + name + "' is longer than 200 characters");
            }
            Params.refuseControl("field", name, s);
            s = s.trim();
            return s.isEmpty() ? null : s;
        }

        String requiredString(String name, String regex, String what) {
            String s = string(name);
            if (s == null) {
                throw new BadRequest(name, "field '" + name + "' is required");
            }
            if (!s.matches(regex)) {
                throw new BadRequest(name, "field '" + name + "' must be " + what + ", got '" + Params.clip(s) + "'");
            }
            return s;
        }

        LocalDate requiredDate(String name) {
            String s = string(name);
            if (s == null) {
                throw new BadRequest(name, "field '" + name + "' is required (YYYY-MM-DD)");
            }
            return Params.parseDate(name, s);
        }

        boolean bool(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                throw new BadRequest(name, "field '" + name + "' must be true or false");
            }
            return v.asBoolean();
        }

        /** A list of at most {@code max} strings (each at most 2,000 characters); missing means empty. */
        List<String> strings(String name, int max) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray() || v.size() > max) {
                throw new BadRequest(name, "field '" + name + "' must be a list of at most " + max + " strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual() || e.asText().length() > 2000) {
                    throw new BadRequest(name, "field '" + name + "' must be a list of strings of at most 2000 characters");
                }
                out.add(e.asText());
            }
            return out;
        }

        String asset(String name, Engine engine) {
            String s = string(name);
            if (s == null) {
                throw new BadRequest(name, "field '" + name + "' is required (an asset name)");
            }
            return checkAsset(name, s, engine);
        }

        /** A list of asset names; missing, empty or ["all"] means every asset. */
        List<String> assets(String name, Engine engine) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new BadRequest(name, "field '" + name + "' must be a list of asset names");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw new BadRequest(name, "field '" + name + "' must be a list of asset names");
                }
                Params.refuseControl("field", name, e.asText());
                if (e.asText().equals("all")) {
                    return List.of();
                }
                out.add(checkAsset(name, e.asText(), engine));
            }
            return out;
        }

        private static String checkAsset(String name, String s, Engine engine) {
            if (!engine.graph().contains(s)) {
                throw new BadRequest(name, "unknown asset '" + Params.clip(s) + "' (see GET /api/assets)");
            }
            return s;
        }
    }
}
