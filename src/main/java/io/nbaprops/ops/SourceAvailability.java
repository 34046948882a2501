package io.nbaprops.ops;

import io.nbaprops.config.AppConfig.SourceConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Alerts;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.raw.SourceAssets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which HTTP sources the platform may call: a source whose key is not set, or whose host does not accept a connection,
 * is "not configured". Its collect and parse assets are then left out of the daily plan and of self-heal (so nothing
 * calls out without a key, and an unreachable source does not fail a run, and alert, at every attempt), and one WARNING
 * alert per source says how to configure it. A source without its key is never contacted, not even to probe it;
 * the others are probed with a TCP connection to their host (no request is sent). Checked at start-up and again by
 * the periodic pass, so a source that comes back is scheduled again.
 */
public final class SourceAvailability {
    private static final Logger log = LoggerFactory.getLogger(SourceAvailability.class);
    private static final int PROBE_TIMEOUT_MS = 3000;

    /** One source: CONFIGURED, NO_KEY or UNREACHABLE, why, and what to do about it. */
    public record Status(String source, String state, String detail, String fix, List<String> endpoints, Instant checkedAt) {
        public boolean usable() {
            return "CONFIGURED".equals(state);
        }

        /** What the dashboard and readiness show: "configured", or "not configured: why; fix". */
        public String summary() {
            return usable() ? "configured" : "not configured: " + detail + (fix == null ? "" : "; " + fix);
        }
    }

    private final Function<String, SourceConfig> configs;
    private final Secrets secrets;
    private final Alerts alerts;
    private final Clock clock;
    /** HTTP source -> the pipeline's endpoints on it; and collect/parse asset -> its HTTP source. */
    private final Map<String, List<String>> endpoints = new LinkedHashMap<>();
    private final Map<String, String> sourceOfAsset = new LinkedHashMap<>();
    private final Map<String, Status> current = new ConcurrentHashMap<>();

    public SourceAvailability(Collection<String> enabledEndpoints, Function<String, SourceConfig> configs, Secrets secrets, Alerts alerts,
            Clock clock) {
        this.configs = configs;
        this.secrets = secrets;
        this.alerts = alerts;
        this.clock = clock;
        for (SourceAssets.Endpoint e : SourceAssets.endpoints()) {
            if (enabledEndpoints.contains(e.source())) {
                endpoints.computeIfAbsent(e.httpSource(), k -> new ArrayList<>()).add(e.source());
                sourceOfAsset.put(e.collectAsset(), e.httpSource());
                sourceOfAsset.put(e.parseAsset(), e.httpSource());
            }
        }
    }

    /** Checks every source now (probes in parallel); raises one warning for each source that became unusable. */
    public Map<String, Status> check() {
        Map<String, CompletableFuture<Status>> futures = new LinkedHashMap<>();
        for (String source : endpoints.keySet()) {
            futures.put(source, CompletableFuture.supplyAsync(() -> checkOne(source)));
        }
        Map<String, Status> out = new LinkedHashMap<>();
        futures.forEach((source, f) -> {
            Status s = f.join();
            Status before = current.put(source, s);
            if (!s.usable() && (before == null || before.usable())) {
                warn(s);
            } else if (s.usable() && before != null && !before.usable()) {
                log.info("source {} is configured again: its endpoints {} are scheduled", source, s.endpoints());
            }
            out.put(source, s);
        });
        return out;
    }

    private Status checkOne(String source) {
        SourceConfig cfg = configs.apply(source);
        List<String> eps = List.copyOf(endpoints.get(source));
        Instant now = clock.instant();
        boolean needsKey = cfg.auth() != null && !cfg.auth().isBlank() && !cfg.auth().equals("none");
        if (needsKey && secrets.get(cfg.apiKeySecret()).isEmpty()) {
            return new Status(source, "NO_KEY", "no API key (secret " + cfg.apiKeySecret() + " is not set)",
                    "set " + cfg.apiKeySecret() + " in the environment or in the secrets file (secrets_file), then restart", eps, now);
        }
        String problem = probe(cfg.baseUrl());
        if (problem != null) {
            return new Status(source, "UNREACHABLE", Secrets.mask(problem), "check the network, or sources." + source
                    + ".base_url; it is probed again every few minutes", eps, now);
        }
        return new Status(source, "CONFIGURED", needsKey ? "key set, host reachable" : "no key needed, host reachable", null, eps, now);
    }

    /** A TCP connection to the base URL's host and port (no request sent); null when it connects, else why not. */
    public static String probe(String baseUrl) {
        URI u;
        try {
            u = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return "base URL '" + baseUrl + "' is not a URL";
        }
        if (u.getHost() == null) {
            return "base URL '" + baseUrl + "' has no host";
        }
        int port = u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), port), PROBE_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return "cannot connect to " + u.getHost() + ":" + port + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    private void warn(Status s) {
        log.warn("source {} is not configured ({}): its endpoints {} are not scheduled; {}", s.source(), s.detail(), s.endpoints(), s.fix());
        alerts.raise(new Alert(Severity.WARNING, "source_not_configured", "source_not_configured:" + s.source(),
                "source " + s.source() + " is not configured: " + s.detail(),
                "endpoints " + s.endpoints() + " are not collected or scheduled until it is.\nTo configure it: " + s.fix() + "."));
    }

    /** The last check of every source (empty before the first check). */
    public Map<String, Status> current() {
        return Map.copyOf(current);
    }

    /**
     * Whether the daily plan and self-heal may run {@code asset}: every asset but the collect and parse assets of a
     * source that is not configured. Before the first check every asset counts as usable.
     */
    public boolean scheduled(String asset) {
        String source = sourceOfAsset.get(asset);
        if (source == null) {
            return true;
        }
        Status s = current.get(source);
        return s == null || s.usable();
    }

    /** For readiness and the dashboard: source -> "configured" or "not configured: why; fix". */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String source : endpoints.keySet()) {
            Status s = current.get(source);
            m.put(source, s == null ? "not checked yet" : s.summary());
        }
        return m;
    }
}
