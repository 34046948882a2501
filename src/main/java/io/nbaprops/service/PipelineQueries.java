package io.nbaprops.service;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.Phase;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine did, read from {@code asset_partition}, {@code run_history}, {@code engine_event} and
 * {@code raw_payload}: the status grid, run history, stuck runs, the error feed, latency and sources' last success.
 */
public final class PipelineQueries {
    /** Engine event kinds that belong in the error feed. */
    static final List<String> ERROR_KINDS = List.of("FAILED", "TIMEOUT", "ABANDONED", "RETRY", "BUDGET_WARNING");

    private final Warehouse warehouse;
    private final AssetGraph graph;
    private final EngineConfig engine;
    private final Clock clock;

    public PipelineQueries(Warehouse warehouse, AssetGraph graph, EngineConfig engine, Clock clock) {
        this.warehouse = warehouse;
        this.graph = graph;
        this.engine = engine;
        this.clock = clock;
    }

    /** Assets in dependency order with their phase: the rows of the grid. */
    public List<Map<String, Object>> assets() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Asset a : graph.ordered()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("phase", a.phase().name().toLowerCase(java.util.Locale.ROOT));
            out.add(m);
        }
        return out;
    }

    /** Partition states of every asset for the dates of {@code from..to}, plus the dates of the schedule in that range. */
    public Map<String, Object> grid(LocalDate from, LocalDate to) {
        List<Map<String, Object>> cells = new Where().and("partition_date BETWEEN ? AND ?", from, to).query(warehouse,
                "SELECT asset, partition_date, state, reason, last_run_id, updated_at, last_rows_written, failures_since_success "
                        + "FROM asset_partition", "ORDER BY partition_date, asset");
        List<Map<String, Object>> games = new Where().and("game_date BETWEEN ? AND ?", from, to).query(warehouse,
                "SELECT game_date, count(*) AS games FROM game", "GROUP BY game_date ORDER BY game_date");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("dates", from.datesUntil(to.plusDays(1)).toList());
        out.put("assets", assets());
        out.put("cells", cells);
        out.put("games_per_date", games);
        // Dates some "now" source could not be seen for as of their prediction time: predicted, but not pickable.
        out.put("not_pickable", new Where().and("game_date BETWEEN ? AND ?", from, to).query(warehouse,
                "SELECT game_date, source, reason FROM point_in_time_gap", "ORDER BY game_date, source"));
        return out;
    }

    /** One date in detail: every asset, its state and reason (never-ran assets included, state null). */
    public List<Map<String, Object>> date(LocalDate date) {
        Map<String, Map<String, Object>> byAsset = new HashMap<>();
        new Where().and("partition_date = ?", date).query(warehouse, "SELECT * FROM asset_partition", null)
                .forEach(r -> byAsset.put((String) r.get("asset"), r));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : assets()) {
            Map<String, Object> row = new LinkedHashMap<>(a);
            Map<String, Object> s = byAsset.get((String) a.get("name"));
            row.put("state", s == null ? null : s.get("state"));
            row.put("reason", s == null ? null : s.get("reason"));
            row.put("updated_at", s == null ? null : s.get("updated_at"));
            row.put("rows", s == null ? null : s.get("last_rows_written"));
            row.put("failures_since_success", s == null ? null : s.get("failures_since_success"));
            out.add(row);
        }
        return out;
    }

    /** Run history, newest first, filtered by any of asset, partition date range and status. */
    public List<Map<String, Object>> runs(String asset, LocalDate from, LocalDate to, String status, int limit) {
        return new Where().and("asset = ?", asset).and("partition_date >= ?", from).and("partition_date <= ?", to)
                .and("status = ?", status)
                .query(warehouse, "SELECT run_id, asset, partition_date, attempt, status, trigger_source, node, started_at, "
                        + "heartbeat_at, ended_at, rows_written, duration_ms, message, error_type, error FROM run_history",
                        "ORDER BY started_at DESC, run_id LIMIT ?", limit);
    }

    /**
     * Runs still RUNNING whose heartbeat is older than three beats (the process is gone or wedged), or that have
     * been running past their asset's time budget.
     */
    public List<Map<String, Object>> stuck() {
        Instant now = clock.instant();
        Duration silence = Duration.ofSeconds(3 * Math.max(1, engine.heartbeatSeconds()));
        List<Map<String, Object>> running = new Where().and("status = ?", "RUNNING").query(warehouse,
                "SELECT run_id, asset, partition_date, attempt, trigger_source, node, started_at, heartbeat_at, message FROM run_history",
                "ORDER BY started_at");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : running) {
            Instant started = (Instant) r.get("started_at");
            Instant beat = r.get("heartbeat_at") == null ? started : (Instant) r.get("heartbeat_at");
            String asset = (String) r.get("asset");
            Duration budget = graph.contains(asset) && graph.get(asset).budget() != null ? graph.get(asset).budget()
                    : engine.budgetFor(asset);
            List<String> why = new ArrayList<>();
            if (beat.isBefore(now.minus(silence))) {
                why.add("no heartbeat for " + Duration.between(beat, now).toSeconds() + " s");
            }
            if (started.plus(budget).isBefore(now)) {
                why.add("running " + Duration.between(started, now).toSeconds() + " s, past its " + budget.toSeconds() + " s budget");
            }
            if (!why.isEmpty()) {
                Map<String, Object> m = new LinkedHashMap<>(r);
                m.put("why", String.join("; ", why));
                out.add(m);
            }
        }
        return out;
    }

    /** Failures, timeouts, retries and budget warnings, newest first. */
    public List<Map<String, Object>> errors(String asset, String kind, int limit) {
        Where w = new Where().and("asset = ?", asset).and("kind = ?", kind);
        if (kind == null) {
            w.and("kind IN (" + String.join(", ", ERROR_KINDS.stream().map(k -> "?").toList()) + ")", ERROR_KINDS.toArray());
        }
        return w.query(warehouse, "SELECT event_id, occurred_at, kind, asset, partition_date, run_id, message FROM engine_event",
                "ORDER BY occurred_at DESC, event_id LIMIT ?", limit);
    }

    /**
     * Per asset, p50 and p95 of successful run durations whose partition lies in the range; and per date the
     * end-to-end time from the first box-score collection run starting to the results export finishing.
     */
    public Map<String, Object> latency(LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new Where().and("partition_date BETWEEN ? AND ?", from, to).and("status = ?", "SUCCESS")
                .and("duration_ms IS NOT NULL").query(warehouse, "SELECT asset, duration_ms FROM run_history", "ORDER BY asset");
        Map<String, List<Long>> byAsset = new TreeMap<>();
        rows.forEach(r -> byAsset.computeIfAbsent((String) r.get("asset"), k -> new ArrayList<>()).add(((Number) r.get("duration_ms")).longValue()));
        List<Map<String, Object>> assets = new ArrayList<>();
        for (Asset a : graph.ordered()) {
            List<Long> d = byAsset.get(a.name());
            if (d == null) {
                continue;
            }
            d.sort(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asset", a.name());
            m.put("runs", d.size());
            m.put("p50_ms", percentile(d, 0.50));
            m.put("p95_ms", percentile(d, 0.95));
            m.put("max_ms", d.get(d.size() - 1));
            assets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("assets", assets);
        out.put("end_to_end", endToEnd(from, to));
        return out;
    }

    private List<Map<String, Object>> endToEnd(LocalDate from, LocalDate to) {
        List<String> boxCollect = graph.ordered().stream().filter(a -> a.phase() == Phase.COLLECT && a.name().contains("box"))
                .map(Asset::name).toList();
        String export = "export_results";
        if (boxCollect.isEmpty() || !graph.contains(export)) {
            return List.of();
        }
        String in = String.join(", ", boxCollect.stream().map(a -> "?").toList());
        List<Object> args = new ArrayList<>(boxCollect);
        List<Map<String, Object>> start = new Where().and("partition_date BETWEEN ? AND ?", from, to).and("status = ?", "SUCCESS")
                .and("asset IN (" + in + ")", args.toArray())
                .query(warehouse, "SELECT partition_date, min(started_at) AS t FROM run_history", "GROUP BY partition_date");
        List<Map<String, Object>> end = new Where().and("partition_date BETWEEN ? AND ?", from, to).and("status = ?", "SUCCESS")
                .and("asset = ?", export)
                .query(warehouse, "SELECT partition_date, max(ended_at) AS t FROM run_history", "GROUP BY partition_date");
        Map<LocalDate, Instant> ends = new HashMap<>();
        end.forEach(r -> ends.put((LocalDate) r.get("partition_date"), (Instant) r.get("t")));
        List<Map<String, Object>> out = new ArrayList<>();
        start.stream().sorted(java.util.Comparator.comparing(r -> (LocalDate) r.get("partition_date"))).forEach(r -> {
            LocalDate d = (LocalDate) r.get("partition_date");
            Instant s = (Instant) r.get("t");
            Instant e = ends.get(d);
            if (s != null && e != null && !e.isBefore(s)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", d);
                m.put("box_scores_started", s);
                m.put("results_exported", e);
                m.put("seconds", Duration.between(s, e).toMillis() / 1000.0);
                out.add(m);
            }
        });
        return out;
    }

    /** Nearest-rank percentile of a sorted list. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Per source, the newest payload fetched with a 2xx/304 answer, and per collect asset its last successful run. */
    public Map<String, Object> sourcesLastSuccess() {
        List<Map<String, Object>> payloads = new Where().and("http_status BETWEEN ? AND ?", 200, 399).query(warehouse,
                "SELECT source, max(fetched_at) AS last_success, count(*) AS payloads FROM raw_payload", "GROUP BY source ORDER BY source");
        List<Map<String, Object>> collects = new Where().and("status = ?", "SUCCESS")
                .query(warehouse, "SELECT asset, max(ended_at) AS last_success FROM run_history", "GROUP BY asset ORDER BY asset")
                .stream().filter(r -> graph.contains((String) r.get("asset")) && graph.get((String) r.get("asset")).phase() == Phase.COLLECT)
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("payloads", payloads);
        out.put("collect_runs", collects);
        return out;
    }
}
