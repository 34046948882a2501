package io.nbaprops.config;

import java.util.List;

/**
 * Where alerts go and how often (the {@code alerts:} section). Destinations: log, email, webhook.
 * {@code dedupeMinutes}: the same alert key inside this window only bumps a counter on the open alert.
 */
public record AlertsConfig(List<String> destinations, int dedupeMinutes) {}
