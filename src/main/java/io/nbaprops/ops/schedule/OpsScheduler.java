package io.nbaprops.ops.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily plan on db-scheduler, whose table ({@code scheduled_tasks}) lives in the warehouse. A recurring
 * "tick" evaluates the plan for yesterday and today and hands each due job to db-scheduler as a one-time task
 * keyed by the job id; db-scheduler's row locking makes one node pick it, and the job's row in {@code ops_job_run}
 * (inserted with ON CONFLICT DO NOTHING before any work) makes sure it never runs twice, even across restarts.
 * Periodic work (self-heal, the alert outbox, checks) runs as recurring tasks: once per interval in the cluster.
 */
public final class OpsScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsScheduler.class);
    static final String TICK = "ops-tick";
    static final String JOB = "ops-job";

    /** Work done every {@code every}, by one node of the cluster at a time. */
    public record Periodic(String name, Duration every, Runnable action) {}

    private final Warehouse warehouse;
    private final Clock clock;
    private final DailyPlan plan;
    private final Function<LocalDate, GameDay> gameDays;
    private final JobRunner runner;
    private final String node;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> jobTask;
    private final List<String> recurringNames = new ArrayList<>();
    private final Map<String, String> lastLocalResult = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private volatile Instant lastTick;
    private volatile String lastTickError;
    private final CatchUp catchUp;
    private volatile String pendingCatchUp;
    private volatile List<LocalDate> missed = List.of();

    public OpsScheduler(Warehouse warehouse, Clock clock, DailyPlan plan, Function<LocalDate, GameDay> gameDays, JobRunner runner,
            List<Periodic> periodic, String node, Duration tick, Duration poll) {
        this(warehouse, clock, plan, gameDays, runner, periodic, node, tick, poll, null);
    }

    /**
     * {@code clock} is the platform's (the plan's "now": the wall clock, or the sandbox's replay clock); db-scheduler
     * itself keeps the wall clock, since its heartbeats and dead-execution checks compare real intervals. A job due on
     * the plan's clock is handed with its due time, which db-scheduler then finds due at once. {@code catchUp}: null
     * for no catch-up after downtime.
     */
    public OpsScheduler(Warehouse warehouse, Clock clock, DailyPlan plan, Function<LocalDate, GameDay> gameDays, JobRunner runner,
            List<Periodic> periodic, String node, Duration tick, Duration poll, CatchUp catchUp) {
        this.catchUp = catchUp;
        this.warehouse = warehouse;
        this.clock = clock;
        this.plan = plan;
        this.gameDays = gameDays;
        this.runner = runner;
        this.node = node;
        this.jobTask = Tasks.oneTime(JOB).execute((inst, ctx) -> runJob(inst.getId(), ctx.getExecution().executionTime));
        List<RecurringTask<Void>> recurring = new ArrayList<>();
        recurring.add(Tasks.recurring(TICK, Schedules.fixedDelay(tick)).execute((inst, ctx) -> tick()));
        recurringNames.add(TICK);
        for (Periodic p : periodic) {
            recurring.add(Tasks.recurring(p.name(), Schedules.fixedDelay(p.every())).execute((inst, ctx) -> runPeriodic(p)));
            recurringNames.add(p.name());
        }
        // startTasks registers the recurring tasks as known tasks too.
        SchedulerBuilder b = Scheduler.create(new WarehouseDataSource(warehouse), List.of(jobTask))
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(node))
                .pollingInterval(poll)
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(4)
                // Its default waits up to 30 minutes for running jobs; the service should stop promptly.
                .shutdownMaxWait(Duration.ofSeconds(10))
                .tableName("scheduled_tasks");
        if (warehouse.isDuckDb()) {
            b.jdbcCustomization(new DuckDbTaskData());
        }
        this.scheduler = b.build();
    }

    public void start() {
        scheduler.start();
        log.info("scheduler started on node {} (plan zone {})", node, plan.zone());
    }

    public boolean running() {
        var s = scheduler.getSchedulerState();
        return s.isStarted() && !s.isShuttingDown();
    }

    public Instant lastTick() {
        return lastTick;
    }

    /** Ticks run by this node since it started (tests wait on it). */
    public long ticks() {
        return ticks.get();
    }

    public String lastTickError() {
        return lastTickError;
    }

    /** Evaluates the plan now and schedules every due job that has not run; public so a test or an operator can force it. */
    public List<PlannedJob> tick() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, plan.zone());
        List<PlannedJob> handed = new ArrayList<>();
        try {
            List<LocalDate> missedNow = catchUp == null ? List.of() : catchUp.missed(now);
            for (LocalDate d : List.of(today.minusDays(1), today)) {
                if (missedNow.contains(d) || jobRow(PlannedJob.id(d, JobKind.CATCHUP, null)).isPresent()) {
                    continue; // its whole day runs (or ran) as a catch-up, in date order
                }
                for (PlannedJob j : plan.due(gameDays.apply(d), now)) {
                    if (catchUp != null && catchUp.alreadyDone(j)) {
                        continue;
                    }
                    if (jobRow(j.id()).isEmpty() && scheduler.scheduleIfNotExists(jobTask.instance(j.id()), j.dueAt())) {
                        log.info("scheduled {} (due {})", j.id(), j.dueAt());
                        handed.add(j);
                    }
                }
            }
            catchUpNext(now, missedNow).ifPresent(handed::add);
            lastTickError = null;
        } catch (RuntimeException e) {
            lastTickError = Secrets.mask(e.toString());
            log.error("scheduler tick failed; the next tick tries again: {}", lastTickError, e);
        } finally {
            lastTick = now;
            ticks.incrementAndGet();
        }
        if (!handed.isEmpty()) {
            scheduler.triggerCheckForDueExecutions();
        }
        return handed;
    }

    /**
     * Hands the oldest missed game day to db-scheduler, one at a time: the next goes once this one has ended (its end
     * triggers a tick), so missed days run strictly oldest first.
     */
    private Optional<PlannedJob> catchUpNext(Instant now, List<LocalDate> missedNow) {
        if (catchUp == null) {
            return Optional.empty();
        }
        missed = missedNow;
        String pending = pendingCatchUp;
        if (pending != null && jobRow(pending).map(r -> "RUNNING".equals(r.status())).orElse(true)) {
            return Optional.empty(); // handed and not ended yet
        }
        if (missed.isEmpty()) {
            pendingCatchUp = null;
            return Optional.empty();
        }
        LocalDate d = missed.get(0);
        PlannedJob j = new PlannedJob(PlannedJob.id(d, JobKind.CATCHUP, null), JobKind.CATCHUP, d, now, null);
        if (scheduler.scheduleIfNotExists(jobTask.instance(j.id()), now)) {
            log.info("catching up {} (missed while the service was down; {} missed day(s) in all, oldest first)", d, missed.size());
            pendingCatchUp = j.id();
            return Optional.of(j);
        }
        return Optional.empty();
    }

    /** Missed game days still to catch up (oldest first) and the catch-up jobs that ran, newest first. */
    public record CatchUpStatus(List<LocalDate> pending, List<JobRun> recent) {}

    public CatchUpStatus catchUpStatus() {
        List<JobRun> recent = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT job_id, kind, partition_date, due_at, status, node, "
                        + "started_at, ended_at, result FROM ops_job_run WHERE kind = 'CATCHUP' ORDER BY partition_date DESC LIMIT 20")
                .map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(JobRun.class)).list());
        return new CatchUpStatus(missed, recent);
    }

    private void runPeriodic(Periodic p) {
        try {
            p.action().run();
            lastLocalResult.put(p.name(), "SUCCESS");
        } catch (RuntimeException e) {
            lastLocalResult.put(p.name(), "FAILED: " + Secrets.mask(e.toString()));
            log.error("periodic job {} failed: {}", p.name(), Secrets.mask(e.toString()), e);
        }
    }

    private void runJob(String id, Instant dueAt) {
        PlannedJob job = PlannedJob.parse(id, dueAt);
        Instant started = clock.instant();
        int[] claimed = new int[1];
        warehouse.write(tx -> claimed[0] = tx.handle().createUpdate("INSERT INTO ops_job_run (job_id, kind, partition_date, due_at, "
                        + "status, node, started_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?) ON CONFLICT (job_id) DO NOTHING")
                .bind(0, id).bind(1, job.kind().name()).bind(2, job.date()).bind(3, dueAt).bind(4, node).bind(5, started).execute());
        if (claimed[0] == 0 && !takeOverFromDeadNode(id, started)) {
            log.info("job {} already ran (or is running) elsewhere; skipped", id);
            return;
        }
        log.info("job {} started on {}", id, node);
        String status;
        String result;
        try {
            result = runner.run(job);
            status = "SUCCESS";
        } catch (Exception e) {
            status = "FAILED";
            result = Secrets.mask(e.getMessage() == null ? e.toString() : e.getMessage());
            log.error("job {} failed: {}", id, result, e);
        }
        String st = status;
        String res = result == null ? null : result.length() > 4000 ? result.substring(0, 4000) : result;
        warehouse.write(tx -> tx.handle().createUpdate("UPDATE ops_job_run SET status = ?, ended_at = ?, result = ? WHERE job_id = ?")
                .bind(0, st).bind(1, clock.instant()).bind(2, res).bind(3, id).execute());
        log.info("job {} {}: {}", id, status, res);
        if (job.kind() == JobKind.CATCHUP) {
            tick(); // the next missed day, without waiting for the next tick
        }
    }

    /**
     * A second execution of a job whose row is still RUNNING can only come from db-scheduler's dead-execution
     * recovery (the tick never re-schedules a job that has a row, and the task row lives until the job ends): the
     * node that started it stopped heart-beating. Take the row over, conditionally, so only one node does.
     */
    private boolean takeOverFromDeadNode(String id, Instant now) {
        Optional<JobRun> row = jobRow(id);
        if (row.isEmpty() || !"RUNNING".equals(row.get().status()) || node.equals(row.get().node())) {
            return false;
        }
        JobRun r = row.get();
        int[] n = new int[1];
        warehouse.write(tx -> n[0] = tx.handle().createUpdate("UPDATE ops_job_run SET node = ?, started_at = ? WHERE job_id = ? "
                        + "AND status = 'RUNNING' AND node = ? AND started_at = ?")
                .bind(0, node).bind(1, now).bind(2, id).bind(3, r.node()).bind(4, r.startedAt()).execute());
        if (n[0] == 1) {
            log.warn("job {} was left RUNNING by node {} (started {}), which stopped responding; {} runs it again", id, r.node(),
                    r.startedAt(), node);
            return true;
        }
        return false;
    }

    /** The {@code ops_job_run} row of a planned job. */
    public Optional<JobRun> jobRow(String jobId) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT job_id, kind, partition_date, due_at, status, node, started_at, "
                        + "ended_at, result FROM ops_job_run WHERE job_id = ?").bind(0, jobId)
                .map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(JobRun.class)).findOne());
    }

    /** One row of {@code ops_job_run}. */
    public record JobRun(String jobId, String kind, LocalDate partitionDate, Instant dueAt, String status, String node,
            Instant startedAt, Instant endedAt, String result) {}

    /** Every recurring task and today's planned jobs, with last and next run. */
    public List<JobStatus> status() {
        List<JobStatus> out = new ArrayList<>();
        for (String name : recurringNames) {
            Optional<ScheduledExecution<Object>> ex = Optional.empty();
            try {
                ex = scheduler.getScheduledExecution(TaskInstanceId.of(name, RecurringTask.INSTANCE));
            } catch (RuntimeException e) {
                log.debug("cannot read {} from scheduled_tasks: {}", name, e.toString());
            }
            Instant last = ex.map(e -> latest(e.getLastSuccess(), e.getLastFailure())).orElse(null);
            String lastStatus = ex.map(e -> e.getLastFailure() != null && (e.getLastSuccess() == null
                    || e.getLastFailure().isAfter(e.getLastSuccess())) ? "FAILED" : e.getLastSuccess() != null ? "SUCCESS" : null).orElse(null);
            out.add(new JobStatus(name, last, lastStatus, name.equals(TICK) ? lastTickError : lastLocalResult.get(name),
                    ex.map(ScheduledExecution::getExecutionTime).orElse(null)));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, plan.zone());
        for (PlannedJob j : plan.jobs(gameDays.apply(today))) {
            Optional<JobRun> r = jobRow(j.id());
            out.add(new JobStatus(j.id(), r.map(JobRun::startedAt).orElse(null), r.map(JobRun::status).orElse(null),
                    r.map(JobRun::result).orElse(null), r.isPresent() || !now.isBefore(j.expiresAt()) ? null : j.dueAt()));
        }
        return out;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @Override
    public void close() {
        scheduler.stop();
        log.info("scheduler on node {} stopped", node);
    }
}
