package io.nbaprops.config;

/**
 * How prediction work is distributed (the {@code bus:} section): {@code in_process} (default) or {@code rabbitmq}.
 * The broker URI is a secret (it may hold a password), named here.
 */
public record BusConfig(String kind, String rabbitmqUriSecret, String rabbitmqDefaultUri) {
    public boolean isRabbit() {
        return "rabbitmq".equals(kind);
    }
}
