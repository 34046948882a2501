package io.nbaprops.service;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed keys per client. After {@code limit} failures inside one window the client is blocked for a window;
 * while blocked its keyed requests are answered 429 without looking at the key, so guessing gains nothing. The table
 * is bounded: when it is full of clients that are still counting, a new failing client starts out blocked (fail closed).
 */
final class FailedKeyThrottle {
    static final int MAX_CLIENTS = 10_000;

    /**
     * What a failure did: whether it started a block, or could not be counted at all (the table is full: the caller
     * refuses the client as if blocked).
     */
    record Failure(boolean blockStarted, boolean untracked) {}

    private static final class Window {
        long start;
        int count;
        long blockedUntil;

        Window(long start) {
            this.start = start;
        }
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();

    FailedKeyThrottle(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Seconds until {@code client} may try again (rounded up), or 0 when it is not blocked. */
    long blockedForSeconds(String client) {
        Window w = clients.get(client);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            long left = w.blockedUntil - nanoClock.getAsLong();
            return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        }
    }

    Failure fail(String client) {
        long now = nanoClock.getAsLong();
        Window w = clients.get(client);
        if (w == null) {
            if (clients.size() >= MAX_CLIENTS && !evictIdle(now)) {
                return new Failure(false, true);
            }
            w = clients.computeIfAbsent(client, c -> new Window(now));
        }
        synchronized (w) {
            boolean blocked = now < w.blockedUntil;
            boolean blockOver = w.blockedUntil != 0 && !blocked;
            if (blockOver || (!blocked && now - w.start > windowNanos)) { // a fresh count after a block or a quiet window
                w.start = now;
                w.count = 0;
                w.blockedUntil = 0;
            }
            w.count++;
            boolean starts = !blocked && w.count >= limit;
            if (starts) {
                w.blockedUntil = now + windowNanos;
            }
            return new Failure(starts, false);
        }
    }

    /** Drops clients whose window and block are over; true when there is room again. */
    private boolean evictIdle(long now) {
        for (Iterator<Window> it = clients.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            synchronized (w) {
                if (now - w.start > windowNanos && now >= w.blockedUntil) {
                    it.remove();
                }
            }
        }
        return clients.size() < MAX_CLIENTS;
    }

    int tracked() {
        return clients.size();
    }
}
