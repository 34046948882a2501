package io.nbaprops.cli;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.AppConfig.SourceConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.SourceAvailability;
import io.nbaprops.raw.SourceAssets;
import io.nbaprops.service.ServiceDiscovery;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that the platform can run here and prints what to fix: the configuration, the keys it needs",
            "(present or not, masked), each source's reachability (a TCP connection; a source without its key is not",
            "contacted), the warehouse, the bus, free disk and the clock.",
            "Exit code: 0 the platform can run (warnings allowed), 1 it cannot (a FAIL line says why)."})
final class DoctorCommand implements Callable<Integer> {
    static final long FAIL_BELOW_BYTES = 100L * 1024 * 1024;
    static final long WARN_BELOW_BYTES = 1024L * 1024 * 1024;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private final List<String> fixes = new ArrayList<>();
    private int failures;
    private int warnings;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        AppConfig cfg;
        try {
            cfg = config.load();
            line("OK", "configuration", config.file != null ? config.file.toString() : System.getenv().getOrDefault("NBAPROPS_CONFIG",
                    "the packaged nbaprops.yaml") + " + NBAPROPS_* variables; timezone " + cfg.zone(), null);
        } catch (RuntimeException e) {
            line("FAIL", "configuration", Secrets.mask(Main.describe(e)), "fix the setting named above (see nbaprops.yaml)");
            return finish();
        }
        Secrets secrets;
        try {
            secrets = Secrets.of(cfg, System.getenv());
        } catch (RuntimeException e) {
            line("FAIL", "secrets file", Secrets.mask(e.getMessage()), "fix secrets_file or the file's permissions");
            return finish();
        }
        Optional<Long> sandbox = warehouse(cfg, secrets);
        keysAndSources(cfg, secrets, sandbox.isPresent());
        bus(cfg, secrets);
        disk(cfg);
        clock();
        return finish();
    }

    private int finish() {
        out.println();
        out.println(failures == 0 ? "the platform can run" + (warnings == 0 ? "" : " (" + warnings + " warning(s))")
                : "the platform cannot run: " + failures + " problem(s)");
        if (!fixes.isEmpty()) {
            out.println("what to fix:");
            fixes.forEach(f -> out.println("  - " + f));
        }
        return failures == 0 ? 0 : 1;
    }

    private void line(String level, String what, String detail, String fix) {
        out.printf("%-5s %-22s %s%n", level, what, detail);
        if (level.equals("FAIL")) {
            failures++;
        } else if (level.equals("WARN")) {
            warnings++;
        }
        if (fix != null && !level.equals("OK")) {
            fixes.add(what + ": " + fix);
        }
    }

    /** Opens the warehouse (or finds the service that holds it); returns the sandbox seed when a demo made it. */
    private Optional<Long> warehouse(AppConfig cfg, Secrets secrets) {
        String url = Secrets.mask(cfg.warehouse().url());
        try {
            Optional<Long> seed = SandboxRun.seedOf(cfg, secrets);
            line("OK", "warehouse", url + " opens" + seed.map(s -> "; made by `nbaprops demo` (sandbox league, seed " + s
                    + "): `serve` replays it; to go live, point warehouse.url at a new file").orElse(""), null);
            return seed;
        } catch (RuntimeException e) {
            if (ServiceClient.isLockConflict(e)) {
                Optional<ServiceDiscovery> svc = ServiceDiscovery.fileFor(cfg.warehouse().url()).flatMap(ServiceDiscovery::read);
                String ready = svc.map(s -> ready(ServiceClient.loopback(s.url()))).orElse(null);
                if (ready != null && ready.startsWith("ready")) {
                    line("OK", "warehouse", url + " is held by the running service at " + svc.get().url() + " (pid " + svc.get().pid()
                            + ", " + ready + "); the CLI goes through it", null);
                    return Optional.empty();
                }
                line("FAIL", "warehouse", url + " is held by another process" + (svc.isPresent() ? "; the service registered at "
                        + svc.get().url() + " answers: " + ready : " and no nbaprops service is registered for it"),
                        "stop the process that holds the file, or start `nbaprops serve` on it");
                return Optional.empty();
            }
            line("FAIL", "warehouse", url + ": " + Secrets.mask(Main.describe(e)), "check warehouse.url"
                    + (cfg.warehouse().isDuckDb() ? " and that its folder is writable" : ", the server and " + cfg.warehouse().passwordSecret()));
            return Optional.empty();
        }
    }

    private static String ready(String base) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(HttpRequest.newBuilder(
                    URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "ready" : "not ready (" + r.statusCode() + ")";
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void keysAndSources(AppConfig cfg, Secrets secrets, boolean sandbox) {
        key(secrets, cfg.service().apiKeySecret(), "service API key", "write actions and CLI writes through `serve` are refused",
                "set " + cfg.service().apiKeySecret() + " to a random string of 24+ characters");
        if (cfg.alerts().destinations().contains("webhook")) {
            key(secrets, cfg.alerts().webhook().urlSecret(), "alert webhook", "webhook alerts fail", "set " + cfg.alerts().webhook().urlSecret());
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (SourceAssets.Endpoint e : SourceAssets.endpoints()) {
            if (cfg.pipeline().sources().contains(e.source())) {
                bySource.computeIfAbsent(e.httpSource(), k -> new ArrayList<>()).add(e.source());
            }
        }
        int usable = 0;
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            SourceConfig sc = cfg.source(e.getKey());
            boolean needsKey = sc.auth() != null && !sc.auth().isBlank() && !sc.auth().equals("none");
            String what = "source " + e.getKey();
            if (needsKey && secrets.get(sc.apiKeySecret()).isEmpty()) {
                line(sandbox ? "OK" : "WARN", what, "not configured: " + sc.apiKeySecret() + " is not set (endpoints " + e.getValue()
                        + " are not scheduled)" + (sandbox ? "; the demo's replay uses the sandbox" : ""),
                        "set " + sc.apiKeySecret() + " (environment or secrets file), then restart `nbaprops serve`");
                continue;
            }
            String problem = SourceAvailability.probe(sc.baseUrl());
            String keyText = needsKey ? "key " + masked(secrets.get(sc.apiKeySecret()).orElseThrow()) + ", " : "no key needed, ";
            if (problem != null) {
                line(sandbox ? "OK" : "WARN", what, keyText + "unreachable: " + Secrets.mask(problem) + (sandbox ? "; the demo's replay uses the sandbox" : ""),
                        "check the network or sources." + e.getKey() + ".base_url");
            } else {
                usable++;
                line("OK", what, keyText + Secrets.mask(sc.baseUrl()) + " reachable", null);
            }
        }
        if (!sandbox && usable == 0 && !bySource.isEmpty()) {
            line("FAIL", "sources", "no source can be collected: the daily plan would have nothing to run",
                    "configure at least the schedule and box-score sources (balldontlie: BALLDONTLIE_API_KEY), or try `nbaprops demo`");
        }
    }

    private void key(Secrets secrets, String name, String what, String without, String fix) {
        Optional<String> v = secrets.get(name);
        if (v.isEmpty()) {
            line("WARN", what, name + " is not set: " + without, fix);
        } else if (v.get().length() < 24) {
            line("WARN", what, name + " = " + masked(v.get()) + ": shorter than 24 characters", fix);
        } else {
            line("OK", what, name + " = " + masked(v.get()), null);
        }
    }

    /** Enough to tell two keys apart (the last two characters and the length), never enough to use one. */
    static String masked(String v) {
        return "****" + (v.length() >= 16 ? v.substring(v.length() - 2) : "") + " (" + v.length() + " characters)";
    }

    private void bus(AppConfig cfg, Secrets secrets) {
        if (!cfg.bus().isRabbit()) {
            line("OK", "bus", "in-process work (bus.kind=in_process)", null);
            return;
        }
        var status = ServeCommand.bus(cfg.bus(), secrets).check();
        line(status.ok() ? "OK" : "FAIL", "bus", Secrets.mask(status.detail()), "start RabbitMQ or fix " + cfg.bus().rabbitmqUriSecret());
    }

    private void disk(AppConfig cfg) {
        Set<Path> dirs = new LinkedHashSet<>();
        ServiceDiscovery.fileFor(cfg.warehouse().url()).ifPresent(f -> dirs.add(f.getParent()));
        dirs.add(cfg.archiveDir().toAbsolutePath().normalize());
        dirs.add(cfg.exportsDir().toAbsolutePath().normalize());
        for (Path d : dirs) {
            Path existing = d;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            try {
                long free = Files.getFileStore(existing).getUsableSpace();
                String level = free < FAIL_BELOW_BYTES ? "FAIL" : free < WARN_BELOW_BYTES ? "WARN" : "OK";
                line(level, "disk", d + ": " + (free / (1024 * 1024)) + " MB free", "free space on " + d
                        + " (a season's demo takes about 1 GB with its raw archive)");
            } catch (IOException | RuntimeException e) {
                line("WARN", "disk", d + ": cannot tell the free space (" + e.getMessage() + ")", null);
            }
        }
    }

    private void clock() {
        Instant now = Instant.now();
        ZonedDateTime utc = now.atZone(java.time.ZoneOffset.UTC);
        if (utc.getYear() < 2024) {
            line("FAIL", "clock", "the system clock reads " + now + ": dates and the daily plan would be wrong", "set the system clock");
            return;
        }
        line("OK", "clock", "system clock " + now + " (the daily plan runs on it; a demo warehouse runs on the sandbox's replay clock)", null);
    }
}
