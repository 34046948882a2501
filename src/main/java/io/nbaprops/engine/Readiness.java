package io.nbaprops.engine;

/** Whether a partition's inputs are complete; when not, why ("waiting for ..."). */
public record Readiness(boolean ready, String reason) {
    public static Readiness ok() {
        return new Readiness(true, null);
    }

    public static Readiness waitingFor(String reason) {
        return new Readiness(false, reason);
    }
}
