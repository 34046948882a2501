package io.nbaprops.ops.schedule;

import java.time.Instant;

/** A scheduled job as the health page shows it: when it last ran and how that went, and when it runs next. */
public record JobStatus(String name, Instant lastRunAt, String lastStatus, String lastResult, Instant nextRunAt) {}
