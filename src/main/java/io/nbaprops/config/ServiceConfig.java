package io.nbaprops.config;

/** The HTTP service of {@code nbaprops serve} (the {@code service:} section). The API key is a secret, named here. */
public record ServiceConfig(String host, int port, String apiKeySecret) {}
