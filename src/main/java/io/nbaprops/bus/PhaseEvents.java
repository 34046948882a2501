package io.nbaprops.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.nbaprops.engine.EngineListener;
import io.nbaprops.engine.RunOutcome;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a small event on the topic exchange {@code <prefix>.events} whenever the engine finishes an
 * asset partition: routing key {@code asset.<asset>.<status>} (e.g. {@code asset.prediction.success}),
 * body {@code {"asset","date","status","rows"}}. Whoever wants them binds a queue (e.g. {@code asset.#}).
 * Publishing is best effort: an engine listener must not throw, and the run history stays the record.
 */
public final class PhaseEvents implements EngineListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PhaseEvents.class);
    private final RabbitBus bus;
    private final Connection connection;
    private final Channel channel;

    public PhaseEvents(RabbitBus bus, String node) {
        this.bus = bus;
        this.connection = bus.connect("events-" + node);
        try {
            this.channel = connection.createChannel();
            bus.declareTopology(channel);
        } catch (IOException e) {
            close();
            throw new BusException("cannot open the events channel: " + e, e);
        }
    }

    public static String routingKey(String asset, String status) {
        return "asset." + asset + "." + status.toLowerCase(Locale.ROOT);
    }

    @Override
    public void onRunFinished(RunOutcome outcome, long durationMillis) {
        publish(outcome.asset(), outcome.partition(), outcome.status().name(), outcome.rowsWritten());
    }

    public void publish(String asset, LocalDate date, String status, long rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asset", asset);
        body.put("date", date == null ? null : date.toString());
        body.put("status", status);
        body.put("rows", rows);
        try {
            synchronized (channel) {
                channel.basicPublish(bus.eventsExchange(), routingKey(asset, status),
                        new AMQP.BasicProperties.Builder().contentType("application/json").build(), WorkCodec.write(body));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not publish the completion event of {} {}: {}", asset, date, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            connection.close(2000);
        } catch (Exception e) {
            log.debug("closing the events connection: {}", e.toString());
        }
    }
}
