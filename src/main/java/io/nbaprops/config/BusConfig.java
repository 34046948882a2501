package io.nbaprops.config;

/**
 * How prediction work is distributed (the {@code bus:} section): {@code in_process} (default) or {@code rabbitmq}.
 * The broker URI is a secret (it may hold a password), named here.
 *
 * @param queuePrefix          every queue and exchange name starts with this (two platforms can share a broker)
 * @param prefetch             unacknowledged work items a worker consumer holds at once
 * @param maxDeliveries        deliveries of one work item (first included) before it is dead-lettered
 * @param workerConsumers      consumers (threads) per {@code nbaprops worker} process
 * @param confirmTimeoutSeconds how long a publisher waits for the broker's confirms
 */
public record BusConfig(String kind, String rabbitmqUriSecret, String rabbitmqDefaultUri, String queuePrefix, int prefetch,
        int maxDeliveries, int workerConsumers, long confirmTimeoutSeconds) {
    public boolean isRabbit() {
        return "rabbitmq".equals(kind);
    }
}
