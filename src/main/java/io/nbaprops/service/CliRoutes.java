package io.nbaprops.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.nbaprops.service.ApiKeyGuard.Access;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/cli/{command}} with {@code {"args": [...]}}: a CLI command run inside the service, for a CLI
 * that found the DuckDB file held by the service. Reading commands (status, query, evaluate) answer at once to any key
 * that may read (the read key, or the local token the CLI finds in the discovery file); writing commands (run,
 * backfill, grade, export) need the API key, are audited like every action, and run as a job (202) whose result holds
 * the exit code and output. {@link RequestGuard} has checked the key from the headers before any of this runs.
 */
final class CliRoutes {
    static final int MAX_ARGS = 50;

    private final CliGateway gateway;
    private final ActionRoutes actions;

    CliRoutes(CliGateway gateway, ActionRoutes actions) {
        this.gateway = gateway;
        this.actions = actions;
    }

    void register(Javalin app) {
        // READ lets every key that may read through; a writing command asks for the API key itself (below).
        app.post("/api/cli/{command}", this::handle, Access.READ);
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
            String who = RequestGuard.who(ctx);
            if (!ApiKeyGuard.WRITER.equals(who)) {
                throw new HttpResponseException(403, "`" + command + "` writes: through the service it needs the API key, not "
                        + who + "'s read access");
            }
            actions.handle(ctx, "cli", (body, w) -> {
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
        List<String> args = args(ActionRoutes.Body.parse(ServiceServer.mapper(), RequestBody.read(ctx.req(), ServerLimits.MAX_BODY_BYTES)));
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
}
