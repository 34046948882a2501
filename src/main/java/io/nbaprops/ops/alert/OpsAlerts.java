package io.nbaprops.ops.alert;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.EngineListener;
import io.nbaprops.engine.PartitionState;
import io.nbaprops.engine.RunStore;
import io.nbaprops.source.QuotaTracker;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every operational alert the platform raises, in one place: failed, timed-out and slow runs (as an engine
 * listener), source quota nearly used up, stale exports, data missing past its deadline, dead letters and
 * self-heal giving up. Keys name the problem (e.g. {@code run_failed:feature_store:2025-01-05}) so the
 * alert store's de-duplication turns repeats into a counter instead of more messages.
 */
public final class OpsAlerts implements EngineListener {
    private final Alerts alerts;
    private final Warehouse warehouse;
    private final RunStore runs;
    private final AlertsConfig cfg;
    private final ZoneId zone;
    private final Clock clock;

    public OpsAlerts(Alerts alerts, Warehouse warehouse, RunStore runs, AlertsConfig cfg, ZoneId zone, Clock clock) {
        this.alerts = alerts;
        this.warehouse = warehouse;
        this.runs = runs;
        this.cfg = cfg;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void onEvent(String kind, String asset, LocalDate partition, String runId, String message) {
        String detail = Secrets.mask(message) + (runId == null ? "" : "\nrun: " + runId);
        switch (kind) {
            case "FAILED" -> alerts.raise(new Alert(Severity.CRITICAL, "run_failed", "run_failed:" + asset + ":" + partition,
                    asset + " [" + partition + "] failed", detail));
            case "TIMEOUT" -> alerts.raise(new Alert(Severity.CRITICAL, "run_timeout", "run_timeout:" + asset + ":" + partition,
                    asset + " [" + partition + "] timed out", detail));
            case "BUDGET_WARNING" -> alerts.raise(new Alert(Severity.WARNING, "timeout_warning",
                    "timeout_warning:" + asset + ":" + partition, asset + " [" + partition + "] is close to its time budget", detail));
            default -> {
                // RETRY, WAITING, ABANDONED, SUCCESS: visible in run history; self-heal acts on abandoned runs.
            }
        }
    }

    /** One alert per source whose quota is nearly used up (under 10% or 50 requests left). */
    public List<Alerts.Raised> quotas(QuotaTracker tracker) {
        List<Alerts.Raised> out = new ArrayList<>();
        for (QuotaTracker.Quota q : tracker.all().values()) {
            if (q.nearlyUsedUp()) {
                out.add(alerts.raise(new Alert(Severity.WARNING, "quota", "quota:" + q.source(),
                        "source " + q.source() + " quota nearly used up: " + q.remaining() + " requests left",
                        "remaining " + q.remaining() + ", used " + q.used() + ", observed at " + q.observedAt())));
            }
        }
        return out;
    }

    /**
     * On a game day, the newest export must be younger than {@code alerts.stale_export_minutes}; no export at all
     * counts as stale once the day's first export should have gone out (the caller decides by passing gameDay).
     */
    public Optional<Alerts.Raised> staleExports(LocalDate today, boolean gameDay) {
        if (!gameDay) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Instant> latest = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT max(generated_at) FROM export_log")
                .mapTo(Instant.class).findOne());
        Duration maxAge = Duration.ofMinutes(cfg.staleExportMinutes());
        if (latest.isPresent() && latest.get() != null && !latest.get().isBefore(now.minus(maxAge))) {
            return Optional.empty();
        }
        String last = latest.map(Instant::toString).orElse("never");
        return Optional.of(alerts.raise(new Alert(Severity.WARNING, "stale_export", "stale_export:" + today,
                "exports are stale on game day " + today, "newest export written " + last + "; allowed age " + maxAge.toMinutes()
                        + " min")));
    }

    /**
     * After {@code alerts.missing_data_deadline} (local time) on the day after a game day, each asset of
     * {@code alerts.missing_data_assets} must have succeeded for that game date; one CRITICAL alert per missing one.
     */
    public List<Alerts.Raised> missingData(LocalDate gameDate) {
        Instant deadline = gameDate.plusDays(1).atTime(LocalTime.parse(cfg.missingDataDeadline())).atZone(zone).toInstant();
        if (clock.instant().isBefore(deadline)) {
            return List.of();
        }
        List<Alerts.Raised> out = new ArrayList<>();
        for (String asset : cfg.missingDataAssets()) {
            Optional<PartitionState> s = runs.state(asset, gameDate);
            if (s.isPresent() && "SUCCESS".equals(s.get().state())) {
                continue;
            }
            String state = s.map(p -> p.state() + (p.reason() == null ? "" : ": " + p.reason())).orElse("never ran");
            out.add(alerts.raise(new Alert(Severity.CRITICAL, "missing_data", "missing_data:" + asset + ":" + gameDate,
                    asset + " [" + gameDate + "] still missing past its deadline", "deadline " + deadline + "; state: "
                            + Secrets.mask(state))));
        }
        return out;
    }

    /** For the work bus: messages that exhausted their delivery attempts and sit in the dead-letter queue. */
    public Alerts.Raised deadLetters(int count, String sample) {
        return alerts.raise(new Alert(Severity.CRITICAL, "dead_letter", "dead_letter:" + LocalDate.ofInstant(clock.instant(), zone),
                count + " work item(s) in the dead-letter queue", "sample: " + Secrets.mask(String.valueOf(sample))
                        + "\nretry them from the dashboard or with the CLI once the cause is fixed"));
    }

    /** An INFO alert to every destination, once a day at most, proving each channel still delivers. */
    public Alerts.Raised selfTest(List<String> destinations) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return alerts.raise(new Alert(Severity.INFO, "self_test", "alert_self_test:" + today, "alert channel self-test " + today,
                "a scheduled test of the alert destinations " + destinations + "; no action needed if this arrived"));
    }

    /** Self-heal re-ran a partition its maximum number of times and leaves it alone now. */
    public Alerts.Raised healGaveUp(String asset, LocalDate partition, int attempts, String why) {
        return alerts.raise(new Alert(Severity.CRITICAL, "heal_gave_up", "heal_gave_up:" + asset + ":" + partition,
                "self-heal gave up on " + asset + " [" + partition + "] after " + attempts + " attempts", Secrets.mask(why)));
    }
}
