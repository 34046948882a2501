package io.nbaprops.engine;

import java.time.LocalDate;

/** How a request to materialise one asset partition ended. */
public record RunOutcome(String asset, LocalDate partition, RunStatus status, int attempts, long rowsWritten,
        String message, String runId) {

    public boolean succeeded() {
        return status == RunStatus.SUCCESS;
    }
}
