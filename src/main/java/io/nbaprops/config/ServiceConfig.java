package io.nbaprops.config;

import java.util.List;

/**
 * The HTTP service of {@code nbaprops serve} (the {@code service:} section). The keys are secrets, named here; the
 * trusted proxies and the failed-key throttle decide who a caller is and how often it may guess.
 */
public record ServiceConfig(String host, int port, String apiKeySecret, String readKeySecret, List<String> trustedProxies,
        int maxFailedKeys, int failedKeyWindowSeconds) {
    public ServiceConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (maxFailedKeys < 1 || failedKeyWindowSeconds < 1) {
            throw new ConfigException("service.max_failed_keys and service.failed_key_window_seconds must be at least 1 (got "
                    + maxFailedKeys + " and " + failedKeyWindowSeconds + ")");
        }
    }
}
