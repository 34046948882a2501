package io.nbaprops.config;

/**
 * Error reporting to Sentry (the {@code sentry:} section): on when the secret named by {@code dsnSecret} holds a DSN
 * (the DSN carries a key, so it is a secret); {@code environment} names this installation in Sentry.
 */
public record SentryConfig(String dsnSecret, String environment) {}
