package io.nbaprops.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The whole configuration, as read from the defaults, the user's file and the environment
 * (see {@link ConfigLoader}). Field names are the YAML keys in snake_case.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AppConfig(
        String timezone,
        String secretsFile,
        WarehouseConfig warehouse,
        Path archiveDir,
        Path exportsDir,
        EngineConfig engine,
        Map<String, SourceConfig> sources,
        PipelineConfig pipeline,
        PredictConfig predict,
        AlertsConfig alerts,
        ServiceConfig service,
        BusConfig bus,
        ScheduleConfig schedule,
        SentryConfig sentry,
        JsonNode sandbox) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public SourceConfig source(String name) {
        SourceConfig c = sources.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no configuration for source '" + name + "' (known: " + sources.keySet() + ")");
        }
        return c;
    }

    /** What the pipeline collects (the {@code pipeline:} section). */
    public record PipelineConfig(java.util.List<String> sources) {}

    /** Prediction systems and recommendation thresholds (the {@code predict:} section). */
    public record PredictConfig(
            java.util.List<String> markets,
            double minEdge,
            Map<String, Double> minEdgeByMarket,
            double minProbability,
            double kellyFraction,
            double maxStake,
            int minCalibrationSamples,
            java.util.List<String> bookPriority,
            int workerThreads,
            long batchDeadlineSeconds,
            int calibrationDays,
            int ensembleDays,
            int retrainDays,
            int minTrainingRows,
            int xgbRounds,
            double xgbEta,
            int xgbMaxDepth) {}

    public record WarehouseConfig(String url, String user, String passwordSecret, int poolSize) {
        public boolean isDuckDb() {
            return url.startsWith("jdbc:duckdb:");
        }
    }

    public record EngineConfig(
            int maxAttempts,
            long initialBackoffMs,
            long maxBackoffMs,
            long defaultBudgetSeconds,
            double warnAtFraction,
            long heartbeatSeconds,
            Map<String, Long> budgetSeconds,
            long runningRecordAfterMs) {

        /** Every run's RUNNING record written as it starts (tests of crash recovery rely on that). */
        public EngineConfig(int maxAttempts, long initialBackoffMs, long maxBackoffMs, long defaultBudgetSeconds, double warnAtFraction,
                long heartbeatSeconds, Map<String, Long> budgetSeconds) {
            this(maxAttempts, initialBackoffMs, maxBackoffMs, defaultBudgetSeconds, warnAtFraction, heartbeatSeconds, budgetSeconds, 0);
        }

        public Duration budgetFor(String asset) {
            Long s = budgetSeconds == null ? null : budgetSeconds.get(asset);
            return Duration.ofSeconds(s != null ? s : defaultBudgetSeconds);
        }
    }

    /** One HTTP source. {@code apiKeySecret} names the secret, never holds it. */
    public record SourceConfig(
            String baseUrl,
            String apiKeySecret,
            String auth,
            double requestsPerMinute,
            long connectTimeoutMs,
            long timeoutMs,
            int maxRetries,
            long initialBackoffMs,
            long maxBackoffMs,
            String userAgent,
            Map<String, String> headers) {}
}
