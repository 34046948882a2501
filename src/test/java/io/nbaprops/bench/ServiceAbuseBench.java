package io.nbaprops.bench;

import io.nbaprops.app.Platform;
import io.nbaprops.config.Secrets;
import io.nbaprops.service.HealthComponent;
import io.nbaprops.service.ServiceServer;
import io.nbaprops.testing.AbuseLoad;
import io.nbaprops.testing.LivenessProbe;
import io.nbaprops.testing.TestPlatform;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run ServiceAbuse [seconds]}: the latency of {@code GET /health/live} (a new connection every 50 ms, as a
 * load balancer probes) on an idle service, then while hostile unauthenticated clients keep requests in flight: 300
 * slow bodies; then 200 slow bodies, 50 chunked floods and 50 oversized headers. Each attacker reconnects a second after
 * it is answered or cut. The service (real pipeline assets, an empty DuckDB warehouse) and the attackers share this
 * JVM and the machine's cores.
 */
public final class ServiceAbuseBench {
    private ServiceAbuseBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("nbaprops-abuse-bench");
        Map<String, String> env = new HashMap<>(TestPlatform.env(dir, null));
        env.put("NBAPROPS_API_KEY", "bench-key-6f0c2d9a41b3e8577a1c");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (Platform platform = Platform.open(TestPlatform.config(env), new Secrets(env, null), Clock.systemUTC());
                ServiceServer server = ServiceServer.start(platform, new ServiceServer.Hooks(List.of(HealthComponent.of("bus", false,
                        () -> HealthComponent.Status.disabled("in-process"))), () -> trigger -> null, () -> Map.of()), "127.0.0.1", 0)) {
            int port = server.port();
            phase("idle", port, null, seconds);
            phase("300 slow bodies (Content-Length 100000, a byte a second, no key)", port,
                    new AbuseLoad.Mix(300, 0, 0, Duration.ofSeconds(1)), seconds);
            phase("200 slow bodies + 50 chunked floods (200 MB each, no key) + 50 oversized headers (64 KiB)", port,
                    new AbuseLoad.Mix(200, 50, 50, Duration.ofSeconds(1)), seconds);
        }
    }

    static void phase(String name, int port, AbuseLoad.Mix mix, int seconds) throws InterruptedException {
        System.out.println();
        System.out.println(name + ", " + seconds + " s:");
        AbuseLoad load = mix == null ? null : AbuseLoad.start(port, mix);
        try {
            Thread.sleep(1000); // let the attackers connect first
            long rss0 = rssKb();
            LivenessProbe probe = LivenessProbe.start(port, Duration.ofMillis(50), Duration.ofSeconds(5));
            long answered0 = load == null ? 0 : load.answers();
            Thread.sleep(seconds * 1000L);
            probe.close();
            System.out.println("  /health/live: " + probe.summary());
            if (load != null) {
                System.out.printf(Locale.ROOT, "  attackers: %d answered in the window (%.0f/s), by status %s; %d connections failed%n",
                        load.answers() - answered0, (load.answers() - answered0) / (double) seconds, load.statuses(), load.connectFailures());
                if (mix.chunkedFloods() > 0) {
                    System.out.printf(Locale.ROOT, "  chunked floods: %.1f MB sent in all, at most %.1f MB on one connection before the server hung up%n",
                            load.floodBytes() / 1e6, load.maxFloodBytes() / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "  JVM: %d threads, heap %d MB, RSS %d MB (RSS %d MB at the start of the window), load average %.1f%n",
                    ManagementFactory.getThreadMXBean().getThreadCount(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, rssKb() >> 10, rss0 >> 10,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            if (load != null) {
                load.close();
            }
        }
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
