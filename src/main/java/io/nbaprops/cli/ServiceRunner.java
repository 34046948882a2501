package io.nbaprops.cli;

import io.nbaprops.app.OpsRuntime;
import io.nbaprops.app.Platform;
import io.nbaprops.service.HealthComponent;
import io.nbaprops.service.ServiceDiscovery;
import io.nbaprops.service.ServiceServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code serve} and {@code demo --serve} run until stopped: the daily plan and its periodic passes ({@link OpsRuntime}),
 * the HTTP service, and the discovery file beside a DuckDB warehouse through which the CLI finds the service. Stopping
 * (Ctrl-C, SIGTERM) closes them in reverse order, then {@code closeAll} (the platform, or the sandbox run around it).
 */
final class ServiceRunner {
    private ServiceRunner() {}

    static int serveUntilStopped(Platform p, Runnable closeAll, String host, int port, PrintStream out) throws InterruptedException {
        OpsRuntime ops = null;
        ServiceServer server;
        try {
            List<HealthComponent> components = new ArrayList<>();
            components.add(ServeCommand.bus(p.config().bus(), p));
            ops = new OpsRuntime(p);
            ops.start();
            OpsRuntime rt = ops;
            components.add(HealthComponent.of("scheduler", p.config().schedule().enabled(), () -> ServeCommand.scheduler(rt.status())));
            server = ServiceServer.start(p, new ServiceServer.Hooks(components, rt::selfHealer, rt::status, rt.sources()::view,
                    new HostedCommands(p)), host, port);
        } catch (RuntimeException e) {
            if (ops != null) {
                ops.close();
            }
            closeAll.run();
            throw e;
        }
        String url = "http://" + host + ":" + server.port();
        Optional<Path> discovery = ServiceDiscovery.fileFor(p.config().warehouse().url());
        if (discovery.isPresent()) {
            try {
                new ServiceDiscovery(url, ProcessHandle.current().pid(), Instant.now()).write(discovery.get());
            } catch (IOException e) {
                out.println("nbaprops serve: cannot write " + discovery.get() + " (" + e.getMessage() + "): the CLI will not find this service");
            }
        }
        OpsRuntime runtime = ops;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            discovery.ifPresent(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a stale file is harmless: the CLI finds nobody answering and says so
                }
            });
            server.close();
            runtime.close();
            closeAll.run();
            stopped.countDown();
        }, "serve-shutdown"));
        out.println("nbaprops serve: dashboard " + url + "/  (Ctrl-C to stop)");
        out.println("  clock: " + p.clockDescription());
        out.println("  sources: " + runtime.sources().view());
        out.flush();
        stopped.await();
        return 0;
    }
}
