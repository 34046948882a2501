package io.nbaprops.app;

import io.nbaprops.sandbox.server.SandboxClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The platform's clock following the sandbox league's "now", so a replayed season sees data as it appeared. */
final class SandboxTimeClock extends Clock {
    private final SandboxClock sandbox;

    SandboxTimeClock(SandboxClock sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is UTC");
    }

    @Override
    public Instant instant() {
        return sandbox.now();
    }

    /** For status pages: where the replay stands, and whether it moves. */
    String describe() {
        double speed = sandbox.speed();
        return "sandbox replay clock, " + (speed == 0 ? "standing at " + sandbox.now()
                : "at " + sandbox.now() + ", running " + (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed))
                        + "x real time");
    }
}
