package io.nbaprops.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nbaprops.engine.EngineListener;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.ops.alert.AlertRecord;
import io.nbaprops.ops.alert.Alerts;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.source.HttpFetcher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus metrics of the process: run durations as histograms and run outcomes per asset, rows written,
 * engine events (failures, timeouts, retries), source request latency and errors, open alerts by severity.
 * It listens to the engine and the HTTP fetcher; {@link #scrape()} is the /metrics body.
 */
public final class ServiceMetrics implements EngineListener, HttpFetcher.Listener {
    /** Buckets from 10 ms to 30 min: asset runs range from a quick parse to a model training. */
    private static final Duration[] RUN_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(30)};
    private static final Duration[] HTTP_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Open alerts by severity, refreshed at each scrape (a failed read leaves NaN: unknown, not zero). */
    private final AtomicReference<double[]> openAlerts = new AtomicReference<>(new double[] {Double.NaN, Double.NaN, Double.NaN});
    private final Alerts alerts;

    public ServiceMetrics(Alerts alerts) {
        this.alerts = alerts;
        for (Severity s : Severity.values()) {
            Gauge.builder("nbaprops_alerts_open", openAlerts, a -> a.get()[s.ordinal()]).tag("severity", s.name())
                    .description("Open (unacknowledged) alerts").register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void onRunFinished(RunOutcome o, long durationMillis) {
        Timer.builder("nbaprops_run_duration").description("Asset partition run time, all attempts included")
                .tag("asset", o.asset()).tag("status", o.status().name())
                .serviceLevelObjectives(RUN_BUCKETS).minimumExpectedValue(RUN_BUCKETS[0])
                .maximumExpectedValue(RUN_BUCKETS[RUN_BUCKETS.length - 1])
                .register(registry).record(durationMillis, TimeUnit.MILLISECONDS);
        Counter.builder("nbaprops_rows_written").description("Rows written by asset runs").tag("asset", o.asset())
                .register(registry).increment(o.rowsWritten());
        if (o.status().isTerminalFailure()) {
            Counter.builder("nbaprops_run_failures").description("Asset runs that ended FAILED, TIMED_OUT or ABANDONED")
                    .tag("asset", o.asset()).tag("status", o.status().name()).register(registry).increment();
        }
    }

    @Override
    public void onEvent(String kind, String asset, LocalDate partition, String runId, String message) {
        Counter.builder("nbaprops_engine_events").description("Engine events: FAILED, TIMEOUT, RETRY, BUDGET_WARNING, ABANDONED, ...")
                .tag("kind", kind).tag("asset", asset == null ? "" : asset).register(registry).increment();
    }

    @Override
    public void onAttempt(String source, String endpoint, int status, Duration latency, Throwable error) {
        Timer.builder("nbaprops_source_request").description("HTTP requests to sources, per attempt")
                .tag("source", source).tag("endpoint", endpoint == null ? "" : endpoint).tag("outcome", outcome(status, error))
                .serviceLevelObjectives(HTTP_BUCKETS).minimumExpectedValue(HTTP_BUCKETS[0])
                .maximumExpectedValue(HTTP_BUCKETS[HTTP_BUCKETS.length - 1])
                .register(registry).record(latency);
        if (error != null || status == 0 || status == 429 || status >= 500) {
            Counter.builder("nbaprops_source_errors").description("Source requests that failed (connection error, 429 or 5xx)")
                    .tag("source", source).tag("kind", error != null || status == 0 ? "connection" : String.valueOf(status))
                    .register(registry).increment();
        }
    }

    private static String outcome(int status, Throwable error) {
        if (error != null || status == 0) {
            return "error";
        }
        return status / 100 + "xx";
    }

    /** Counts a request answered by the service itself (status class per route). */
    public void onServiceRequest(String route, int status, long nanos) {
        Timer.builder("nbaprops_http_server_requests").description("Requests answered by nbaprops serve").tag("route", route)
                .tag("status", String.valueOf(status)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition, with the alert gauges refreshed first. */
    public String scrape() {
        double[] counts = new double[Severity.values().length];
        try {
            List<AlertRecord> open = alerts.recent(10_000, true);
            for (AlertRecord r : open) {
                counts[Severity.valueOf(r.severity()).ordinal()]++;
            }
        } catch (RuntimeException e) {
            java.util.Arrays.fill(counts, Double.NaN);
        }
        openAlerts.set(counts);
        return registry.scrape();
    }
}
