package io.nbaprops.engine;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code run_history}. */
public record RunRecord(
        String runId,
        String asset,
        LocalDate partitionDate,
        int attempt,
        String status,
        String triggerSource,
        String node,
        Instant startedAt,
        Instant heartbeatAt,
        Instant endedAt,
        Long rowsWritten,
        Long durationMs,
        String message,
        String errorType,
        String error) {}
