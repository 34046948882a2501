package io.nbaprops.sandbox.server;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox server's "now": the real current time unless set (from Java, or fixed at start-up
 * with {@code --clock}). Set, it either stands still (a replay moved day by day) or runs from the set
 * instant at a multiple of real time ({@link #run}: a season replayed live, e.g. ten minutes a second).
 * A request may override it with {@code now=} or {@code X-Sandbox-Now}.
 */
public final class SandboxClock {
    /** From {@code at}, when the real monotonic clock read {@code nanos}, advancing {@code speed} times real time (0: fixed). */
    private record Anchor(Instant at, long nanos, double speed) {}

    private final AtomicReference<Anchor> anchor = new AtomicReference<>();

    public static SandboxClock system() {
        return new SandboxClock();
    }

    public static SandboxClock fixedAt(Instant now) {
        SandboxClock c = new SandboxClock();
        c.set(now);
        return c;
    }

    public Instant now() {
        Anchor a = anchor.get();
        if (a == null) {
            return Instant.now();
        }
        if (a.speed() == 0) {
            return a.at();
        }
        long elapsed = System.nanoTime() - a.nanos();
        return a.at().plus(Duration.ofNanos((long) (elapsed * a.speed())));
    }

    /** Fixes "now" (e.g. to replay the season day by day). */
    public void set(Instant now) {
        anchor.set(new Anchor(now, System.nanoTime(), 0));
    }

    /** Runs "now" from {@code from} at {@code speed} times real time (600: ten minutes of the season a second). */
    public void run(Instant from, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        anchor.set(new Anchor(from, System.nanoTime(), speed));
    }

    /** How many times real time the clock runs (0 when fixed or following the real clock). */
    public double speed() {
        Anchor a = anchor.get();
        return a == null ? 0 : a.speed();
    }

    /** Back to the real current time. */
    public void clear() {
        anchor.set(null);
    }

    public boolean isFixed() {
        Anchor a = anchor.get();
        return a != null && a.speed() == 0;
    }
}
