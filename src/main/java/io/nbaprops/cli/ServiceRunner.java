package io.nbaprops.cli;

import io.nbaprops.app.OpsRuntime;
import io.nbaprops.app.Platform;
import io.nbaprops.service.ApiKeyGuard;
import io.nbaprops.service.HealthComponent;
import io.nbaprops.service.ServiceDiscovery;
import io.nbaprops.service.ServiceServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
        // A short or doubled key stops serve here, before the scheduler starts.
        ApiKeyGuard guard = ServiceServer.keyGuard(p);
        String runKey = null;
        if (!guard.configured() && loopback(host)) {
            // No key configured on a service only this machine reaches (the demo's case): a key for this run, handed over
            // in the dashboard's address below. Anything that listens beyond loopback needs a configured key.
            runKey = newKey();
            guard = ServiceServer.keyGuard(p, runKey);
        }
        try {
            List<HealthComponent> components = new ArrayList<>();
            components.add(ServeCommand.bus(p.config().bus(), p));
            ops = new OpsRuntime(p);
            ops.start();
            OpsRuntime rt = ops;
            components.add(HealthComponent.of("scheduler", p.config().schedule().enabled(), () -> ServeCommand.scheduler(rt.status())));
            server = ServiceServer.start(p, new ServiceServer.Hooks(components, rt::selfHealer, rt::status, rt.sources()::view,
                    new HostedCommands(p)), host, port, guard);
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
                new ServiceDiscovery(url, ProcessHandle.current().pid(), Instant.now(), server.localToken()).write(discovery.get());
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
        if (runKey == null) {
            out.println("nbaprops serve: dashboard " + url + "/  (Ctrl-C to stop)");
        } else {
            // The key rides in the fragment: a browser never sends it to the server in a request line or a Referer.
            out.println("nbaprops serve: dashboard " + url + "/#key=" + runKey + "  (Ctrl-C to stop)");
            out.println("  no API key is configured (" + p.config().service().apiKeySecret() + "): the key in this address is this run's "
                    + "only; set " + p.config().service().apiKeySecret() + " (24+ characters) to choose your own");
        }
        out.println("  clock: " + p.clockDescription());
        out.println("  sources: " + runtime.sources().view());
        out.flush();
        stopped.await();
        return 0;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static String newKey() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
