package io.nbaprops.cli;

import io.nbaprops.app.OpsRuntime;
import io.nbaprops.app.Platform;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.BusConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.service.HealthComponent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTP service on one port until stopped (Ctrl-C): JSON API under /api, write actions under",
            "/api/actions (X-API-Key), /health/live, /health/ready, /metrics (Prometheus) and the admin dashboard at /,",
            "with the daily plan, self-heal and alerts. The API key is the secret named by service.api_key_secret",
            "(default NBAPROPS_API_KEY, at least 24 characters; service.read_key_secret names an optional read-only key).",
            "The API and /metrics need one of them. On a warehouse `nbaprops demo` made, it serves the demo's season on the sandbox's",
            "replay clock (where the demo stopped; --speed N replays the rest of the season live, N times real time).",
            "While it runs, status, query, evaluate, export, grade, run and backfill go through it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: service.port; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: service.host).")
    String host;

    @Option(names = "--speed", paramLabel = "N", description = "On a demo warehouse: run the replay clock N times real time "
            + "(600: ten minutes of the season a second); without it the clock stands where the demo stopped.")
    Double speed;

    @Override
    public Integer call() throws Exception {
        AppConfig cfg = config.load();
        Map<String, String> env = new HashMap<>(System.getenv());
        Optional<Long> seed = SandboxRun.seedOf(cfg, Secrets.of(cfg, env));
        String h = host != null ? host : cfg.service().host();
        int p0 = port != null ? port : cfg.service().port();
        if (seed.isEmpty()) {
            if (speed != null) {
                System.err.println("serve: --speed replays a warehouse `nbaprops demo` made; this one is live (wall clock)");
                return 2;
            }
            Platform p = config.open();
            return ServiceRunner.serveUntilStopped(p, p::close, h, p0, System.out);
        }
        System.out.println("nbaprops serve: this warehouse was made by `nbaprops demo` (sandbox league, seed " + seed.get()
                + "): serving its season on the sandbox's replay clock. To run live with real keys, use a new warehouse "
                + "(README, Operations).");
        SandboxRun run = DemoCommand.startReplay(seed.get(), config.file, env, speed);
        run.replay(run.resumePoint(), speed == null ? 0 : speed);
        return ServiceRunner.serveUntilStopped(run.platform(), run::close, h, p0, System.out);
    }

    static HealthComponent.Status scheduler(OpsRuntime.Status s) {
        if (!s.enabled()) {
            return HealthComponent.Status.disabled("schedule.enabled=false");
        }
        String detail = "last tick " + (s.lastTick() == null ? "never" : s.lastTick().toString())
                + (s.lastTickError() == null ? "" : "; last tick failed: " + s.lastTickError());
        return s.running() && s.lastTickError() == null ? HealthComponent.Status.up(detail) : HealthComponent.Status.down(
                (s.running() ? "running, " : "not running, ") + detail);
    }

    /** In-process work needs no broker; with RabbitMQ the broker's port must accept a connection. */
    static HealthComponent bus(BusConfig bus, Platform p) {
        return bus(bus, p.secrets());
    }

    static HealthComponent bus(BusConfig bus, Secrets secrets) {
        if (!bus.isRabbit()) {
            return HealthComponent.of("bus", false, () -> HealthComponent.Status.disabled("in-process work (bus.kind=in_process)"));
        }
        String uri = secrets.get(bus.rabbitmqUriSecret()).orElse(bus.rabbitmqDefaultUri());
        return HealthComponent.of("bus", true, () -> {
            URI u = URI.create(uri);
            String h = u.getHost() == null ? "127.0.0.1" : u.getHost();
            int port = u.getPort() < 0 ? 5672 : u.getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(h, port), 2000);
                return HealthComponent.Status.up("RabbitMQ accepts connections at " + h + ":" + port);
            } catch (IOException e) {
                return HealthComponent.Status.down("RabbitMQ at " + h + ":" + port + " refuses: " + e.getMessage());
            }
        });
    }
}
