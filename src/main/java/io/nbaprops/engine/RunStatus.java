package io.nbaprops.engine;

/** States of a run attempt and of an asset partition. */
public enum RunStatus {
    RUNNING, SUCCESS, FAILED, TIMED_OUT, WAITING, ABANDONED, ALREADY_RUNNING;

    public boolean isTerminalFailure() {
        return this == FAILED || this == TIMED_OUT || this == ABANDONED;
    }
}
