package io.nbaprops.app;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.ScheduleConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.ops.SourceAvailability;
import io.nbaprops.ops.heal.PartitionHealer;
import io.nbaprops.ops.schedule.CatchUp;
import io.nbaprops.ops.heal.SelfHealer;
import io.nbaprops.ops.schedule.DailyPlan;
import io.nbaprops.ops.schedule.EngineJobs;
import io.nbaprops.ops.schedule.GameDay;
import io.nbaprops.ops.schedule.GameDays;
import io.nbaprops.ops.schedule.JobStatus;
import io.nbaprops.ops.schedule.OpsScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code nbaprops serve} runs besides the HTTP service: the daily plan on the cluster-safe scheduler, the
 * periodic self-heal, the alert-outbox pass and the alert checks (quota, stale exports, missing data, dead letters).
 * Usage: {@code new OpsRuntime(platform)}, {@link #start()}, {@link #status()} for health, {@link #selfHealer()} for
 * the "trigger self-heal" action, {@link #close()} before closing the platform.
 */
public final class OpsRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsRuntime.class);
    /** Sources that were unreachable are probed again this often (a missing key needs a restart: secrets are read once). */
    private static final Duration SOURCE_CHECK_EVERY = Duration.ofMinutes(10);

    private final Platform platform;
    private final ScheduleConfig cfg;
    private final GameDays gameDays;
    private final PartitionHealer healer;
    private final DailyPlan plan;
    private final OpsScheduler scheduler;
    private final SourceAvailability sources;
    private volatile boolean started;

    public OpsRuntime(Platform platform) {
        this.platform = platform;
        this.cfg = platform.config().schedule();
        var zone = platform.config().zone();
        this.gameDays = new GameDays(platform.warehouse(), zone, LocalTime.parse(cfg.defaultTipOff()));
        // The endpoints this platform's engine collects (a tool or test platform may register fewer than the pipeline names).
        List<String> collected = platform.config().pipeline().sources().stream()
                .filter(e -> platform.engine().graph().contains("collect_" + e)).toList();
        this.sources = new SourceAvailability(collected, platform.config()::source, platform.secrets(), platform.alerts(), platform.clock());
        // A live run beats every heartbeat_seconds; three silent beats mean its process is gone.
        Duration stuck = Duration.ofSeconds(3 * Math.max(1, platform.config().engine().heartbeatSeconds()));
        this.healer = new PartitionHealer(platform.engine(), platform.warehouse(), gameDays, platform.opsAlerts(), platform.clock(), zone,
                cfg.selfHealLookbackDays(), cfg.selfHealMaxAttempts(), stuck, platform.pipeline().postgame(), sources::scheduled);
        this.plan = new DailyPlan(cfg, zone);
        AlertsConfig alerts = platform.config().alerts();
        EngineJobs jobs = new EngineJobs(platform.engine(), platform.warehouse(), gameDays, healer, platform.pipeline().pregame(),
                platform.pipeline().postgame(), sources::scheduled);
        CatchUp catchUp = cfg.catchUpDays() <= 0 ? null : new CatchUp(platform.warehouse(), platform.engine().store(), plan, gameDays,
                jobs.scheduleGroup(), platform.pipeline().postgame().stream().filter(platform.engine().graph()::contains).toList(), sources::scheduled,
                cfg.catchUpDays());
        Duration tick = Duration.ofSeconds(Math.max(1, cfg.tickSeconds()));
        List<OpsScheduler.Periodic> periodic = new java.util.ArrayList<>(List.of(
                new OpsScheduler.Periodic("ops-source-check", SOURCE_CHECK_EVERY, sources::check),
                new OpsScheduler.Periodic("ops-self-heal", Duration.ofMinutes(Math.max(1, cfg.selfHealMinutes())),
                        () -> healer.heal("periodic")),
                new OpsScheduler.Periodic("ops-alert-outbox", Duration.ofSeconds(Math.max(1, alerts.passSeconds())),
                        () -> platform.alertDelivery().pass()),
                new OpsScheduler.Periodic("ops-alert-checks", tick, this::checks)));
        if (alerts.selfTestHours() > 0) {
            periodic.add(new OpsScheduler.Periodic("ops-alert-self-test", Duration.ofHours(alerts.selfTestHours()), this::alertSelfTest));
        }
        this.scheduler = new OpsScheduler(platform.warehouse(), platform.clock(), plan, gameDays::of, jobs, periodic,
                Platform.nodeName(), tick, Duration.ofMillis(Math.max(100, cfg.pollMillis())), catchUp);
    }

    /** Starts the scheduler (when {@code schedule.enabled}); the jobs and periodic passes then run on their own. */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (!cfg.enabled()) {
            log.warn("schedule.enabled is false: no daily plan, periodic self-heal or alert retries in this process");
            return;
        }
        // Before the first tick: a source without its key, or unreachable, must never be scheduled.
        sources.check();
        scheduler.start();
        started = true;
    }

    /** Quota, stale-export, missing-data and dead-letter checks; alerts de-duplicate, so running this often is fine. */
    void checks() {
        Instant now = platform.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, platform.config().zone());
        var ops = platform.opsAlerts();
        ops.quotas(platform.fetcher().quotas());
        GameDay day = gameDays.of(today);
        // Stale only once the day's exports should exist: after the pre-tip run.
        boolean exportsDue = day.isGameDay() && now.isAfter(day.firstTip().minus(Duration.ofMinutes(cfg.pretipMinutes())));
        ops.staleExports(today, exportsDue);
        if (gameDays.of(today.minusDays(1)).isGameDay()) {
            ops.missingData(today.minusDays(1));
        }
        long dead = platform.deadLetters().count();
        if (dead > 0) {
            var sample = platform.deadLetters().list(1);
            ops.deadLetters((int) Math.min(Integer.MAX_VALUE, dead), sample.isEmpty() ? "" : String.valueOf(sample.get(0)));
        }
    }

    /** Sends the channel self-test alert now (also what a dashboard "test alerts" button would call). */
    public void alertSelfTest() {
        platform.opsAlerts().selfTest(platform.alertDelivery().destinationNames());
    }

    public SelfHealer selfHealer() {
        return healer;
    }

    /** Which sources are configured (and so scheduled); checked at start and by the periodic pass. */
    public SourceAvailability sources() {
        return sources;
    }

    /** The plan the scheduler follows (for the dashboard: today's jobs and their due times). */
    public DailyPlan plan() {
        return plan;
    }

    public OpsScheduler scheduler() {
        return scheduler;
    }

    /** For health and the dashboard: is the scheduler running, when did it last tick, each job's last and next run. */
    public Status status() {
        Map<String, Integer> outbox;
        try {
            outbox = platform.alertDelivery().counts();
        } catch (RuntimeException e) {
            outbox = Map.of();
        }
        List<JobStatus> jobs;
        try {
            jobs = scheduler.status();
        } catch (RuntimeException e) {
            log.warn("cannot read the scheduler's jobs: {}", Secrets.mask(e.toString()));
            jobs = List.of();
        }
        OpsScheduler.CatchUpStatus catchUp;
        try {
            catchUp = scheduler.catchUpStatus();
        } catch (RuntimeException e) {
            catchUp = new OpsScheduler.CatchUpStatus(List.of(), List.of());
        }
        return new Status(cfg.enabled(), started && scheduler.running(), scheduler.lastTick(), scheduler.lastTickError(), jobs, outbox,
                platform.clockDescription(), catchUp, sources.view());
    }

    /**
     * {@code running}: the scheduler is started and not shutting down. {@code alertOutbox}: deliveries by status
     * (PENDING, SENT, FAILED); FAILED ones were given up on and logged. {@code catchUp}: game days missed while the
     * service was down, caught up oldest first. {@code sources}: "configured" or "not configured: why; fix".
     */
    public record Status(boolean enabled, boolean running, Instant lastTick, String lastTickError, List<JobStatus> jobs,
            Map<String, Integer> alertOutbox, String clock, OpsScheduler.CatchUpStatus catchUp, Map<String, Object> sources) {}

    @Override
    public synchronized void close() {
        if (started) {
            scheduler.close();
            started = false;
        }
    }
}
