package io.nbaprops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.service.CliGateway;
import io.nbaprops.service.ServiceDiscovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The CLI's way in when {@code nbaprops serve} holds the DuckDB file (one process per file): the service registered
 * itself beside the file ({@link ServiceDiscovery}); the command goes to its {@code POST /api/cli/{command}} over
 * loopback, reads with the service's local token from the discovery file (or the API key), writes with the API key
 * from the same secrets provider the service reads, and a write is followed as the job it becomes. What the command printed and its exit code come back unchanged.
 */
final class ServiceClient {
    private static final Pattern LOCK_PID = Pattern.compile("\\(PID (\\d+)\\)");
    private static final Duration POLL = Duration.ofMillis(200);

    private final CommandLine cmd;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServiceClient(CommandLine cmd) {
        this.cmd = cmd;
        this.out = cmd.getOut();
        this.err = cmd.getErr();
    }

    static boolean forwards(String command) {
        return CliGateway.COMMANDS.contains(command);
    }

    /** DuckDB refused the file because another process holds it. */
    static boolean isLockConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("Could not set lock on file") || m.contains("Conflicting lock is held"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command through the service; the exit code is the command's, or 1 with a message when no service answers. */
    int forward(List<String> originalArgs, Exception lockError) {
        String command = cmd.getCommandName();
        ConfigOption option = (ConfigOption) cmd.getCommandSpec().mixins().get("config").userObject();
        AppConfig cfg = option.load();
        Path file = ServiceDiscovery.fileFor(cfg.warehouse().url()).orElseThrow();
        String warehouse = file.toString().substring(0, file.toString().length() - ".service.json".length());
        Optional<ServiceDiscovery> svc = ServiceDiscovery.read(file);
        if (svc.isEmpty()) {
            err.println(command + " failed: the warehouse " + warehouse + " is held by another process" + holder(lockError)
                    + ", and no nbaprops service is registered for it (" + file + " is missing).\n"
                    + "  Stop that process and run the command again, or start `nbaprops serve` on this warehouse: the CLI then goes "
                    + "through it.");
            return 1;
        }
        boolean write = !CliGateway.READS.contains(command);
        Optional<String> key = Secrets.of(cfg, System.getenv()).get(cfg.service().apiKeySecret());
        if (write && key.isEmpty()) {
            err.println(command + " failed: the warehouse " + warehouse + " is held by the running service at " + svc.get().url()
                    + " (pid " + svc.get().pid() + "), and `" + command + "` writes, which through the service needs its API key: "
                    + "set " + cfg.service().apiKeySecret() + " (environment or secrets file) as the service has it.");
            return 1;
        }
        String base = loopback(svc.get().url());
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/cli/" + command))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("args", args(originalArgs, command)))));
            String presented = key.orElse(svc.get().token());
            if (presented != null) {
                req.header("X-API-Key", presented);
            }
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(r.body());
            if (r.statusCode() == 202) {
                body = follow(base, body.get("id").asText(), presented);
                if (body == null) {
                    return 1;
                }
            } else if (r.statusCode() != 200) {
                err.println(command + " failed: the service at " + svc.get().url() + " refused it (" + r.statusCode() + "): "
                        + body.path("error").asText(r.body()));
                return 1;
            }
            out.print(body.path("out").asText(""));
            err.print(body.path("err").asText(""));
            return body.path("exit_code").asInt(1);
        } catch (IOException e) {
            err.println(command + " failed: the warehouse " + warehouse + " is held by another process" + holder(lockError)
                    + "; a service registered at " + svc.get().url() + " (pid " + svc.get().pid() + ") does not answer ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").\n"
                    + "  If that service is gone, remove " + file + " and stop whatever holds the file.");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command + " interrupted while the service ran it");
            return 1;
        }
    }

    /** Polls the job until it ends; its result, or null after printing why there is none. */
    private JsonNode follow(String base, String id, String key) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/actions/jobs/" + id)).header("X-API-Key", key)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = json.readTree(r.body());
            String state = job.path("state").asText();
            if (r.statusCode() == 200 && (state.equals("QUEUED") || state.equals("RUNNING"))) {
                Thread.sleep(POLL.toMillis()); // poll interval of a job that may run for minutes
                continue;
            }
            if (job.path("result").isObject()) {
                return job.get("result");
            }
            err.println(cmd.getCommandName() + " failed in the service (job " + id + ", " + state + "): "
                    + job.path("error").asText(r.body()));
            return null;
        }
    }

    /** The arguments after the command's name, without --config (the service runs with its own configuration). */
    static List<String> args(List<String> originalArgs, String command) {
        List<String> out = new ArrayList<>();
        int start = originalArgs.indexOf(command) + 1;
        for (int i = start; i < originalArgs.size(); i++) {
            String a = originalArgs.get(i);
            if (a.equals("--config")) {
                i++;
            } else if (!a.startsWith("--config=")) {
                out.add(a);
            }
        }
        return out;
    }

    /** The registered URL, with a wildcard bind address replaced by loopback (the CLI talks to a service on its machine). */
    static String loopback(String url) {
        return url.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://127.0.0.1:").replaceAll("/+$", "");
    }

    private static String holder(Throwable lockError) {
        for (Throwable c = lockError; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = c.getMessage() == null ? null : LOCK_PID.matcher(c.getMessage());
            if (m != null && m.find()) {
                return " (pid " + m.group(1) + ")";
            }
        }
        return "";
    }
}
