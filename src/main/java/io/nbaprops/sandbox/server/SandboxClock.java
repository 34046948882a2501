package io.nbaprops.sandbox.server;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox server's "now": the real current time unless set (from Java, or fixed at start-up
 * with {@code --clock}). A request may override it with {@code now=} or {@code X-Sandbox-Now}.
 */
public final class SandboxClock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public static SandboxClock system() {
        return new SandboxClock();
    }

    public static SandboxClock fixedAt(Instant now) {
        SandboxClock c = new SandboxClock();
        c.set(now);
        return c;
    }

    public Instant now() {
        Instant f = fixed.get();
        return f != null ? f : Instant.now();
    }

    /** Fixes "now" (e.g. to replay the season day by day). */
    public void set(Instant now) {
        fixed.set(now);
    }

    /** Back to the real current time. */
    public void clear() {
        fixed.set(null);
    }

    public boolean isFixed() {
        return fixed.get() != null;
    }
}
