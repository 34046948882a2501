package io.nbaprops.engine;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code asset_partition}: the current state of an asset for a date. */
public record PartitionState(
        String asset,
        LocalDate partitionDate,
        String state,
        String reason,
        String lastRunId,
        Instant updatedAt,
        Instant lastSuccessStarted,
        Instant lastSuccessEnded,
        Long lastRowsWritten,
        int failuresSinceSuccess) {}
