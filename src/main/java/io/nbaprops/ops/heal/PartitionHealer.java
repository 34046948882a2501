package io.nbaprops.ops.heal;

import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.PartitionState;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunRecord;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.ops.alert.OpsAlerts;
import io.nbaprops.ops.schedule.GameDays;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one self-healer: over recent game dates and today. Asks the engine's store which partitions are
 * <ul>
 *   <li><b>stuck</b>: RUNNING with no heartbeat for {@code stuckSilence} (the process is gone): marked ABANDONED through
 *       {@link Engine#abandonSilentRuns}, then re-run;</li>
 *   <li><b>missing</b>: FAILED / TIMED_OUT / ABANDONED on any date of the window, today included; or, on a past game
 *       date, an asset with no row (today's assets that never ran are not due yet, not missing);</li>
 *   <li><b>waiting</b>: WAITING while every same-date input has succeeded since (or is being repaired in this pass);</li>
 *   <li><b>stale</b>: SUCCESS, but a same-date upstream succeeded after this partition's last success started; checked
 *       only for {@code staleChecked} assets (the post-game ones). A pre-game asset of a past date is stale by design
 *       once the schedule re-ran with final scores, and re-running it would overwrite the predictions made before tip-off;</li>
 * </ul>
 * and re-runs them through the engine, upstream first. Each partition gets at most {@code maxAttempts} self-heal runs
 * (counted in {@code heal_attempt}, so the bound survives restarts); then it is left alone with a CRITICAL alert. A
 * success resets the count; a re-run that waits for its inputs again is not counted. Assets the daily plan does not
 * schedule (the sources that are not configured: {@code scheduled}) are left alone.
 */
public final class PartitionHealer implements SelfHealer {
    private static final Logger log = LoggerFactory.getLogger(PartitionHealer.class);

    private final Engine engine;
    private final Warehouse warehouse;
    private final GameDays gameDays;
    private final OpsAlerts alerts;
    private final Clock clock;
    private final ZoneId zone;
    private final int lookbackDays;
    private final int maxAttempts;
    private final Duration stuckSilence;
    private final java.util.Set<String> staleChecked;
    private final java.util.function.Predicate<String> scheduled;

    public PartitionHealer(Engine engine, Warehouse warehouse, GameDays gameDays, OpsAlerts alerts, Clock clock, ZoneId zone,
            int lookbackDays, int maxAttempts, Duration stuckSilence, java.util.Collection<String> staleChecked) {
        this(engine, warehouse, gameDays, alerts, clock, zone, lookbackDays, maxAttempts, stuckSilence, staleChecked, a -> true);
    }

    public PartitionHealer(Engine engine, Warehouse warehouse, GameDays gameDays, OpsAlerts alerts, Clock clock, ZoneId zone,
            int lookbackDays, int maxAttempts, Duration stuckSilence, java.util.Collection<String> staleChecked,
            java.util.function.Predicate<String> scheduled) {
        this.scheduled = scheduled;
        this.engine = engine;
        this.warehouse = warehouse;
        this.gameDays = gameDays;
        this.alerts = alerts;
        this.clock = clock;
        this.zone = zone;
        this.lookbackDays = lookbackDays;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.stuckSilence = stuckSilence;
        this.staleChecked = java.util.Set.copyOf(staleChecked);
    }

    /** One partition to repair and why. */
    private record Candidate(String asset, LocalDate date, String why, boolean counted) {}

    @Override
    public synchronized HealReport heal(String trigger) {
        List<String> found = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> gaveUp = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<LocalDate, Map<String, Candidate>> work = new TreeMap<>();
        java.util.Set<String> counted = new java.util.HashSet<>(warehouse.jdbi().withHandle(h -> h.createQuery(
                "SELECT asset || '|' || CAST(partition_date AS VARCHAR) FROM heal_attempt").mapTo(String.class).list()));

        for (RunRecord r : engine.abandonSilentRuns(stuckSilence)) {
            found.add(r.asset() + "/" + r.partitionDate() + ": stuck");
            work.computeIfAbsent(r.partitionDate(), d -> new LinkedHashMap<>())
                    .put(r.asset(), new Candidate(r.asset(), r.partitionDate(), "stuck", true));
        }
        java.util.Set<LocalDate> pastGameDates = new java.util.HashSet<>(gameDays.gameDates(today.minusDays(lookbackDays),
                today.minusDays(1)));
        java.util.Set<LocalDate> dates = new java.util.TreeSet<>(pastGameDates);
        dates.add(today);
        engine.store().states(today.minusDays(lookbackDays), today).stream().filter(s -> !"SUCCESS".equals(s.state()))
                .forEach(s -> dates.add(s.partitionDate()));
        for (LocalDate d : dates) {
            Map<String, PartitionState> states = engine.store().states(d);
            Map<String, Candidate> forDate = work.computeIfAbsent(d, x -> new LinkedHashMap<>());
            for (Asset a : engine.graph().ordered()) {
                if (forDate.containsKey(a.name()) || !scheduled.test(a.name())) {
                    continue;
                }
                PartitionState s = states.get(a.name());
                String why = s == null && !pastGameDates.contains(d) ? null : problem(a, s, states, forDate);
                if (why == null && s != null && "SUCCESS".equals(s.state()) && counted.contains(a.name() + "|" + d)) {
                    clearAttempts(a.name(), d); // it succeeded since (a scheduled run, an operator): start the count afresh
                }
                if (why != null) {
                    if (!"waiting".equals(why)) {
                        found.add(a.name() + "/" + d + ": " + why);
                    }
                    forDate.put(a.name(), new Candidate(a.name(), d, why, !"waiting".equals(why)));
                }
            }
        }

        for (Map.Entry<LocalDate, Map<String, Candidate>> e : work.entrySet()) {
            LocalDate d = e.getKey();
            Map<String, Candidate> toRun = new LinkedHashMap<>();
            for (Candidate c : e.getValue().values()) {
                if (!c.counted()) {
                    toRun.put(c.asset(), c);
                    continue;
                }
                Optional<Attempts> prev = attempts(c.asset(), d);
                int done = prev.map(Attempts::attempts).orElse(0);
                if (done >= maxAttempts) {
                    gaveUp.add(c.asset() + "/" + d);
                    continue;
                }
                saveAttempt(c.asset(), d, done + 1, c.why(), "running", null);
                toRun.put(c.asset(), c);
            }
            if (toRun.isEmpty()) {
                continue;
            }
            log.info("self-heal ({}) re-running {} partition(s) of {}: {}", trigger, toRun.size(), d, toRun.keySet());
            RunSummary summary = engine.runPartition(d, toRun.keySet(), "self-heal");
            for (RunOutcome o : summary.outcomes()) {
                Candidate c = toRun.get(o.asset());
                String label = o.asset() + "/" + d;
                if (c != null && !c.counted() && o.status() == RunStatus.SUCCESS) {
                    repaired.add(label + ": " + c.why()); // went through behind its repaired upstream
                }
                if (c == null || !c.counted()) {
                    continue;
                }
                if (o.status() == RunStatus.SUCCESS) {
                    clearAttempts(o.asset(), d);
                    repaired.add(label + ": " + c.why());
                    continue;
                }
                if (o.status() == RunStatus.WAITING) {
                    clearAttempts(o.asset(), d); // its inputs are missing, not its own run: the upstream's repair is what counts
                    failed.add(label + ": still waiting: " + Secrets.mask(String.valueOf(o.message())));
                    continue;
                }
                String result = o.status() + (o.message() == null ? "" : ": " + Secrets.mask(o.message()));
                int n = attempts(o.asset(), d).map(Attempts::attempts).orElse(1);
                if (n >= maxAttempts) {
                    saveAttempt(o.asset(), d, n, c.why(), result, clock.instant());
                    gaveUp.add(label);
                    alerts.healGaveUp(o.asset(), d, n, c.why() + "; last result " + result);
                    log.error("self-heal gave up on {} after {} attempts: {}", label, n, result);
                } else {
                    saveAttempt(o.asset(), d, n, c.why(), result, null);
                    failed.add(label + ": " + result);
                }
            }
        }
        HealReport report = new HealReport(List.copyOf(found), List.copyOf(repaired), List.copyOf(failed), List.copyOf(gaveUp));
        if (!found.isEmpty() || !gaveUp.isEmpty()) {
            log.info("self-heal ({}): found {}, repaired {}, failed {}, gave up {}", trigger, found.size(), repaired.size(),
                    failed.size(), gaveUp.size());
        }
        return report;
    }

    /** Why a partition needs a run, or null. "waiting": only re-run when an upstream of it is being repaired. */
    private String problem(Asset a, PartitionState s, Map<String, PartitionState> states, Map<String, Candidate> already) {
        if (s == null) {
            return "missing";
        }
        switch (s.state()) {
            case "FAILED", "TIMED_OUT", "ABANDONED" -> {
                return "missing";
            }
            case "RUNNING" -> {
                return null;
            }
            case "WAITING" -> {
                List<Dependency> same = a.upstream().stream().filter(dep -> dep.window() == Dependency.Window.SAME_DATE).toList();
                boolean upstreamRepaired = same.stream().anyMatch(dep -> already.containsKey(dep.asset()));
                boolean inputsReady = !same.isEmpty() && same.stream().allMatch(dep -> already.containsKey(dep.asset())
                        || states.get(dep.asset()) != null && "SUCCESS".equals(states.get(dep.asset()).state()));
                return upstreamRepaired ? "waiting" : inputsReady ? "inputs ready" : null;
            }
            default -> { }
        }
        if ("SUCCESS".equals(s.state()) && s.lastSuccessStarted() != null && staleChecked.contains(a.name())) {
            for (Dependency dep : a.upstream()) {
                if (dep.window() != Dependency.Window.SAME_DATE) {
                    continue;
                }
                PartitionState up = states.get(dep.asset());
                if (up != null && up.lastSuccessEnded() != null && up.lastSuccessEnded().isAfter(s.lastSuccessStarted())) {
                    return "stale";
                }
            }
        }
        return null;
    }

    /** The persisted self-heal count of a partition. */
    public record Attempts(String asset, LocalDate partitionDate, int attempts, Instant lastAttemptAt, String lastReason,
            String lastResult, Instant gaveUpAt) {}

    public Optional<Attempts> attempts(String asset, LocalDate date) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM heal_attempt WHERE asset = ? AND partition_date = ?")
                .bind(0, asset).bind(1, date).map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(Attempts.class)).findOne());
    }

    private void saveAttempt(String asset, LocalDate date, int attempts, String why, String result, Instant gaveUpAt) {
        warehouse.write(tx -> tx.upsert(io.nbaprops.store.RowBatch.of("heal_attempt", "asset", "partition_date", "attempts",
                "last_attempt_at", "last_reason", "last_result", "gave_up_at").add(asset, date, attempts, clock.instant(), why,
                result, gaveUpAt)));
    }

    private void clearAttempts(String asset, LocalDate date) {
        warehouse.write(tx -> tx.handle().createUpdate("DELETE FROM heal_attempt WHERE asset = ? AND partition_date = ?")
                .bind(0, asset).bind(1, date).execute());
    }
}
