package io.nbaprops.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/cli/{command}} with {@code {"args": [...]}}: a CLI command run inside the service, for a CLI
 * that found the DuckDB file held by the service. Reading commands (status, query, evaluate) answer at once and need
 * no key from a loopback address (anything else needs the key); writing commands (run, backfill, grade, export) need
 * the API key, are audited like every action, and run as a job (202) whose result holds the exit code and output.
 */
final class CliRoutes {
    static final int MAX_ARGS = 50;

    private final CliGateway gateway;
    private final ApiKeyGuard guard;
    private final ActionRoutes actions;
    private final ActionJobs jobs;

    CliRoutes(CliGateway gateway, ApiKeyGuard guard, ActionRoutes actions, ActionJobs jobs) {
        this.gateway = gateway;
        this.guard = guard;
        this.actions = actions;
        this.jobs = jobs;
    }

    void register(Javalin app) {
        app.post("/api/cli/{command}", this::handle);
    }

    private void handle(Context ctx) {
        String command = ctx.pathParam("command");
        if (gateway == null) {
            ctx.status(503).json(ActionRoutes.error("this service does not run CLI commands", null));
            return;
        }
        if (!CliGateway.COMMANDS.contains(command)) {
            throw new BadRequest("command", "'" + Params.clip(command) + "' does not run through the service (these do: "
                    + String.join(", ", CliGateway.COMMANDS) + ")");
        }
        if (!CliGateway.READS.contains(command)) {
            actions.handle(ctx, "cli", (body, who) -> {
                List<String> args = args(body);
                return actions.queued("cli", ServiceServer.map("command", command, "args", args), who, 1, "commands",
                        "nbaprops " + command, job -> {
                            CliGateway.Result r = gateway.run(command, args);
                            job.step(command, Map.of(r.exitCode() == 0 ? "SUCCESS" : "EXIT_" + r.exitCode(), 1),
                                    r.exitCode() == 0 ? List.of() : List.of("exit code " + r.exitCode()));
                            return result(r);
                        });
            });
            return;
        }
        if (!loopback(ctx.ip())) {
            ApiKeyGuard.Verdict v = guard.check(ctx.header(ApiKeyGuard.HEADER));
            if (!v.allowed()) {
                ctx.status(401).json(ActionRoutes.error(v.reason() + " (reading commands need no key only from this machine)", null));
                return;
            }
        }
        List<String> args = args(ActionRoutes.Body.parse(ServiceServer.mapper(), ctx.body()));
        ctx.json(result(gateway.run(command, args)));
    }

    private static List<String> args(ActionRoutes.Body body) {
        body.allow("args");
        List<String> args = body.strings("args", MAX_ARGS);
        for (String a : args) {
            if (a.equals("--config") || a.startsWith("--config=")) {
                throw new BadRequest("args", "--config cannot be sent: the command runs with the service's configuration");
            }
        }
        return args;
    }

    private static Map<String, Object> result(CliGateway.Result r) {
        return ServiceServer.map("exit_code", r.exitCode(), "out", r.out(), "err", r.err());
    }

    static boolean loopback(String ip) {
        try {
            return ip != null && InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
