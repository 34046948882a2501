package io.nbaprops.bus;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.nbaprops.config.BusConfig;
import io.nbaprops.config.Secrets;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The broker side of distributed mode: connections (with automatic recovery) and the topology every
 * process declares idempotently on start.
 *
 * <pre>
 *   &lt;p&gt;.work    quorum queue; x-delivery-limit bounds redeliveries (a worker that dies mid-item counts too),
 *                then the broker dead-letters it to &lt;p&gt;.dlx
 *   &lt;p&gt;.dlx     fanout exchange -&gt; &lt;p&gt;.dead (durable): read by the coordinator's {@link RabbitDeadLetters}
 *   &lt;p&gt;.reply.&lt;node&gt;  one durable queue per coordinator (expires ten minutes after its consumer left)
 *   &lt;p&gt;.retried  outcomes of retried dead letters, consumed by every coordinator
 *   &lt;p&gt;.events  topic exchange for phase-completion events ({@link PhaseEvents})
 * </pre>
 */
public final class RabbitBus {
    private final BusConfig config;
    private final String uri;

    public RabbitBus(BusConfig config, String uri) {
        this.config = config;
        this.uri = uri;
    }

    /** The broker URI from the secret named in the config, else the documented default. */
    public static RabbitBus from(BusConfig config, Secrets secrets) {
        String name = config.rabbitmqUriSecret();
        String uri = name == null || name.isBlank() ? null : secrets.get(name).orElse(null);
        return new RabbitBus(config, uri != null ? uri : config.rabbitmqDefaultUri());
    }

    public BusConfig config() {
        return config;
    }

    public String workQueue() {
        return config.queuePrefix() + ".work";
    }

    public String deadQueue() {
        return config.queuePrefix() + ".dead";
    }

    public String deadExchange() {
        return config.queuePrefix() + ".dlx";
    }

    public String eventsExchange() {
        return config.queuePrefix() + ".events";
    }

    /**
     * Where outcomes of retried dead letters go: one durable queue every coordinator consumes, so a retry
     * started from the short-lived CLI is finished by the long-running service (or the next one to start).
     */
    public String retriedQueue() {
        return config.queuePrefix() + ".retried";
    }

    public String replyQueue(String node) {
        return config.queuePrefix() + ".reply." + node;
    }

    /** A connection that re-connects and re-declares its queues and consumers by itself after a drop. */
    public Connection connect(String name) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(uri);
        } catch (Exception e) {
            // The URI may hold a password: name the secret, not the value.
            throw new BusException("bad RabbitMQ URI in secret " + config.rabbitmqUriSecret() + ": " + e.getClass().getSimpleName());
        }
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        f.setNetworkRecoveryInterval(500);
        f.setRequestedHeartbeat(10);
        f.setConnectionTimeout(5000);
        try {
            return f.newConnection(config.queuePrefix() + ":" + name);
        } catch (IOException | TimeoutException e) {
            throw new BusException("cannot connect to RabbitMQ at " + f.getHost() + ":" + f.getPort() + " as " + name + ": " + e, e);
        }
    }

    /** Declares the work queue, the dead-letter exchange and queue, and the events exchange (idempotent). */
    public void declareTopology(Channel ch) throws IOException {
        ch.exchangeDeclare(deadExchange(), BuiltinExchangeType.FANOUT, true);
        ch.queueDeclare(deadQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
        ch.queueBind(deadQueue(), deadExchange(), "");
        // x-delivery-limit counts re-deliveries: delivered more than limit times -> dead-lettered.
        ch.queueDeclare(workQueue(), true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit",
                Math.max(0, config.maxDeliveries() - 1), "x-dead-letter-exchange", deadExchange()));
        ch.exchangeDeclare(eventsExchange(), BuiltinExchangeType.TOPIC, true);
        ch.queueDeclare(retriedQueue(), true, false, false, Map.of());
    }

    /**
     * A coordinator's reply queue: durable so replies survive a dropped connection; the broker removes it ten
     * minutes after its consumer went away (a recovering coordinator re-declares it).
     */
    public void declareReplyQueue(Channel ch, String queue) throws IOException {
        ch.queueDeclare(queue, true, false, false, Map.of("x-expires", 600_000));
    }

    /** Deletes every queue and exchange of this prefix (tests and the benchmark use throw-away prefixes). */
    public void deleteTopology(String... replyQueues) {
        try (Connection c = connect("cleanup"); Channel ch = c.createChannel()) {
            for (String q : replyQueues) {
                ch.queueDelete(q);
            }
            ch.queueDelete(workQueue());
            ch.queueDelete(deadQueue());
            ch.queueDelete(retriedQueue());
            ch.exchangeDelete(deadExchange());
            ch.exchangeDelete(eventsExchange());
        } catch (IOException | TimeoutException e) {
            throw new BusException("cannot delete the topology of " + config.queuePrefix() + ": " + e, e);
        }
    }
}
