package io.nbaprops.service;

import io.nbaprops.config.Secrets;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail of write actions in {@code audit_log}: every attempt, allowed or refused. */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_PARAMS_CHARS = 2000;

    /** One entry as written. */
    public record Entry(String who, String action, String params, int statusCode, String result, String remote) {}

    private final Warehouse warehouse;
    private final Clock clock;

    public AuditLog(Warehouse warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /** Records one attempt; it is also logged, so a warehouse that cannot take the row does not lose it. */
    public void record(Entry e) {
        String params = e.params() == null ? null : Secrets.mask(e.params().length() > MAX_PARAMS_CHARS
                ? e.params().substring(0, MAX_PARAMS_CHARS) + "..." : e.params());
        Instant at = clock.instant();
        log.info("audit who={} action={} status={} result={}", e.who(), e.action(), e.statusCode(), Secrets.mask(e.result()));
        warehouse.write(tx -> tx.upsert(RowBatch.of("audit_log", "audit_id", "occurred_at", "who", "action", "params", "status_code", "result",
                "remote").add(UUID.randomUUID().toString(), at, e.who(), e.action(), params, e.statusCode(),
                e.result() == null ? null : Secrets.mask(e.result()), e.remote())));
    }

    /**
     * Records one attempt; a warehouse that cannot take the row does not fail the request (the attempt is in the log
     * line {@link #record} writes first, and the failure is logged).
     */
    public void tryRecord(Entry e) {
        try {
            record(e);
        } catch (RuntimeException ex) {
            log.error("cannot write the audit row for {} by {} ({}): {}", e.action(), e.who(), e.statusCode(), ex.toString());
        }
    }

    /** Newest first; {@code action} null for all. */
    public List<Map<String, Object>> recent(int limit, String action) {
        Where w = new Where().and("action = ?", action);
        return w.query(warehouse, "SELECT audit_id, occurred_at, who, action, params, status_code, result, remote FROM audit_log",
                "ORDER BY occurred_at DESC, audit_id LIMIT ?", limit);
    }
}
