package io.nbaprops.ops.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One job of the daily plan: what, for which game date, due when. {@code id} is stable (e.g. {@code 2025-01-05/pretip},
 * {@code 2025-01-05/hourly-1300},
 * {@code 2025-01-05/closing-1850}) so the scheduler can tell it already ran. {@code expiresAt}: after this the job is
 * pointless (e.g. final predictions after the first tip) and is skipped instead of caught up.
 */
public record PlannedJob(String id, JobKind kind, LocalDate date, Instant dueAt, Instant expiresAt) {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    static String id(LocalDate date, JobKind kind, java.time.LocalTime at) {
        String base = date + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
        return kind == JobKind.HOURLY || kind == JobKind.CLOSING ? base + "-" + HHMM.format(at) : base;
    }

    /** The kind and date back from an id (the scheduler stores only the id). */
    public static PlannedJob parse(String id, Instant dueAt) {
        int slash = id.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a planned job id: " + id);
        }
        LocalDate date = LocalDate.parse(id.substring(0, slash));
        String rest = id.substring(slash + 1);
        int dash = rest.indexOf('-');
        JobKind kind = JobKind.valueOf((dash < 0 ? rest : rest.substring(0, dash)).toUpperCase(java.util.Locale.ROOT));
        return new PlannedJob(id, kind, date, dueAt, null);
    }
}
