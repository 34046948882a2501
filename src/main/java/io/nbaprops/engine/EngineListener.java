package io.nbaprops.engine;

import java.time.LocalDate;

/** Hears what the engine does; alerts and metrics hang off this. Implementations must not throw. */
public interface EngineListener {
    /** kind: BUDGET_WARNING, TIMEOUT, RETRY, FAILED, WAITING, ABANDONED, SUCCESS */
    default void onEvent(String kind, String asset, LocalDate partition, String runId, String message) {}

    default void onRunFinished(RunOutcome outcome, long durationMillis) {}
}
