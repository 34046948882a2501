package io.nbaprops.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Instant;
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
 * Long actions started through the service run here as jobs, one at a time in start order (two at once would only
 * fight over the same partitions), each answering 202 at once with a job whose progress {@code GET /api/actions/jobs/{id}}
 * reads. Every job is a row of {@code service_job}, written when it is queued, as it progresses and when it ends, so a
 * restarted service still shows what ran and how it ended; one left QUEUED or RUNNING by a process that stopped is
 * closed as ABANDONED at start-up ({@link #abandonLeftovers}).
 */
public final class ActionJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ActionJobs.class);
    private static final int MAX_PROBLEMS = 20;
    private static final String[] COLUMNS = {"job_id", "kind", "params", "who", "state", "node", "created_at", "started_at",
        "finished_at", "done", "total", "unit", "last_item", "counts", "problems", "result", "error"};

    /** What a job does; it reports progress through {@link Job} and returns the body its action answers when done. */
    @FunctionalInterface
    public interface Work {
        Map<String, Object> run(Job job) throws Exception;
    }

    private final Warehouse warehouse;
    private final Clock clock;
    private final String node;
    private final ObjectMapper json = ServiceServer.mapper();
    private final Map<String, Job> live = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "service-jobs");
        t.setDaemon(true);
        return t;
    });

    public ActionJobs(Warehouse warehouse, Clock clock, String node) {
        this.warehouse = warehouse;
        this.clock = clock;
        this.node = node;
    }

    /** One job: its request, progress (units done of total) and outcome; saved on every change. */
    public final class Job {
        final String id;
        final String kind;
        final Map<String, Object> params;
        final String who;
        final Instant createdAt;
        volatile String state = "QUEUED";
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile int done;
        volatile int total;
        volatile String unit;
        volatile String lastItem;
        volatile Map<String, Object> result;
        volatile String error;
        final Map<String, Integer> counts = new ConcurrentHashMap<>();
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        Job(String kind, Map<String, Object> params, String who, int total, String unit) {
            this.id = UUID.randomUUID().toString();
            this.kind = kind;
            this.params = params;
            this.who = who;
            this.total = total;
            this.unit = unit;
            this.createdAt = clock.instant();
        }

        public String id() {
            return id;
        }

        public void total(int n) {
            total = n;
            save(this);
        }

        /** One unit done ({@code item}: e.g. the date), with the outcomes' statuses and any problem lines. */
        public void step(String item, Map<String, Integer> statuses, List<String> newProblems) {
            statuses.forEach((k, v) -> counts.merge(k, v, Integer::sum));
            synchronized (problems) {
                newProblems.stream().limit(Math.max(0, MAX_PROBLEMS - problems.size())).map(Secrets::mask).forEach(problems::add);
            }
            lastItem = item;
            done++;
            save(this);
        }

        boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** Queues the work and saves the job as QUEUED; returns at once. */
    public Job submit(String kind, Map<String, Object> params, String who, int total, String unit, Work work) {
        Job job = new Job(kind, params, who, total, unit);
        save(job);
        live.put(job.id, job);
        runner.submit(() -> run(job, work));
        return job;
    }

    private void run(Job job, Work work) {
        job.state = "RUNNING";
        job.startedAt = clock.instant();
        save(job);
        try {
            job.result = work.run(job);
            job.state = job.hasProblems() ? "FINISHED_WITH_PROBLEMS" : "SUCCEEDED";
        } catch (Exception e) {
            log.error("job {} ({}) failed", job.id, job.kind, e);
            job.error = Secrets.mask(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            job.state = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
            save(job);
            live.remove(job.id);
        }
    }

    private void save(Job j) {
        try {
            List<String> problems;
            synchronized (j.problems) {
                problems = List.copyOf(j.problems);
            }
            warehouse.write(tx -> tx.upsert(RowBatch.of("service_job", COLUMNS).add(j.id, j.kind, write(j.params), j.who, j.state, node,
                    j.createdAt, j.startedAt, j.finishedAt, j.done, j.total, j.unit, j.lastItem, write(Map.copyOf(j.counts)),
                    write(problems), j.result == null ? null : Secrets.mask(write(j.result)), j.error)));
        } catch (RuntimeException e) {
            // The job goes on; the next save (or its end) writes the row again.
            log.warn("cannot save job {} ({}): {}", j.id, j.state, Secrets.mask(e.toString()));
        }
    }

    /** Closes jobs a stopped process left QUEUED or RUNNING; returns how many. */
    public int abandonLeftovers() {
        int[] closed = new int[1];
        warehouse.write(tx -> closed[0] = tx.handle().createUpdate("UPDATE service_job SET state = 'ABANDONED', finished_at = ?, "
                + "error = 'the service stopped before this job ended; run it again' WHERE state IN ('QUEUED', 'RUNNING')")
                .bind(0, clock.instant()).execute());
        int n = closed[0];
        if (n > 0) {
            log.warn("{} job(s) left unfinished by a service that stopped were closed as ABANDONED", n);
        }
        return n;
    }

    /** The job as the API shows it, from memory while it runs, else from the warehouse. */
    public Optional<Map<String, Object>> view(String id) {
        List<Map<String, Object>> rows = new Where().and("job_id = ?", id).query(warehouse, "SELECT * FROM service_job", null);
        return rows.stream().findFirst().map(this::view);
    }

    /** Newest first (this process's and earlier ones'). */
    public List<Map<String, Object>> recent(int limit) {
        return new Where().query(warehouse, "SELECT * FROM service_job", "ORDER BY created_at DESC, job_id LIMIT ?", limit).stream()
                .map(this::view).toList();
    }

    /** The still-running or queued ones. */
    public int active() {
        return live.size();
    }

    private Map<String, Object> view(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.get("job_id"));
        m.put("kind", row.get("kind"));
        m.put("state", row.get("state"));
        m.put("who", row.get("who"));
        m.put("params", read(row.get("params")));
        m.put("created_at", row.get("created_at"));
        m.put("started_at", row.get("started_at"));
        m.put("finished_at", row.get("finished_at"));
        int done = ((Number) row.get("done")).intValue();
        int total = ((Number) row.get("total")).intValue();
        m.put("done", done);
        m.put("total", total);
        m.put("unit", row.get("unit"));
        String state = (String) row.get("state");
        m.put("percent", state.equals("SUCCEEDED") || state.equals("FINISHED_WITH_PROBLEMS") ? 100
                : total == 0 ? 0 : Math.round(100.0 * done / total));
        m.put("last_item", row.get("last_item"));
        m.put("counts", read(row.get("counts")));
        m.put("problems", read(row.get("problems")));
        m.put("result", read(row.get("result")));
        m.put("error", row.get("error"));
        m.put("node", row.get("node"));
        m.put("progress_url", "/api/actions/jobs/" + row.get("job_id"));
        return m;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write job field as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Object read(Object s) {
        if (s == null) {
            return null;
        }
        try {
            return json.readValue((String) s, Object.class);
        } catch (JsonProcessingException e) {
            return s; // shown as stored
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
