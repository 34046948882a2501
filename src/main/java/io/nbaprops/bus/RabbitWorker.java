package io.nbaprops.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.nbaprops.bus.WorkCodec.WorkMessage;
import io.nbaprops.predict.PredictionWorker;
import io.nbaprops.predict.WorkDispatcher.PlayerWork;
import io.nbaprops.predict.WorkDispatcher.WorkOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker: consumes the work queue with manual acks and a prefetch, runs {@link PredictionWorker} on
 * each item, publishes the outcome to the item's reply queue and acks the item only once the broker has
 * confirmed the outcome (asynchronously, so the next item is computed meanwhile), so a worker
 * that dies at any point loses nothing: the broker re-delivers the unacked item to another worker.
 *
 * <p>An item the worker cannot process (unreadable, or the worker's own machinery failed) is returned
 * to the queue; on its last allowed delivery it is published to the dead-letter exchange with the error
 * and a failed outcome goes to the coordinator, so the batch lists it at once instead of at its deadline.
 * Failures of a prediction system are not retried: they are the item's outcome, as in-process.
 */
public final class RabbitWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RabbitWorker.class);

    /** Runs before an item's prediction; throwing makes the item fail this delivery (tests' poison switch). */
    @FunctionalInterface
    public interface ItemCheck {
        void check(PlayerWork item) throws Exception;

        ItemCheck NONE = item -> {};
    }

    private final RabbitBus bus;
    private final PredictionWorker worker;
    private final String name;
    private final ItemCheck check;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private Connection connection;

    public RabbitWorker(RabbitBus bus, PredictionWorker worker, String name, ItemCheck check) {
        this.bus = bus;
        this.worker = worker;
        this.name = name;
        this.check = check;
    }

    /** Connects and starts {@code consumers} consumers; returns at once (deliveries run on the client's threads). */
    public RabbitWorker start(int consumers) {
        connection = bus.connect("worker-" + name);
        try {
            for (int i = 0; i < Math.max(1, consumers); i++) {
                Channel ch = connection.createChannel();
                bus.declareTopology(ch);
                ch.basicQos(Math.max(1, bus.config().prefetch()));
                ch.confirmSelect();
                // Acks follow the broker's confirms of the outcomes: the next item is computed meanwhile.
                ConcurrentSkipListMap<Long, Long> awaiting = new ConcurrentSkipListMap<>();
                ch.addConfirmListener((seq, multiple) -> settle(ch, awaiting, seq, multiple, true),
                        (seq, multiple) -> settle(ch, awaiting, seq, multiple, false));
                // After a recovery, sequence numbers and delivery tags start again; unacked items come back anyway.
                ((Recoverable) ch).addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable r) {
                        awaiting.clear();
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable r) {
                        awaiting.clear();
                    }
                });
                ch.basicConsume(bus.workQueue(), false, name + "-" + i, (tag, d) -> handle(ch, awaiting, d), tag -> {});
                channels.add(ch);
            }
        } catch (IOException e) {
            close();
            throw new BusException("worker " + name + " cannot consume " + bus.workQueue() + ": " + e, e);
        }
        log.info("worker {} consuming {} with {} consumer(s), prefetch {}", name, bus.workQueue(), channels.size(), bus.config().prefetch());
        return this;
    }

    /** The broker confirmed (or refused) outcome publishes up to {@code seq}: ack (or return) their items. */
    private void settle(Channel ch, ConcurrentSkipListMap<Long, Long> awaiting, long seq, boolean multiple, boolean confirmed)
            throws IOException {
        var done = multiple ? awaiting.headMap(seq, true) : awaiting.subMap(seq, true, seq, true);
        for (var e : List.copyOf(done.entrySet())) {
            awaiting.remove(e.getKey());
            if (confirmed) {
                ch.basicAck(e.getValue(), false);
                processed.incrementAndGet();
            } else {
                log.warn("worker {}: the broker refused an outcome; its item goes back to the queue", name);
                ch.basicNack(e.getValue(), false, true);
            }
        }
    }

    public long processed() {
        return processed.get();
    }

    public long failedDeliveries() {
        return failedDeliveries.get();
    }

    private void handle(Channel ch, ConcurrentSkipListMap<Long, Long> awaiting, Delivery d) throws IOException {
        long tag = d.getEnvelope().getDeliveryTag();
        AMQP.BasicProperties props = d.getProperties();
        Map<String, Object> h = props.getHeaders();
        long delivery = Headers.number(h, Headers.DELIVERY_COUNT, 0) + 1;
        WorkMessage msg = null;
        try {
            msg = WorkCodec.readWork(d.getBody());
            check.check(msg.item());
            long t0 = System.nanoTime();
            WorkOutcome outcome = worker.run(msg.shared(), msg.item());
            if (props.getReplyTo() == null) {
                ch.basicAck(tag, false);
                processed.incrementAndGet();
                return;
            }
            // Registered before publishing: the confirm may arrive before basicPublish returns.
            awaiting.put(ch.getNextPublishSeqNo(), tag);
            reply(ch, props, msg.shared().batchId(), outcome, System.nanoTime() - t0);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            // The channel or connection failed: nothing can be acked now; the broker re-delivers the item.
            log.warn("worker {}: channel failed while finishing {}: {}", name, Headers.string(h, Headers.ITEM_ID), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failedDeliveries.incrementAndGet();
            String itemId = msg != null ? msg.item().itemId() : Headers.string(h, Headers.ITEM_ID);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (delivery < bus.config().maxDeliveries()) {
                log.warn("worker {}: item {} failed on delivery {} of {}, returning it to the queue: {}", name, itemId, delivery,
                        bus.config().maxDeliveries(), reason);
                ch.basicNack(tag, false, true);
                return;
            }
            log.warn("worker {}: item {} failed on its last delivery ({}), dead-lettering it: {}", name, itemId, delivery, reason);
            deadLetter(ch, d, itemId, reason, delivery);
            if (itemId != null) {
                reply(ch, props, Headers.string(h, Headers.BATCH_ID), new WorkOutcome(itemId, Map.of(),
                        "dead-lettered after " + delivery + " deliveries: " + reason), 0);
            }
            try {
                ch.waitForConfirmsOrDie(bus.config().confirmTimeoutSeconds() * 1000);
                ch.basicAck(tag, false);
            } catch (TimeoutException | InterruptedException ex) {
                log.warn("worker {}: dead-lettering {} not confirmed ({}); it will be re-delivered", name, itemId, ex.toString());
            }
        }
    }

    private void deadLetter(Channel ch, Delivery d, String itemId, String reason, long delivery) throws IOException {
        AMQP.BasicProperties p = d.getProperties();
        Map<String, Object> headers = new HashMap<>(p.getHeaders() == null ? Map.of() : p.getHeaders());
        headers.put(Headers.ERROR, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
        headers.put(Headers.DELIVERIES, delivery);
        headers.put(Headers.WORKER, name);
        headers.put("nbaprops-queue", bus.workQueue());
        ch.basicPublish(bus.deadExchange(), "", p.builder().headers(headers).build(), d.getBody());
    }

    private void reply(Channel ch, AMQP.BasicProperties in, String batchId, WorkOutcome outcome, long computeNanos) throws IOException {
        if (in.getReplyTo() == null) {
            return;
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(Headers.COMPUTE_NANOS, computeNanos);
        headers.put(Headers.WORKER, name);
        if (batchId != null) {
            headers.put(Headers.BATCH_ID, batchId);
        }
        String retryOf = in.getHeaders() == null ? null : Headers.string(in.getHeaders(), Headers.RETRY_OF);
        if (retryOf != null) {
            headers.put(Headers.RETRY_OF, retryOf);
        }
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .correlationId(in.getCorrelationId()).headers(headers).build();
        ch.basicPublish("", in.getReplyTo(), props, WorkCodec.outcome(outcome));
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close(2000);
            } catch (Exception e) {
                log.debug("closing worker {}: {}", name, e.toString());
            }
        }
    }
}
