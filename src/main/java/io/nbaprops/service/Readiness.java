package io.nbaprops.service;

import io.nbaprops.config.Secrets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every health component (in parallel, each bounded by a deadline so a hanging check cannot hang the
 * probe) and decides readiness: every required component OK.
 */
public final class Readiness implements AutoCloseable {
    private final List<HealthComponent> components;
    private final Clock clock;
    private final long deadlineMs;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });

    public Readiness(List<HealthComponent> components, Clock clock, long deadlineMs) {
        this.components = List.copyOf(components);
        this.clock = clock;
        this.deadlineMs = deadlineMs;
    }

    public record Report(boolean ready, Map<String, Object> body) {
        /** For anyone (a load balancer): readiness and each component's state, without details or data. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> states() {
            Map<String, Object> comps = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) body.get("components")).forEach((name, c) -> {
                Map<String, Object> pub = new LinkedHashMap<>();
                pub.put("state", c.get("state"));
                pub.put("required", c.get("required"));
                if (c.get("note") != null) {
                    pub.put("note", c.get("note"));
                }
                comps.put(name, pub);
            });
            Map<String, Object> m = new LinkedHashMap<>(body);
            m.put("components", comps);
            return m;
        }
    }

    /** How long one check's report is reused: a flood of probes costs one round of checks per interval. */
    private static final long REUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private volatile Report last;
    private volatile long lastAt;

    /** The last report if it is under a second old, else a fresh one. */
    public Report check() {
        Report r = last;
        if (r != null && System.nanoTime() - lastAt < REUSE_NANOS) {
            return r;
        }
        r = checkNow();
        lastAt = System.nanoTime();
        last = r;
        return r;
    }

    private Report checkNow() {
        List<CompletableFuture<HealthComponent.Status>> futures = new ArrayList<>();
        for (HealthComponent c : components) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return c.check();
                } catch (RuntimeException e) {
                    return HealthComponent.Status.unknown("check failed: " + Secrets.mask(String.valueOf(e.getMessage())));
                }
            }, pool));
        }
        boolean ready = true;
        Map<String, Object> comps = new LinkedHashMap<>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        for (int i = 0; i < components.size(); i++) {
            HealthComponent c = components.get(i);
            HealthComponent.Status s;
            try {
                s = futures.get(i).get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                s = HealthComponent.Status.unknown("no answer within " + deadlineMs + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s = HealthComponent.Status.unknown("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                s = HealthComponent.Status.unknown("check failed: " + Secrets.mask(String.valueOf(e.getCause())));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", s.state());
            m.put("required", c.required());
            m.put("detail", s.detail());
            if (s.note() != null) {
                m.put("note", s.note());
            }
            if (!s.data().isEmpty()) {
                m.put("data", s.data());
            }
            comps.put(c.name(), m);
            if (c.required() && !s.ok()) {
                ready = false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", ready);
        body.put("checked_at", clock.instant());
        body.put("components", comps);
        return new Report(ready, body);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
