package io.nbaprops.ops.schedule;

import io.nbaprops.config.ScheduleConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The daily plan as a pure function of (game day, now): which jobs a date has and which are due. Local times are
 * in the configured zone (so 08:00 stays 08:00 across daylight-saving changes); the pre-tip and post-game jobs are
 * relative to the day's first and last tip-off. Game-dependent jobs exist only on game days.
 */
public final class DailyPlan {
    private final ZoneId zone;
    private final LocalTime morningAt;
    private final LocalTime hourlyFrom;
    private final LocalTime hourlyTo;
    private final Duration pretip;
    private final Duration closing;
    private final Duration postgame;

    public DailyPlan(ScheduleConfig cfg, ZoneId zone) {
        this.zone = zone;
        this.morningAt = LocalTime.parse(cfg.morningAt());
        this.hourlyFrom = LocalTime.parse(cfg.hourlyFrom());
        this.hourlyTo = LocalTime.parse(cfg.hourlyTo());
        this.pretip = Duration.ofMinutes(cfg.pretipMinutes());
        this.closing = Duration.ofMinutes(cfg.closingMinutes());
        this.postgame = Duration.ofMinutes(cfg.postgameMinutesAfterLastTip());
        if (hourlyTo.isBefore(hourlyFrom)) {
            throw new IllegalArgumentException("schedule.hourly_to " + hourlyTo + " is before schedule.hourly_from " + hourlyFrom);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every job of the date, ordered by due time. */
    public List<PlannedJob> jobs(GameDay day) {
        LocalDate d = day.date();
        Instant endOfDay = d.plusDays(1).atStartOfDay(zone).toInstant();
        List<PlannedJob> out = new ArrayList<>();
        out.add(new PlannedJob(PlannedJob.id(d, JobKind.MORNING, morningAt), JobKind.MORNING, d, at(d, morningAt), endOfDay));
        if (day.isGameDay()) {
            Instant pre = day.firstTip().minus(pretip);
            for (LocalTime t = hourlyFrom; !t.isAfter(hourlyTo); t = t.plusHours(1)) {
                Instant due = at(d, t);
                // Once the final predictions went out, an hourly refresh would only overwrite them.
                if (due.isBefore(pre)) {
                    Instant next = due.plus(Duration.ofHours(1));
                    out.add(new PlannedJob(PlannedJob.id(d, JobKind.HOURLY, t), JobKind.HOURLY, d, due, next.isBefore(pre) ? next : pre));
                }
                if (t.equals(LocalTime.of(23, 0))) {
                    break; // plusHours wraps past midnight
                }
            }
            out.add(new PlannedJob(PlannedJob.id(d, JobKind.PRETIP, null), JobKind.PRETIP, d, pre, day.firstTip()));
            // The closing lines: once per distinct tip-off, shortly before it; pointless once the game has started.
            for (Instant tip : new java.util.TreeSet<>(day.tipOffs())) {
                Instant due = tip.minus(closing);
                out.add(new PlannedJob(PlannedJob.id(d, JobKind.CLOSING, due.atZone(zone).toLocalTime()), JobKind.CLOSING, d, due, tip));
            }
            Instant post = day.lastTip().plus(postgame);
            out.add(new PlannedJob(PlannedJob.id(d, JobKind.POSTGAME, null), JobKind.POSTGAME, d, post, post.plus(Duration.ofHours(24))));
        }
        out.sort(Comparator.comparing(PlannedJob::dueAt));
        return List.copyOf(out);
    }

    /**
     * Jobs due at {@code now}: due time reached and not yet expired. A node that was down catches up on what still
     * makes sense (the morning job, the post-game run) and skips what does not (a missed hourly refresh is
     * superseded by the next one; final predictions after the first tip).
     */
    public List<PlannedJob> due(GameDay day, Instant now) {
        return jobs(day).stream().filter(j -> !j.dueAt().isAfter(now) && now.isBefore(j.expiresAt())).toList();
    }

    /** The next job of the date still ahead of {@code now}, if any (for status pages). */
    public java.util.Optional<PlannedJob> next(GameDay day, Instant now) {
        return jobs(day).stream().filter(j -> j.dueAt().isAfter(now)).findFirst();
    }

    private Instant at(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(zone).toInstant();
    }
}
