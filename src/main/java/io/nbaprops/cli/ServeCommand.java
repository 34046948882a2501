package io.nbaprops.cli;

import io.nbaprops.app.OpsRuntime;
import io.nbaprops.app.Platform;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.BusConfig;
import io.nbaprops.ops.heal.SelfHealer;
import io.nbaprops.service.HealthComponent;
import io.nbaprops.service.ServiceServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTP service on one port until stopped (Ctrl-C): JSON API under /api, write actions under",
            "/api/actions, /health/live, /health/ready, /metrics (Prometheus) and the admin dashboard at /.",
            "The API, /metrics and the actions need the key named by service.api_key_secret (default NBAPROPS_API_KEY,",
            "at least 24 characters) in the X-API-Key header; service.read_key_secret names an optional read-only key."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: service.port; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: service.host).")
    String host;

    @Override
    public Integer call() throws Exception {
        Platform p = config.open();
        ServiceServer server;
        OpsRuntime ops = null;
        try {
            ServiceServer.keyGuard(p); // a short or doubled key stops serve here, before the scheduler starts
            AppConfig cfg = p.config();
            List<HealthComponent> components = new ArrayList<>();
            components.add(bus(cfg.bus(), p));
            Supplier<SelfHealer> healer;
            Supplier<Object> opsStatus;
            // The daily plan, periodic self-heal and the alert outbox run beside the HTTP service.
            ops = new OpsRuntime(p);
            ops.start();
            OpsRuntime rt = ops;
            components.add(HealthComponent.of("scheduler", cfg.schedule().enabled(), () -> scheduler(rt.status())));
            healer = rt::selfHealer;
            opsStatus = rt::status;
            server = ServiceServer.start(p, new ServiceServer.Hooks(components, healer, opsStatus),
                    host != null ? host : cfg.service().host(), port != null ? port : cfg.service().port());
        } catch (RuntimeException e) {
            if (ops != null) {
                ops.close();
            }
            p.close();
            throw e;
        }
        OpsRuntime runtime = ops;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            runtime.close();
            p.close();
            stopped.countDown();
        }, "serve-shutdown"));
        String shownHost = host != null ? host : p.config().service().host();
        System.out.println("nbaprops serve: dashboard http://" + shownHost + ":" + server.port() + "/  (Ctrl-C to stop)");
        stopped.await();
        return 0;
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
        if (!bus.isRabbit()) {
            return HealthComponent.of("bus", false, () -> HealthComponent.Status.disabled("in-process work (bus.kind=in_process)"));
        }
        String uri = p.secrets().get(bus.rabbitmqUriSecret()).orElse(bus.rabbitmqDefaultUri());
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
