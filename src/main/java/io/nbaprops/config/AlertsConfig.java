package io.nbaprops.config;

import java.util.List;

/**
 * Where alerts go and how often (the {@code alerts:} section). Destinations: log, email, webhook.
 * {@code dedupeMinutes}: the same alert key inside this window only bumps a counter on the open alert.
 * Deliveries go through an outbox: a failed one is retried with backoff up to {@code maxAttempts}, and at most
 * {@code maxPerHour} messages leave per destination per hour (the rest wait in the outbox, they are not dropped).
 */
public record AlertsConfig(
        List<String> destinations,
        int dedupeMinutes,
        int maxPerHour,
        int maxAttempts,
        long retryInitialSeconds,
        long retryMaxSeconds,
        long passSeconds,
        Email email,
        Webhook webhook,
        long staleExportMinutes,
        String missingDataDeadline,
        List<String> missingDataAssets,
        long selfTestHours) {

    /** SMTP delivery. {@code passwordSecret} names the secret holding the password, never the password itself. */
    public record Email(String host, int port, String from, List<String> to, String username, String passwordSecret,
            boolean starttls, long timeoutMs) {}

    /** A Slack-compatible incoming webhook. The URL itself is a credential, so only its secret's name is configured. */
    public record Webhook(String urlSecret, long timeoutMs) {}
}
