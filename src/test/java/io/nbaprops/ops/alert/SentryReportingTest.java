package io.nbaprops.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.app.Platform;
import io.nbaprops.config.Secrets;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Errors and CRITICAL alerts to Sentry, through the official SDK, against a local server standing in for Sentry's ingest
 * endpoint (the DSN points at it): a failed run's CRITICAL alert arrives as an event tagged with its asset, date and
 * node; an ERROR log line arrives too; a WARNING alert does not; and no secret appears in anything sent.
 */
class SentryReportingTest {
    static final String SECRET = "sentry-test-api-key-4242424242";

    @TempDir
    Path dir;

    static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void criticalAlertsAndErrorsReachSentryTaggedAndWithoutSecrets() throws Exception {
        try (WebhookReceiver sentry = new WebhookReceiver("/api/42/envelope/")) {
            Map<String, String> env = TestPlatform.env(dir, null);
            env.put("SENTRY_DSN", sentry.url("").replace("http://", "http://publickey0123@") + "/42");
            env.put("NBAPROPS_API_KEY", SECRET);
            Secrets secrets = new Secrets(env, null);
            secrets.get("NBAPROPS_API_KEY"); // handed out, as the service does: from now on masked everywhere
            LocalDate d = LocalDate.of(2025, 1, 5);
            try (Platform p = Platform.open(TestPlatform.config(env), secrets, Clock.systemUTC(), pl -> List.of())) {
                p.opsAlerts().onEvent("FAILED", "feature_store", d, "run-1", "feature_store failed: upstream said " + SECRET + " is wrong");
                p.alerts().raise(new Alert(Severity.WARNING, "quota", "quota:balldontlie", "quota nearly used up", "12 left"));
                LoggerFactory.getLogger("io.nbaprops.test").error("ingest failed while using key {}", SECRET,
                        new IllegalStateException("bad key " + SECRET));
                waitFor("two events at the stand-in", () -> sentry.bodies.stream().filter(b -> b.contains("\"type\":\"event\"")).count() >= 2);
            }
            List<String> events = sentry.bodies.stream().filter(b -> b.contains("\"type\":\"event\"")).toList();
            assertThat(sentry.bodies).allSatisfy(b -> assertThat(b).doesNotContain(SECRET));
            assertThat(events).anySatisfy(b -> assertThat(b).contains("feature_store [2025-01-05] failed")
                    .contains("\"asset\":\"feature_store\"").contains("\"date\":\"2025-01-05\"").contains("\"node\":\"" + Platform.nodeName() + "\"")
                    .contains("\"level\":\"fatal\"").contains(Secrets.MASK));
            assertThat(events).anySatisfy(b -> assertThat(b).contains("ingest failed while using key").contains("IllegalStateException")
                    .contains("\"node\":\"" + Platform.nodeName() + "\""));
            // The WARNING alert is no event of its own (its log line may ride along as a breadcrumb).
            assertThat(events).noneSatisfy(b -> assertThat(b).contains("\"alert_kind\":\"quota\""));
            assertThat(events).anySatisfy(b -> assertThat(b).contains("\"alert_kind\":\"run_failed\""));
        }
    }
}
