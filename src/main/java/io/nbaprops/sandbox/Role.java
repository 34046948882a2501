package io.nbaprops.sandbox;

/** Where a player sits in his team's rotation when everyone is healthy. */
public enum Role {
    /** 28-36 minutes. */
    STARTER,
    /** 10-24 minutes off the bench. */
    ROTATION,
    /** A few minutes some nights; often DNP - coach's decision. */
    FRINGE,
    /** Garbage time only. */
    DEEP_BENCH
}
