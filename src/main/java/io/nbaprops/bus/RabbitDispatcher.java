package io.nbaprops.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.nbaprops.predict.WorkDispatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of distributed predictions: publishes one persistent message per player to the
 * work queue (publisher confirms; re-published after a dropped connection until confirmed), and
 * collects the workers' outcomes from this coordinator's reply queue, keyed by item id, so a
 * re-delivered item's second outcome is ignored. Items without an outcome by the deadline fail as such.
 */
public final class RabbitDispatcher implements WorkDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RabbitDispatcher.class);

    /** An outcome of a retried dead letter (its batch is long over). */
    public record LateOutcome(String correlationId, String batchId, String retryOf, WorkOutcome outcome) {}

    /** Where a dispatch's time went (milliseconds); worker compute is summed over items. */
    public record Timing(long publishMillis, long collectMillis, long workerComputeMillis, long items, long duplicates, long bytesPublished) {}

    private final RabbitBus bus;
    private final String replyQueue;
    private final Connection connection;
    private final Channel publish;
    private final Channel replies;
    private final Channel retried;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile Consumer<LateOutcome> retriedOutcomes = o -> {};
    private final AtomicLong publishNanos = new AtomicLong();
    private final AtomicLong collectNanos = new AtomicLong();
    private final AtomicLong computeNanos = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private static final class Pending {
        final Set<String> expected;
        final Map<String, WorkOutcome> outcomes = new ConcurrentHashMap<>();
        final CountDownLatch remaining;

        Pending(Set<String> expected) {
            this.expected = expected;
            this.remaining = new CountDownLatch(expected.size());
        }
    }

    public RabbitDispatcher(RabbitBus bus, String node) {
        this.bus = bus;
        // Unique per dispatcher: two coordinators sharing a reply queue would take each other's outcomes.
        this.replyQueue = bus.replyQueue(node.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.connection = bus.connect("coordinator-" + node);
        try {
            this.publish = connection.createChannel();
            bus.declareTopology(publish);
            bus.declareReplyQueue(publish, replyQueue);
            publish.confirmSelect();
            this.replies = connection.createChannel();
            replies.basicQos(256);
            DeliverCallback onReply = (tag, d) -> {
                try {
                    onReply(d.getProperties(), d.getBody());
                } finally {
                    replies.basicAck(d.getEnvelope().getDeliveryTag(), false);
                }
            };
            replies.basicConsume(replyQueue, false, onReply, tag -> {});
            // Its own channel: the handler may run a whole re-prediction, whose replies arrive on the channel above.
            this.retried = connection.createChannel();
            retried.basicQos(1);
            retried.basicConsume(bus.retriedQueue(), false, (tag, d) -> {
                if (onRetried(d.getProperties(), d.getBody())) {
                    retried.basicAck(d.getEnvelope().getDeliveryTag(), false);
                } else {
                    retried.basicNack(d.getEnvelope().getDeliveryTag(), false, true);
                }
            }, tag -> {});
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new BusException("cannot set up the coordinator's channels on RabbitMQ: " + e, e);
        }
    }

    public String replyQueue() {
        return replyQueue;
    }

    /**
     * Who finishes retried dead letters (the platform re-predicts the player). The outcome is acked when
     * the listener returns; if it throws, the outcome goes back to the queue for another coordinator.
     */
    public void onRetriedOutcome(Consumer<LateOutcome> listener) {
        this.retriedOutcomes = listener;
    }

    public Timing timing() {
        return new Timing(publishNanos.get() / 1_000_000, collectNanos.get() / 1_000_000, computeNanos.get() / 1_000_000, items.get(),
                duplicates.get(), bytes.get());
    }

    @Override
    public List<WorkOutcome> dispatch(BatchShared shared, List<PlayerWork> work, Duration deadline) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        String correlation = UUID.randomUUID().toString();
        Map<String, PlayerWork> byId = new HashMap<>();
        for (PlayerWork w : work) {
            byId.put(w.itemId(), w);
        }
        Pending p = new Pending(byId.keySet());
        pending.put(correlation, p);
        try {
            publishAll(shared, work, correlation, p, end);
            long published = System.nanoTime();
            publishNanos.addAndGet(published - start);
            try {
                p.remaining.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            collectNanos.addAndGet(System.nanoTime() - published);
        } finally {
            pending.remove(correlation);
        }
        items.addAndGet(work.size());
        List<WorkOutcome> out = new ArrayList<>(work.size());
        for (PlayerWork w : work) {
            WorkOutcome o = p.outcomes.get(w.itemId());
            out.add(o != null ? o : new WorkOutcome(w.itemId(), Map.of(), "no outcome from any worker within the batch deadline of "
                    + deadline.toMillis() + " ms (are workers running on " + bus.workQueue() + "?)"));
        }
        return out;
    }

    /**
     * Publishes every item not yet answered and waits for the broker's confirms; after a dropped
     * connection (the channel recovers by itself) it publishes again. A second copy is harmless:
     * the first outcome per item wins and the prediction write is a keyed upsert.
     */
    private void publishAll(BatchShared shared, List<PlayerWork> work, String correlation, Pending p, long end) {
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                synchronized (publish) {
                    for (PlayerWork w : work) {
                        if (!p.outcomes.containsKey(w.itemId())) {
                            byte[] body = WorkCodec.work(shared, w);
                            bytes.addAndGet(body.length);
                            publish.basicPublish("", bus.workQueue(), false, properties(shared, w, correlation), body);
                        }
                    }
                    long waitMs = Math.max(1, Math.min(bus.config().confirmTimeoutSeconds() * 1000, (end - System.nanoTime()) / 1_000_000));
                    publish.waitForConfirmsOrDie(waitMs);
                }
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                last = e;
                log.warn("publishing batch {} failed ({}); re-publishing once the connection has recovered", shared.batchId(), e.toString());
                awaitOpen(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusException("interrupted while publishing batch " + shared.batchId(), e);
            }
        }
        throw new BusException("could not publish batch " + shared.batchId() + " to " + bus.workQueue() + " before its deadline: " + last,
                last);
    }

    private void awaitOpen(long end) {
        // Recovery re-opens the same channel object; poll with a deadline instead of sleeping blindly.
        while (!publish.isOpen() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private AMQP.BasicProperties properties(BatchShared shared, PlayerWork w, String correlation) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(UUID.randomUUID().toString())
                .correlationId(correlation)
                .replyTo(replyQueue)
                .headers(Map.of(Headers.ITEM_ID, w.itemId(), Headers.BATCH_ID, shared.batchId()))
                .build();
    }

    private void onReply(AMQP.BasicProperties props, byte[] body) {
        WorkOutcome o;
        try {
            o = WorkCodec.readOutcome(body);
        } catch (IllegalArgumentException e) {
            log.warn("ignoring an unreadable reply on {}: {}", replyQueue, e.getMessage());
            return;
        }
        Map<String, Object> h = props.getHeaders();
        computeNanos.addAndGet(Headers.number(h, Headers.COMPUTE_NANOS, 0));
        Pending p = props.getCorrelationId() == null ? null : pending.get(props.getCorrelationId());
        if (p == null || !p.expected.contains(o.itemId())) {
            // Its batch ended (deadline) before this outcome came: the batch already listed the item as failed.
            log.debug("outcome of {} arrived after its batch ended", o.itemId());
            return;
        }
        if (p.outcomes.putIfAbsent(o.itemId(), o) == null) {
            p.remaining.countDown();
        } else {
            duplicates.incrementAndGet();
        }
    }

    private boolean onRetried(AMQP.BasicProperties props, byte[] body) {
        WorkOutcome o;
        try {
            o = WorkCodec.readOutcome(body);
        } catch (IllegalArgumentException e) {
            log.warn("dropping an unreadable retried outcome: {}", e.getMessage());
            return true;
        }
        Map<String, Object> h = props.getHeaders();
        try {
            retriedOutcomes.accept(new LateOutcome(props.getCorrelationId(), Headers.string(h, Headers.BATCH_ID),
                    Headers.string(h, Headers.RETRY_OF), o));
            return true;
        } catch (RuntimeException e) {
            log.warn("retried outcome of {} not finished here ({}); returning it to {}", o.itemId(), e.toString(), bus.retriedQueue());
            return false;
        }
    }

    private void closeQuietly() {
        try {
            connection.close(2000);
        } catch (Exception e) {
            log.debug("closing the coordinator connection: {}", e.toString());
        }
    }

    @Override
    public void close() {
        // Outcomes still arriving would belong to no one: the queue goes with its coordinator (x-expires covers a crash).
        try {
            if (publish != null && publish.isOpen()) {
                publish.queueDelete(replyQueue);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("deleting {}: {}", replyQueue, e.toString());
        }
        closeQuietly();
    }
}
