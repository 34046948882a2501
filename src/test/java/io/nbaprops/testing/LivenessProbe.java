package io.nbaprops.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks {@code GET /health/live} over a new connection every interval, as a load balancer does, and keeps each
 * answer's latency; an answer other than 200, or none within the timeout, is a failure.
 */
public final class LivenessProbe implements AutoCloseable {
    /** Latencies in ms over the probes that answered 200; {@code failures} the others, with the first reason. */
    public record Summary(int probes, int failures, String firstFailure, double p50, double p95, double p99, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d probes, %d failed%s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", probes, failures,
                    firstFailure == null ? "" : " (first: " + firstFailure + ")", p50, p95, p99, max);
        }
    }

    private final int port;
    private final int timeoutMs;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Double> latencies = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;

    private LivenessProbe(int port, Duration interval, int timeoutMs) {
        this.port = port;
        this.timeoutMs = timeoutMs;
        this.thread = new Thread(() -> {
            while (!stop.get()) {
                probe();
                LockSupport.parkNanos(interval.toNanos());
            }
        }, "liveness-probe");
        thread.setDaemon(true);
    }

    public static LivenessProbe start(int port, Duration interval, Duration timeout) {
        LivenessProbe p = new LivenessProbe(port, interval, (int) timeout.toMillis());
        p.thread.start();
        return p;
    }

    private void probe() {
        long t0 = System.nanoTime();
        String failure;
        try {
            RawHttp.Response r = RawHttp.send(port, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", null, timeoutMs);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.status() == 200 && r.body().contains("UP")) {
                synchronized (this) {
                    latencies.add(ms);
                }
                return;
            }
            failure = "status " + r.status() + " after " + Math.round(ms) + " ms";
        } catch (IOException e) {
            failure = e + " after " + Math.round((System.nanoTime() - t0) / 1e6) + " ms";
        }
        synchronized (this) {
            failures.add(failure);
        }
    }

    public synchronized Summary summary() {
        List<Double> l = new ArrayList<>(latencies);
        l.sort(null);
        return new Summary(l.size() + failures.size(), failures.size(), failures.isEmpty() ? null : failures.get(0), pct(l, 0.5),
                pct(l, 0.95), pct(l, 0.99), l.isEmpty() ? Double.NaN : l.get(l.size() - 1));
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(timeoutMs + 5_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
