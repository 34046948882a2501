package io.nbaprops.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.nbaprops.ops.alert.Alert;
import io.nbaprops.ops.alert.Alerts;
import io.nbaprops.ops.alert.Severity;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter queue as the platform sees it. A consumer (in the coordinator / serve process) records
 * each dead work item in the {@code dead_letter} table, keyed by message id so a re-delivered dead letter
 * is the same row, raises a {@code dead_letter} alert through the one alert path (de-duplicated there),
 * and only then acks. {@link #retryAll()} re-publishes the stored items to the work queue, their outcomes
 * going to the queue every coordinator consumes ({@link RabbitBus#retriedQueue()}), and marks them retried.
 */
public final class RabbitDeadLetters implements DeadLetters, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RabbitDeadLetters.class);
    static final String DEAD = "DEAD";
    static final String RETRIED = "RETRIED";
    private static final String[] COLUMNS = {"id", "queue", "item_id", "batch_id", "reason", "deliveries", "dead_at", "status",
        "retried_at", "body"};

    private final RabbitBus bus;
    private final Warehouse warehouse;
    private final Alerts alerts;
    private final Clock clock;
    private Connection connection;
    private Channel consume;
    private Channel publish;

    public RabbitDeadLetters(RabbitBus bus, Warehouse warehouse, Alerts alerts, Clock clock) {
        this.bus = bus;
        this.warehouse = warehouse;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Starts consuming the dead-letter queue. */
    public RabbitDeadLetters start(String node) {
        connection = bus.connect("dead-letters-" + node);
        try {
            publish = connection.createChannel();
            bus.declareTopology(publish);
            publish.confirmSelect();
            consume = connection.createChannel();
            consume.basicQos(16);
            consume.basicConsume(bus.deadQueue(), false, "dead-letters-" + node, (tag, d) -> onDeadLetter(d), tag -> {});
        } catch (IOException e) {
            close();
            throw new BusException("cannot consume the dead-letter queue " + bus.deadQueue() + ": " + e, e);
        }
        return this;
    }

    private void onDeadLetter(Delivery d) throws IOException {
        AMQP.BasicProperties p = d.getProperties();
        Map<String, Object> h = p.getHeaders();
        Map<String, Object> death = Headers.firstDeath(h);
        String itemId = Headers.string(h, Headers.ITEM_ID);
        String queue = Headers.string(h, "nbaprops-queue");
        if (queue == null) {
            queue = death.get("queue") != null ? death.get("queue").toString() : bus.workQueue();
        }
        String reason = Headers.string(h, Headers.ERROR);
        if (reason == null) {
            reason = "broker: " + (death.get("reason") != null ? death.get("reason") : "unknown")
                    + " (a worker died or gave no answer on every delivery)";
        }
        long deliveries = Headers.number(h, Headers.DELIVERIES, Headers.number(h, Headers.DELIVERY_COUNT, 0) + 1);
        String id = p.getMessageId() != null ? p.getMessageId() : UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            String q = queue;
            String r = reason;
            warehouse.write(tx -> tx.upsert(RowBatch.of("dead_letter", COLUMNS).add(id, q, itemId == null ? "?" : itemId,
                    Headers.string(h, Headers.BATCH_ID), r, (int) deliveries, now, DEAD, null,
                    new String(d.getBody(), StandardCharsets.UTF_8))));
            alerts.raise(new Alert(Severity.WARNING, "dead_letter", "dead_letter:" + queue, "Work item dead-lettered in " + queue,
                    itemId + " after " + deliveries + " deliveries: " + reason
                            + ". Retry with `nbaprops dead-letters retry` once the cause is fixed."));
            consume.basicAck(d.getEnvelope().getDeliveryTag(), false);
        } catch (RuntimeException e) {
            // Not recorded: leave it on the queue (fail closed) and try again shortly.
            log.error("could not record dead letter {} ({}): {}", id, itemId, e.toString());
            consume.basicNack(d.getEnvelope().getDeliveryTag(), false, true);
        }
    }

    @Override
    public List<DeadLetter> list(int limit) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT id, queue, item_id, reason, deliveries, dead_at, batch_id "
                        + "FROM dead_letter WHERE status = ? ORDER BY dead_at DESC, id LIMIT ?")
                .bind(0, DEAD).bind(1, limit)
                .map((rs, ctx) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 6, ctx), rs.getString(7)))
                .list());
    }

    @Override
    public long count() {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM dead_letter WHERE status = ?").bind(0, DEAD)
                .mapTo(Long.class).one());
    }

    /** Re-publishes every DEAD item (confirmed by the broker) and then marks them RETRIED. */
    @Override
    public synchronized int retryAll() {
        List<Map<String, Object>> rows = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT " + String.join(", ", COLUMNS)
                + " FROM dead_letter WHERE status = ? ORDER BY dead_at, id").bind(0, DEAD).mapToMap().list());
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            for (Map<String, Object> r : rows) {
                String id = (String) r.get("id");
                Map<String, Object> headers = new java.util.HashMap<>();
                headers.put(Headers.ITEM_ID, r.get("item_id"));
                headers.put(Headers.RETRY_OF, id);
                if (r.get("batch_id") != null) {
                    headers.put(Headers.BATCH_ID, r.get("batch_id"));
                }
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                        .messageId(UUID.randomUUID().toString()).correlationId("retry:" + id).replyTo(bus.retriedQueue()).headers(headers).build();
                publish.basicPublish("", bus.workQueue(), false, props, ((String) r.get("body")).getBytes(StandardCharsets.UTF_8));
            }
            publish.waitForConfirmsOrDie(bus.config().confirmTimeoutSeconds() * 1000);
        } catch (IOException | TimeoutException e) {
            throw new BusException("re-publishing " + rows.size() + " dead letters to " + bus.workQueue() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException("interrupted while re-publishing dead letters", e);
        }
        Instant now = clock.instant();
        RowBatch marked = RowBatch.of("dead_letter", COLUMNS);
        for (Map<String, Object> r : rows) {
            marked.add(r.get("id"), r.get("queue"), r.get("item_id"), r.get("batch_id"), r.get("reason"), r.get("deliveries"),
                    instant(r.get("dead_at")), RETRIED, now, r.get("body"));
        }
        warehouse.write(tx -> tx.upsert(marked));
        log.info("re-published {} dead letters to {}", rows.size(), bus.workQueue());
        return rows.size();
    }

    /** A TIMESTAMP column's JDBC value (Timestamp or LocalDateTime, by driver) as the UTC instant it stores. */
    private static Instant instant(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) v;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close(2000);
            } catch (Exception e) {
                log.debug("closing the dead-letter consumer: {}", e.toString());
            }
        }
    }
}
