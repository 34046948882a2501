package io.nbaprops.ops.alert;

import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts in the warehouse's {@code alert} table, de-duplicated by key inside a window. New alerts are handed to
 * {@code deliver} (the destinations); a repeat only bumps the open alert's count.
 */
public final class AlertStore implements Alerts {
    private static final Logger log = LoggerFactory.getLogger(AlertStore.class);
    private static final String[] COLUMNS = {"alert_id", "alert_key", "severity", "kind", "title", "detail", "first_at", "last_at",
        "occurrences", "status", "acked_by", "acked_at"};

    private final Warehouse warehouse;
    private final Clock clock;
    private final Duration dedupeWindow;
    private final Consumer<AlertRecord> deliver;

    public AlertStore(Warehouse warehouse, Clock clock, Duration dedupeWindow, Consumer<AlertRecord> deliver) {
        this.warehouse = warehouse;
        this.clock = clock;
        this.dedupeWindow = dedupeWindow;
        this.deliver = deliver;
    }

    @Override
    public synchronized Raised raise(Alert alert) {
        Instant now = clock.instant();
        try {
            Optional<AlertRecord> open = latestOpen(alert.key()).filter(r -> !r.lastAt().isBefore(now.minus(dedupeWindow)));
            if (open.isPresent()) {
                AlertRecord r = open.get();
                warehouse.write(tx -> tx.handle().createUpdate("UPDATE alert SET occurrences = occurrences + 1, last_at = ? "
                        + "WHERE alert_id = ?").bind(0, now).bind(1, r.alertId()).execute());
                return new Raised(find(r.alertId()).orElse(r), false);
            }
            AlertRecord r = new AlertRecord(UUID.randomUUID().toString(), alert.key(), alert.severity().name(), alert.kind(),
                    alert.title(), alert.detail(), now, now, 1, "OPEN", null, null);
            warehouse.write(tx -> tx.upsert(RowBatch.of("alert", COLUMNS).add(r.alertId(), r.alertKey(), r.severity(), r.kind(),
                    r.title(), r.detail(), r.firstAt(), r.lastAt(), r.occurrences(), r.status(), r.ackedBy(), r.ackedAt())));
            try {
                deliver.accept(r);
            } catch (RuntimeException e) {
                // Stored (the dashboard lists it) but not queued for e-mail/webhook: say so loudly, do not pretend.
                log.error("alert stored but NOT queued for delivery: {} {} ({})", alert.severity(), alert.title(), alert.key(), e);
            }
            return new Raised(r, true);
        } catch (RuntimeException e) {
            // An alert must not take down the thing that raised it; the log still carries it.
            log.error("alert could not be stored: {} {} ({})", alert.severity(), alert.title(), alert.key(), e);
            AlertRecord r = new AlertRecord("unstored", alert.key(), alert.severity().name(), alert.kind(), alert.title(),
                    alert.detail(), now, now, 1, "OPEN", null, null);
            return new Raised(r, true);
        }
    }

    private Optional<AlertRecord> latestOpen(String key) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM alert WHERE alert_key = ? AND status = 'OPEN' "
                + "ORDER BY last_at DESC LIMIT 1").bind(0, key).map(ConstructorMapper.of(AlertRecord.class)).findOne());
    }

    @Override
    public List<AlertRecord> recent(int limit, boolean openOnly) {
        String where = openOnly ? "WHERE status = 'OPEN' " : "";
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM alert " + where + "ORDER BY last_at DESC LIMIT ?")
                .bind(0, Math.max(0, limit)).map(ConstructorMapper.of(AlertRecord.class)).list());
    }

    @Override
    public Optional<AlertRecord> find(String alertId) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM alert WHERE alert_id = ?").bind(0, alertId)
                .map(ConstructorMapper.of(AlertRecord.class)).findOne());
    }

    @Override
    public boolean ack(String alertId, String by) {
        int[] n = new int[1];
        warehouse.write(tx -> n[0] = tx.handle().createUpdate("UPDATE alert SET status = 'ACKED', acked_by = ?, acked_at = ? "
                + "WHERE alert_id = ? AND status = 'OPEN'").bind(0, by).bind(1, clock.instant()).bind(2, alertId).execute());
        return n[0] > 0;
    }
}
