package io.nbaprops.service;

import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.engine.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills started from the service run here, one at a time in start order (two backfills at once would only fight
 * over the same partitions), each with progress that {@code GET /api/actions/jobs/{id}} reads. Jobs live in memory:
 * the run history keeps what each did, and an interrupted backfill resumes by running it again.
 */
public final class BackfillJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackfillJobs.class);
    private static final int KEEP = 50;

    private final Engine engine;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "service-backfill");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public BackfillJobs(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** One backfill's progress, updated as each date finishes. */
    public static final class Job {
        final String id;
        final List<String> assets;
        final LocalDate from;
        final LocalDate to;
        final boolean force;
        final String who;
        final Instant createdAt;
        volatile String state = "QUEUED";
        volatile int datesTotal;
        volatile int datesDone;
        volatile LocalDate lastDate;
        volatile Instant finishedAt;
        volatile String error;
        final Map<String, Integer> counts = new ConcurrentHashMap<>();
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        Job(String id, List<String> assets, LocalDate from, LocalDate to, boolean force, String who, Instant createdAt) {
            this.id = id;
            this.assets = assets;
            this.from = from;
            this.to = to;
            this.force = force;
            this.who = who;
            this.createdAt = createdAt;
        }

        public String id() {
            return id;
        }

        public String state() {
            return state;
        }

        public Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("state", state);
            m.put("assets", assets);
            m.put("from", from);
            m.put("to", to);
            m.put("force", force);
            m.put("who", who);
            m.put("created_at", createdAt);
            m.put("dates_total", datesTotal);
            m.put("dates_done", datesDone);
            m.put("last_date", lastDate);
            m.put("percent", datesTotal == 0 ? 0 : Math.round(100.0 * datesDone / datesTotal));
            m.put("counts", Map.copyOf(counts));
            synchronized (problems) {
                m.put("problems", List.copyOf(problems.subList(0, Math.min(20, problems.size()))));
            }
            m.put("finished_at", finishedAt);
            m.put("error", error);
            return m;
        }
    }

    public Job submit(List<String> assets, LocalDate from, LocalDate to, boolean force, String who) {
        Job job = new Job(UUID.randomUUID().toString(), List.copyOf(assets), from, to, force, who, clock.instant());
        job.datesTotal = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        jobs.put(job.id, job);
        trim();
        runner.submit(() -> run(job));
        return job;
    }

    private void run(Job job) {
        job.state = "RUNNING";
        try {
            engine.backfill(job.from, job.to, job.assets, "dashboard-backfill", job.force, new Engine.BackfillProgress() {
                @Override
                public void start(int dates) {
                    job.datesTotal = dates;
                }

                @Override
                public void dateDone(LocalDate date, RunSummary day) {
                    for (RunOutcome o : day.outcomes()) {
                        job.counts.merge(o.status().name(), 1, Integer::sum);
                        if (o.status() != RunStatus.SUCCESS) {
                            job.problems.add(o.status() + " " + o.asset() + " [" + o.partition() + "] "
                                    + (o.message() == null ? "" : o.message()));
                        }
                    }
                    job.lastDate = date;
                    job.datesDone++;
                }
            });
            job.state = job.problems.isEmpty() ? "SUCCEEDED" : "FINISHED_WITH_PROBLEMS";
        } catch (RuntimeException e) {
            log.error("backfill {} {}..{} failed", job.id, job.from, job.to, e);
            job.error = Secrets.mask(String.valueOf(e.getMessage()));
            job.state = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<Map<String, Object>> recent() {
        return jobs.values().stream().sorted((a, b) -> b.createdAt.compareTo(a.createdAt)).map(Job::view).toList();
    }

    /** Keeps the newest finished jobs only; running and queued ones are never dropped. */
    private void trim() {
        List<Job> finished = jobs.values().stream().filter(j -> j.finishedAt != null)
                .sorted((a, b) -> b.createdAt.compareTo(a.createdAt)).toList();
        finished.stream().skip(KEEP).forEach(j -> jobs.remove(j.id));
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
