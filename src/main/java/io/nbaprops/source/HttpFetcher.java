package io.nbaprops.source;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.nbaprops.archive.ArchivedPayload;
import io.nbaprops.archive.PayloadMeta;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.config.AppConfig.SourceConfig;
import io.nbaprops.config.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP fetcher every source goes through: per-source timeouts, rate limit, retries with
 * exponential backoff and jitter on 429/5xx/connection errors (honouring Retry-After), the API key
 * added as the source wants it and masked everywhere, and every final response archived.
 */
public final class HttpFetcher {
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    /** Told about every attempt; used for metrics and source health. */
    public interface Listener {
        void onAttempt(String source, String endpoint, int status, Duration latency, Throwable error);
    }

    private final Function<String, SourceConfig> configs;
    private final Secrets secrets;
    private final RawArchive archive;
    private final Clock clock;
    private final Map<String, SourceClient> clients = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public HttpFetcher(Function<String, SourceConfig> configs, Secrets secrets, RawArchive archive, Clock clock) {
        this.configs = configs;
        this.secrets = secrets;
        this.archive = archive;
        this.clock = clock;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** GETs and archives the response; 2xx returns, anything else throws a {@link SourceException}. */
    public FetchResult get(FetchRequest req) {
        SourceClient client = clients.computeIfAbsent(req.source(), s -> new SourceClient(s, configs.apply(s)));
        return client.get(req);
    }

    private final class SourceClient {
        private final String source;
        private final SourceConfig cfg;
        private final HttpClient http;
        private final FailsafeExecutor<HttpResponse<byte[]>> executor;

        SourceClient(String source, SourceConfig cfg) {
            this.source = source;
            this.cfg = cfg;
            this.http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(cfg.connectTimeoutMs()))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            RetryPolicy<HttpResponse<byte[]>> retry = RetryPolicy.<HttpResponse<byte[]>>builder()
                    .handle(IOException.class)
                    .handleResultIf(r -> r.statusCode() == 429 || r.statusCode() >= 500)
                    .withBackoff(Duration.ofMillis(Math.max(1, cfg.initialBackoffMs())),
                            Duration.ofMillis(Math.max(cfg.initialBackoffMs() + 1, cfg.maxBackoffMs())))
                    .withJitter(0.25)
                    .withDelayFn(ctx -> retryAfter(ctx.getLastResult()))
                    .withMaxRetries(cfg.maxRetries())
                    .onRetry(e -> log.info("retrying source={} attempt={} cause={}", source, e.getAttemptCount() + 1,
                            e.getLastException() != null ? Secrets.mask(String.valueOf(e.getLastException()))
                                    : "HTTP " + e.getLastResult().statusCode()))
                    .build();
            RateLimiter<HttpResponse<byte[]>> limiter = RateLimiter.<HttpResponse<byte[]>>smoothBuilder(
                            Math.max(1, Math.round(cfg.requestsPerMinute() * 10)), Duration.ofMinutes(10))
                    .withMaxWaitTime(Duration.ofMinutes(10))
                    .build();
            this.executor = Failsafe.with(retry, limiter);
        }

        /**
         * A Retry-After header (seconds or HTTP date), capped at the source's max backoff. Without one,
         * a negative duration tells Failsafe to use the exponential backoff with jitter.
         */
        private Duration retryAfter(HttpResponse<byte[]> last) {
            Duration useBackoff = Duration.ofMillis(-1);
            if (last == null) {
                return useBackoff;
            }
            Optional<String> h = last.headers().firstValue("Retry-After");
            if (h.isEmpty()) {
                return useBackoff;
            }
            Duration d;
            try {
                d = Duration.ofSeconds(Long.parseLong(h.get().trim()));
            } catch (NumberFormatException e) {
                try {
                    d = Duration.between(clock.instant(),
                            ZonedDateTime.parse(h.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (RuntimeException e2) {
                    return useBackoff;
                }
            }
            Duration max = Duration.ofMillis(cfg.maxBackoffMs());
            return d.isNegative() ? Duration.ZERO : (d.compareTo(max) > 0 ? max : d);
        }

        FetchResult get(FetchRequest req) {
            List<Map.Entry<String, String>> params = new ArrayList<>(req.params());
            Map<String, String> headers = new LinkedHashMap<>(cfg.headers() == null ? Map.of() : cfg.headers());
            headers.putAll(req.headers());
            String secretParam = applyAuth(params, headers);
            URI uri = URI.create(stripSlash(cfg.baseUrl()) + req.path() + query(params));
            String masked = Secrets.mask(uri.toString());
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET()
                    .timeout(Duration.ofMillis(cfg.timeoutMs()))
                    .header("User-Agent", cfg.userAgent() == null ? "nbaprops" : cfg.userAgent())
                    .header("Accept-Encoding", "identity");
            headers.forEach(rb::header);
            HttpRequest request = rb.build();
            int[] attempts = {0};
            HttpResponse<byte[]> response;
            try {
                response = executor.get(() -> {
                    attempts[0]++;
                    Instant t0 = clock.instant();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        notify(req, r.statusCode(), Duration.between(t0, clock.instant()), null);
                        return r;
                    } catch (IOException e) {
                        notify(req, 0, Duration.between(t0, clock.instant()), e);
                        throw e;
                    }
                });
            } catch (FailsafeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(source, masked, 0, "interrupted", false, cause);
                }
                String what = cause instanceof HttpTimeoutException
                        ? "no response within " + cfg.timeoutMs() + " ms after " + attempts[0] + " attempts"
                        : "connection failed after " + attempts[0] + " attempts: " + cause;
                throw new SourceException(source, masked, 0, what, true, cause);
            }
            Map<String, String> archivedParams = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : req.params()) {
                archivedParams.merge(p.getKey(), p.getValue(), (a, b) -> a + "," + b);
            }
            if (secretParam != null) {
                archivedParams.remove(secretParam);
            }
            ArchivedPayload payload = archive.store(new PayloadMeta(source, req.endpoint(), archivedParams, masked,
                    req.partitionDate(), clock.instant(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), req.collectionId()), response.body());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new FetchResult(payload, status, response.body(), response.headers(), attempts[0]);
            }
            boolean retryable = status == 429 || status >= 500;
            throw new SourceException(source, masked, status, (retryable ? "still failing after " + attempts[0] + " attempts"
                    : "request refused") + "; body archived as " + payload.payloadId() + ": " + snippet(response.body()),
                    retryable, null);
        }

        /** Adds the key as the source wants it; returns the query parameter name that holds it, if any. */
        private String applyAuth(List<Map.Entry<String, String>> params, Map<String, String> headers) {
            String auth = cfg.auth() == null ? "none" : cfg.auth();
            if (auth.equals("none") || auth.isBlank()) {
                return null;
            }
            String key = secrets.get(cfg.apiKeySecret()).orElseThrow(() -> new SourceException(source, cfg.baseUrl(), 0,
                    "no API key: set the secret " + cfg.apiKeySecret() + " in the environment or the secrets file", false, null));
            if (auth.startsWith("header:")) {
                headers.put(auth.substring(7), key);
                return null;
            }
            if (auth.startsWith("query:")) {
                params.add(Map.entry(auth.substring(6), key));
                return auth.substring(6);
            }
            throw new IllegalStateException("source " + source + ": unknown auth style '" + auth + "'");
        }

        private void notify(FetchRequest req, int status, Duration latency, Throwable error) {
            for (Listener l : listeners) {
                try {
                    l.onAttempt(source, req.endpoint(), status, latency, error);
                } catch (RuntimeException e) {
                    log.warn("fetch listener failed: {}", e.toString());
                }
            }
        }
    }

    private static String query(List<Map.Entry<String, String>> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        for (Map.Entry<String, String> p : params) {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return Secrets.mask(s.isBlank() ? "(empty body)" : s);
    }
}
