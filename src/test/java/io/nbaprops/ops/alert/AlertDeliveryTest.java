package io.nbaprops.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.LogCapture;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts delivered for real: e-mail to a GreenMail SMTP server, a Slack-style JSON POST to a local HTTP server.
 * De-duplication (50 raises, 1 e-mail), retries of undeliverable alerts on a later pass, the give-up, the hourly
 * rate limit, and no secret (SMTP password, webhook URL) in logs or stored errors.
 */
class AlertDeliveryTest {
    static final String HOOK_PATH = "/services/T0001/B0002/hook-secret-token-9f8e7d";
    static final String SMTP_PASSWORD = "smtp-pass-0451";

    @TempDir
    Path dir;
    Warehouse w;
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T15:00:00Z"));
    AlertDelivery delivery;

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("a.duckdb"), null, null, 4);
    }

    @AfterEach
    void close() {
        if (delivery != null) {
            delivery.close();
        }
        w.close();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static AlertsConfig cfg(List<String> destinations, int smtpPort, int maxPerHour, int maxAttempts) {
        return new AlertsConfig(destinations, 60, maxPerHour, maxAttempts, 30, 600, 30,
                new AlertsConfig.Email("127.0.0.1", smtpPort, "nbaprops@test.local", List.of("ops@test.local"), "alerts",
                        "SMTP_PASSWORD", false, 5000),
                new AlertsConfig.Webhook("ALERT_WEBHOOK_URL", 5000), 240, "11:00", List.of("prediction_grade"), 0);
    }

    AlertStore store(AlertsConfig cfg, Map<String, String> env) {
        delivery = AlertDelivery.fromConfig(w, clock, cfg, new Secrets(env, null), "test-node");
        return new AlertStore(w, clock, Duration.ofMinutes(cfg.dedupeMinutes()), delivery);
    }

    static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    AlertDelivery.DeliveryRow row(String alertId, String destination) {
        return delivery.deliveries(alertId, 10).stream().filter(r -> r.destination().equals(destination)).findFirst().orElseThrow();
    }

    static Alert failed(String asset) {
        return new Alert(Severity.CRITICAL, "run_failed", "run_failed:" + asset + ":2025-01-15", asset + " [2025-01-15] failed",
                "boom: connection reset");
    }

    @Test
    void fiftyRaisesOfOneProblemSendOneEmailAndOneWebhook() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("ops@test.local", "alerts", SMTP_PASSWORD);
        smtp.start();
        try (WebhookReceiver hook = new WebhookReceiver(HOOK_PATH)) {
            AlertStore alerts = store(cfg(List.of("log", "email", "webhook"), port, 20, 5),
                    Map.of("SMTP_PASSWORD", SMTP_PASSWORD, "ALERT_WEBHOOK_URL", hook.url(HOOK_PATH)));
            Alerts.Raised first = null;
            for (int i = 0; i < 50; i++) {
                Alerts.Raised r = alerts.raise(failed("feature_store"));
                if (i == 0) {
                    first = r;
                }
                clock.advance(Duration.ofSeconds(10));
            }
            String id = first.record().alertId();
            assertThat(first.isNew()).isTrue();
            waitFor("the e-mail and the webhook", () -> row(id, "email").status().equals("SENT") && row(id, "webhook").status().equals("SENT"));
            delivery.pass();
            assertThat(smtp.waitForIncomingEmail(2000, 1)).isTrue();
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails[0].getSubject()).isEqualTo("[nbaprops CRITICAL] feature_store [2025-01-15] failed");
            assertThat(mails[0].getContent().toString()).contains("boom: connection reset").contains("run_failed:feature_store:2025-01-15");
            assertThat(hook.bodies).hasSize(1);
            assertThat(hook.bodies.get(0)).startsWith("{\"text\":\"*[nbaprops CRITICAL] feature_store [2025-01-15] failed*\\n")
                    .contains("boom: connection reset");
            assertThat(alerts.find(id).orElseThrow().occurrences()).isEqualTo(50);
            assertThat(delivery.deliveries(id, 10)).extracting(AlertDelivery.DeliveryRow::status).containsOnly("SENT").hasSize(3);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void undeliverableAlertsAreRecordedAndDeliveredOnALaterPass() throws Exception {
        int port = freePort(); // nothing listens here yet: SMTP is down
        try (WebhookReceiver hook = new WebhookReceiver(HOOK_PATH); LogCapture logs = new LogCapture()) {
            hook.status.set(500);
            AlertStore alerts = store(cfg(List.of("email", "webhook"), port, 20, 5),
                    Map.of("SMTP_PASSWORD", SMTP_PASSWORD, "ALERT_WEBHOOK_URL", hook.url(HOOK_PATH)));
            String id = alerts.raise(failed("prediction")).record().alertId();
            waitFor("both first attempts to fail", () -> row(id, "email").attempts() == 1 && row(id, "webhook").attempts() == 1
                    && row(id, "email").status().equals("PENDING") && row(id, "webhook").status().equals("PENDING"));
            AlertDelivery.DeliveryRow mail = row(id, "email");
            AlertDelivery.DeliveryRow web = row(id, "webhook");
            assertThat(mail.lastError()).contains("SMTP 127.0.0.1:" + port);
            assertThat(web.lastError()).contains("answered HTTP 500").contains("****").doesNotContain("hook-secret-token");
            assertThat(web.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30)); // first backoff step

            // Not due yet: a pass before the backoff changes nothing.
            assertThat(delivery.pass().sent()).isZero();

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.setUser("ops@test.local", "alerts", SMTP_PASSWORD);
            smtp.start();
            try {
                hook.status.set(200);
                clock.advance(Duration.ofSeconds(31));
                AlertDelivery.PassResult r = delivery.pass();
                assertThat(r.sent()).isEqualTo(2);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                assertThat(hook.bodies).hasSize(1);
                assertThat(row(id, "email").status()).isEqualTo("SENT");
                assertThat(row(id, "email").attempts()).isEqualTo(2);
                assertThat(row(id, "webhook").status()).isEqualTo("SENT");
            } finally {
                smtp.stop();
            }
            String text = logs.text();
            assertThat(text).contains("alert delivery to webhook failed (attempt 1 of 5)");
            assertThat(text).doesNotContain("hook-secret-token").doesNotContain(SMTP_PASSWORD);
        }
    }

    @Test
    void afterMaxAttemptsADeliveryIsFailedAndLoggedLoudly() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(HOOK_PATH); LogCapture logs = new LogCapture()) {
            hook.status.set(500);
            AlertStore alerts = store(cfg(List.of("webhook"), 25, 20, 3), Map.of("ALERT_WEBHOOK_URL", hook.url(HOOK_PATH)));
            String id = alerts.raise(failed("grade")).record().alertId();
            waitFor("the first attempt", () -> row(id, "webhook").attempts() == 1);
            clock.advance(Duration.ofSeconds(30));
            assertThat(delivery.pass().retried()).isEqualTo(1);
            assertThat(row(id, "webhook").nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60)); // doubled
            clock.advance(Duration.ofSeconds(60));
            assertThat(delivery.pass().failed()).isEqualTo(1);
            AlertDelivery.DeliveryRow r = row(id, "webhook");
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.attempts()).isEqualTo(3);
            clock.advance(Duration.ofHours(1));
            assertThat(delivery.pass()).isEqualTo(new AlertDelivery.PassResult(0, 0, 0, 0));
            assertThat(logs.text()).contains("ALERT DELIVERY FAILED for good: webhook alert 'grade [2025-01-15] failed'")
                    .doesNotContain("hook-secret-token");
            assertThat(alerts.find(id)).isPresent(); // the alert itself stays listed for the dashboard
            assertThat(delivery.counts()).containsEntry("FAILED", 1);
        }
    }

    @Test
    void overTheHourlyLimitAlertsWaitInTheOutbox() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(HOOK_PATH)) {
            AlertStore alerts = store(cfg(List.of("webhook"), 25, 2, 5), Map.of("ALERT_WEBHOOK_URL", hook.url(HOOK_PATH)));
            // A second apart, so the outbox's oldest-first order is a, b, c.
            String a = alerts.raise(failed("a")).record().alertId();
            clock.advance(Duration.ofSeconds(1));
            String b = alerts.raise(failed("b")).record().alertId();
            clock.advance(Duration.ofSeconds(1));
            String c = alerts.raise(failed("c")).record().alertId();
            waitFor("two sent", () -> hook.bodies.size() == 2);
            AlertDelivery.PassResult r = delivery.pass();
            assertThat(r.rateLimited()).isEqualTo(1);
            assertThat(hook.bodies).hasSize(2);
            assertThat(row(a, "webhook").status()).isEqualTo("SENT");
            assertThat(row(b, "webhook").status()).isEqualTo("SENT");
            assertThat(row(c, "webhook").status()).isEqualTo("PENDING");
            assertThat(row(c, "webhook").attempts()).isZero();
            clock.advance(Duration.ofMinutes(61));
            assertThat(delivery.pass().sent()).isEqualTo(1);
            assertThat(hook.bodies).hasSize(3);
            assertThat(hook.bodies.get(2)).contains("c [2025-01-15] failed");
        }
    }

    @Test
    void outboxRetriesOnPostgresToo() throws Exception {
        w.close();
        try (PgSchema pg = PgSchema.create("alerts"); WebhookReceiver hook = new WebhookReceiver(HOOK_PATH)) {
            w = Warehouse.open(pg.url(), Services.PG_USER, null, 4);
            hook.status.set(500);
            AlertStore alerts = store(cfg(List.of("webhook"), 25, 20, 5), Map.of("ALERT_WEBHOOK_URL", hook.url(HOOK_PATH)));
            String id = alerts.raise(failed("prediction")).record().alertId();
            for (int i = 0; i < 9; i++) {
                alerts.raise(failed("prediction"));
            }
            waitFor("the first attempt", () -> row(id, "webhook").attempts() == 1 && row(id, "webhook").status().equals("PENDING"));
            hook.status.set(200);
            clock.advance(Duration.ofMinutes(1));
            assertThat(delivery.pass().sent()).isEqualTo(1);
            assertThat(hook.bodies).hasSize(1);
            assertThat(alerts.find(id).orElseThrow().occurrences()).isEqualTo(10);
            delivery.close();
            delivery = null;
            w.close();
        }
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("a2.duckdb"), null, null, 2); // for @AfterEach
    }

    @Test
    void misconfiguredDestinationsFailFastWithoutLeakingSecrets() {
        AlertsConfig c = cfg(List.of("webhook"), 25, 2, 5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertDelivery.fromConfig(w, clock, c, new Secrets(Map.of(), null), "n"))
                .hasMessageContaining("ALERT_WEBHOOK_URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertDelivery.fromConfig(w, clock, cfg(List.of("pager"), 25, 2, 5),
                new Secrets(Map.of(), null), "n")).hasMessageContaining("unknown destination 'pager'");
    }
}
