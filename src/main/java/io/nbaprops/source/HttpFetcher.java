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
import java.net.http.HttpHeaders;
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
 * The one HTTP fetcher every source goes through: per-source timeouts (connect and total), rate
 * limit, retries with exponential backoff and jitter on 429/5xx/connection errors (honouring
 * Retry-After), the API key added as the source wants it and masked everywhere, user agent and
 * headers per source, and every final response archived.
 *
 * <p>Also: conditional requests (a source that sent an ETag or Last-Modified is asked with
 * If-None-Match / If-Modified-Since next time; a 304 is a success that re-uses the archived body and
 * archives it again under the new collection, so the parse step reads it like any answer); block
 * pages and WAF challenges, and HTML where another kind was expected, fail at once and are not
 * retried; quota headers are tracked per source ({@link #quotas()}).
 */
public final class HttpFetcher {
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    /** Failsafe falls back to the backoff when the delay function returns a negative duration. */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

    /** Told about every attempt; used for metrics and source health. */
    public interface Listener {
        void onAttempt(String source, String endpoint, int status, Duration latency, Throwable error);
    }

    /** What a source told us last time about a URL, to ask "has it changed?" next time. */
    private record Validators(String etag, String lastModified, ArchivedPayload payload) {}

    private final Function<String, SourceConfig> configs;
    private final Secrets secrets;
    private final RawArchive archive;
    private final Clock clock;
    private final Map<String, SourceClient> clients = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final QuotaTracker quotas = new QuotaTracker();

    public HttpFetcher(Function<String, SourceConfig> configs, Secrets secrets, RawArchive archive, Clock clock) {
        this.configs = configs;
        this.secrets = secrets;
        this.archive = archive;
        this.clock = clock;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** The latest quota each source reported (The Odds API's x-requests-remaining / -used). */
    public QuotaTracker quotas() {
        return quotas;
    }

    /** GETs and archives the response; 2xx and 304 return, anything else throws a {@link SourceException}. */
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
                    .handleResultIf(r -> (r.statusCode() == 429 || r.statusCode() >= 500) && blocked(r, null).isEmpty())
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

        /** A Retry-After header (seconds or HTTP date), capped at the source's max backoff; otherwise the backoff. */
        private Duration retryAfter(HttpResponse<byte[]> last) {
            if (last == null) {
                return USE_BACKOFF;
            }
            Optional<String> h = last.headers().firstValue("Retry-After");
            if (h.isEmpty()) {
                return USE_BACKOFF;
            }
            Duration d;
            try {
                d = Duration.ofSeconds(Long.parseLong(h.get().trim()));
            } catch (NumberFormatException e) {
                try {
                    d = Duration.between(clock.instant(),
                            ZonedDateTime.parse(h.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (RuntimeException e2) {
                    log.info("source={} sent an unreadable Retry-After '{}'; using the backoff", source, h.get());
                    return USE_BACKOFF;
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
            Validators known = validators.get(masked);
            if (known != null) {
                if (known.etag() != null) {
                    headers.put("If-None-Match", known.etag());
                }
                if (known.lastModified() != null) {
                    headers.put("If-Modified-Since", known.lastModified());
                }
            }
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
                        ? "no response within " + cfg.timeoutMs() + " ms after " + attempts[0] + " attempt(s)"
                        : "connection failed after " + attempts[0] + " attempt(s): " + cause;
                throw new SourceException(source, masked, 0, what, true, cause);
            }
            quotas.observe(source, response.headers(), clock.instant());
            int status = response.statusCode();
            byte[] body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (status == 304 && known != null) {
                // Unchanged since we archived it: the same body, archived again under this collection.
                body = archive.read(known.payload());
                contentType = known.payload().contentType();
            }
            ArchivedPayload payload = archive.store(new PayloadMeta(source, req.endpoint(), archivedParams(req, secretParam), masked,
                    req.partitionDate(), clock.instant(), status, contentType, req.collectionId()), body);
            Optional<String> block = blocked(response, req.expect());
            if (block.isPresent()) {
                throw new SourceException(source, masked, status, block.get() + "; body archived as " + payload.payloadId()
                        + "; not retried (alert: the source is refusing us)", false, null);
            }
            if ((status >= 200 && status < 300) || (status == 304 && known != null)) {
                remember(masked, response.headers(), status == 304 ? known.payload() : payload, status);
                return new FetchResult(payload, status, body, response.headers(), attempts[0]);
            }
            boolean retryable = status == 429 || status >= 500;
            throw new SourceException(source, masked, status, (retryable ? "still failing after " + attempts[0] + " attempt(s)"
                    : "request refused") + "; body archived as " + payload.payloadId() + ": " + snippet(body),
                    retryable, null);
        }

        private Optional<String> blocked(HttpResponse<byte[]> r, FetchRequest.Expect expect) {
            return BlockPages.detect(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), expect);
        }

        private void remember(String maskedUrl, HttpHeaders h, ArchivedPayload payload, int status) {
            Optional<String> etag = h.firstValue("ETag");
            Optional<String> lastModified = h.firstValue("Last-Modified");
            Validators previous = validators.get(maskedUrl);
            if (etag.isEmpty() && lastModified.isEmpty() && status != 304) {
                validators.remove(maskedUrl);
                return;
            }
            validators.put(maskedUrl, new Validators(etag.orElse(previous == null ? null : previous.etag()),
                    lastModified.orElse(previous == null ? null : previous.lastModified()), payload));
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

    private static Map<String, String> archivedParams(FetchRequest req, String secretParam) {
        Map<String, String> archivedParams = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : req.params()) {
            archivedParams.merge(p.getKey(), p.getValue(), (a, b) -> a + "," + b);
        }
        if (secretParam != null) {
            archivedParams.remove(secretParam);
        }
        return archivedParams;
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
