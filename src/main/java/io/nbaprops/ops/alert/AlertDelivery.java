package io.nbaprops.ops.alert;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers new alerts to the configured destinations through an outbox ({@code alert_delivery}). It is the
 * {@link AlertStore}'s {@code deliver} consumer: each new alert becomes one PENDING row per destination, and a
 * pass sends what is due. A failed send stays PENDING with its error and a later {@code next_attempt_at}
 * (exponential backoff); after {@code max_attempts} it is FAILED and logged as an error. Each destination sends
 * at most {@code max_per_hour} messages per rolling hour; the rest wait in the outbox. The log destination
 * writes at once (it cannot fail) so a CLI run shows its alerts even without the periodic pass.
 */
public final class AlertDelivery implements Consumer<AlertRecord>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    private static final String[] COLUMNS = {"delivery_id", "alert_id", "destination", "status", "attempts", "next_attempt_at",
        "last_error", "created_at", "sent_at", "claimed_by", "claimed_at"};
    /** A row left SENDING by a process that died mid-send is handed out again after this long. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    private final Warehouse warehouse;
    private final Clock clock;
    private final AlertsConfig cfg;
    private final Map<String, AlertDestination> destinations;
    private final String node;
    private final ExecutorService sender;
    private volatile boolean closed;

    public AlertDelivery(Warehouse warehouse, Clock clock, AlertsConfig cfg, List<AlertDestination> destinations, String node) {
        this.warehouse = warehouse;
        this.clock = clock;
        this.cfg = cfg;
        this.node = node;
        Map<String, AlertDestination> m = new LinkedHashMap<>();
        for (AlertDestination d : destinations) {
            m.put(d.name(), d);
        }
        this.destinations = Map.copyOf(m);
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "alert-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    /** The destinations named in {@code alerts.destinations}, built from the configuration and secrets. */
    public static AlertDelivery fromConfig(Warehouse warehouse, Clock clock, AlertsConfig cfg, Secrets secrets, String node) {
        return fromConfig(warehouse, clock, cfg, secrets, node, List.of());
    }

    /** As above, plus destinations that are not named in the configuration (Sentry, when its DSN is set). */
    public static AlertDelivery fromConfig(Warehouse warehouse, Clock clock, AlertsConfig cfg, Secrets secrets, String node,
            List<AlertDestination> extra) {
        List<AlertDestination> ds = new ArrayList<>(extra);
        for (String name : cfg.destinations()) {
            ds.add(switch (name) {
                case "log" -> new LogDestination();
                case "email" -> new EmailDestination(cfg.email(), secrets);
                case "webhook" -> new WebhookDestination(cfg.webhook(), secrets);
                default -> throw new IllegalArgumentException("alerts.destinations: unknown destination '" + name
                        + "' (known: log, email, webhook)");
            });
        }
        return new AlertDelivery(warehouse, clock, cfg, ds, node);
    }

    public List<String> destinationNames() {
        return List.copyOf(destinations.keySet());
    }

    /** Queues a new alert for every destination and sends it in the background (the raiser never waits on SMTP). */
    @Override
    public void accept(AlertRecord alert) {
        Instant now = clock.instant();
        RowBatch rows = RowBatch.of("alert_delivery", COLUMNS);
        for (AlertDestination d : destinations.values()) {
            if (!d.accepts(alert)) {
                continue;
            }
            if (d instanceof LogDestination logDest) {
                logDest.send(alert);
                rows.add(UUID.randomUUID().toString(), alert.alertId(), d.name(), "SENT", 1, now, null, now, now, node, now);
            } else {
                rows.add(UUID.randomUUID().toString(), alert.alertId(), d.name(), "PENDING", 0, now, null, now, null, null, null);
            }
        }
        if (rows.size() > 0) {
            warehouse.write(tx -> tx.upsert(rows));
        }
        if (!closed && destinations.values().stream().anyMatch(d -> !(d instanceof LogDestination))) {
            try {
                sender.execute(this::passQuietly);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing: the row stays PENDING and the next process's pass sends it.
            }
        }
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.error("alert outbox pass failed; pending deliveries stay queued: {}", Secrets.mask(e.toString()), e);
        }
    }

    /** What one pass did. */
    public record PassResult(int sent, int retried, int failed, int rateLimited) {}

    /**
     * Sends every due PENDING delivery (oldest first), within each destination's hourly limit. Safe to call from
     * several nodes: a row is claimed with a conditional UPDATE before it is sent, so only one node sends it.
     */
    public synchronized PassResult pass() {
        Instant now = clock.instant();
        List<DeliveryRow> due = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM alert_delivery "
                        + "WHERE (status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_at < ?) "
                        + "ORDER BY created_at, delivery_id")
                .bind(0, now).bind(1, now.minus(CLAIM_TIMEOUT)).map(ConstructorMapper.of(DeliveryRow.class)).list());
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int limited = 0;
        Map<String, Integer> budget = new LinkedHashMap<>();
        for (DeliveryRow row : due) {
            AlertDestination dest = destinations.get(row.destination());
            if (dest == null) {
                continue; // a destination removed from the configuration: leave the row for whoever still has it
            }
            int left = budget.computeIfAbsent(row.destination(), d -> Math.max(0, cfg.maxPerHour() - sentSince(d, now.minus(Duration.ofHours(1)))));
            if (left <= 0) {
                limited++;
                continue;
            }
            if (!claim(row, now)) {
                continue;
            }
            Optional<AlertRecord> alert = findAlert(row.alertId());
            int attempt = row.attempts() + 1;
            try {
                if (alert.isEmpty()) {
                    throw new IllegalStateException("alert " + row.alertId() + " no longer exists");
                }
                dest.send(alert.get());
                finish(row.deliveryId(), "SENT", attempt, row.nextAttemptAt(), null, clock.instant());
                budget.put(row.destination(), left - 1);
                sent++;
            } catch (Exception e) {
                String error = Secrets.mask(e.getMessage() == null ? e.toString() : e.getMessage());
                if (attempt >= cfg.maxAttempts()) {
                    finish(row.deliveryId(), "FAILED", attempt, row.nextAttemptAt(), error, null);
                    failed++;
                    log.error("ALERT DELIVERY FAILED for good: {} alert '{}' ({}) could not be sent after {} attempts; last error: {}. "
                                    + "It stays in the alert table and in alert_delivery as FAILED.",
                            row.destination(), alert.map(AlertRecord::title).orElse(row.alertId()),
                            alert.map(AlertRecord::alertKey).orElse("?"), attempt, error);
                } else {
                    Instant next = clock.instant().plus(backoff(attempt));
                    finish(row.deliveryId(), "PENDING", attempt, next, error, null);
                    retried++;
                    log.warn("alert delivery to {} failed (attempt {} of {}), retrying at {}: {}", row.destination(), attempt,
                            cfg.maxAttempts(), next, error);
                }
            }
        }
        if (limited > 0) {
            log.warn("alert rate limit: {} deliveries wait in the outbox (max {} per destination per hour)", limited, cfg.maxPerHour());
        }
        return new PassResult(sent, retried, failed, limited);
    }

    Duration backoff(int attempt) {
        long initial = Math.max(1, cfg.retryInitialSeconds());
        long max = Math.max(initial, cfg.retryMaxSeconds());
        long s = initial << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofSeconds(Math.min(max, s));
    }

    private int sentSince(String destination, Instant since) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM alert_delivery WHERE destination = ? "
                + "AND status = 'SENT' AND sent_at > ?").bind(0, destination).bind(1, since).mapTo(Integer.class).one());
    }

    private boolean claim(DeliveryRow row, Instant now) {
        int[] n = new int[1];
        warehouse.write(tx -> n[0] = tx.handle().createUpdate("UPDATE alert_delivery SET status = 'SENDING', claimed_by = ?, "
                        + "claimed_at = ? WHERE delivery_id = ? AND status = ? AND attempts = ?")
                .bind(0, node).bind(1, now).bind(2, row.deliveryId()).bind(3, row.status()).bind(4, row.attempts()).execute());
        return n[0] == 1;
    }

    private void finish(String id, String status, int attempts, Instant next, String error, Instant sentAt) {
        warehouse.write(tx -> tx.handle().createUpdate("UPDATE alert_delivery SET status = ?, attempts = ?, next_attempt_at = ?, "
                        + "last_error = ?, sent_at = ? WHERE delivery_id = ?")
                .bind(0, status).bind(1, attempts).bind(2, next).bind(3, error).bind(4, sentAt).bind(5, id).execute());
    }

    private Optional<AlertRecord> findAlert(String alertId) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM alert WHERE alert_id = ?").bind(0, alertId)
                .map(ConstructorMapper.of(AlertRecord.class)).findOne());
    }

    /** Deliveries of one alert, or all recent ones when {@code alertId} is null (dashboard, tests). */
    public List<DeliveryRow> deliveries(String alertId, int limit) {
        return warehouse.jdbi().withHandle(h -> (alertId == null
                ? h.createQuery("SELECT * FROM alert_delivery ORDER BY created_at DESC LIMIT ?").bind(0, limit)
                : h.createQuery("SELECT * FROM alert_delivery WHERE alert_id = ? ORDER BY created_at DESC LIMIT ?")
                        .bind(0, alertId).bind(1, limit))
                .map(ConstructorMapper.of(DeliveryRow.class)).list());
    }

    /** Counts by status (PENDING, SENT, FAILED, ...) for health and metrics. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        warehouse.jdbi().withHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM alert_delivery GROUP BY status ORDER BY status")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).list()).forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** One row of the outbox. */
    public record DeliveryRow(String deliveryId, String alertId, String destination, String status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, String claimedBy, Instant claimedAt) {}

    /** Stops the background sender, letting a send in progress finish; anything not sent stays PENDING. */
    @Override
    public void close() {
        closed = true;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(15, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
