package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.InjuryStatus;
import java.time.Instant;

/**
 * A player's situation for one of his team's games, as decided by the injury planner.
 * {@code out}: he does not play. {@code listed}/{@code listedAt}: the designation on the injury
 * report before the game (null if none); {@code decidedAt}: when the final call (out or cleared) is
 * reported. {@code ramp} scales his minutes on his return from a long absence.
 */
public record Availability(boolean out, String reason, InjuryStatus listed, Instant listedAt, Instant decidedAt,
        double ramp) {

    public static final Availability HEALTHY = new Availability(false, null, null, null, null, 1.0);

    /** Whether the public (and so the books) know he is out at {@code t}. */
    public boolean knownOutAt(Instant t) {
        return out && !t.isBefore(decidedAt);
    }
}
