package io.nbaprops.ops.schedule;

import io.nbaprops.engine.PartitionState;
import io.nbaprops.engine.RunStore;
import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * After downtime (the service stopped for days), the dates whose daily plan never ran: oldest first, so the scheduler
 * runs each one's day (its schedule, then on a game day its pre-game and post-game groups, as the demo does) in date
 * order, and features and grading build on complete earlier days. A date is missed when none of its plan jobs ever
 * started (no row in {@code ops_job_run}) and its work was not done some other way (a demo, a backfill): on a known
 * game day, every post-game asset succeeded; on any other day, its schedule was read. A date the plan started and
 * that failed is self-heal's business, not catch-up's. Only the last {@code maxDays} days since the platform's first
 * partition are looked at (a fresh installation has nothing to catch up); older gaps are a backfill's job.
 */
public final class CatchUp {
    private final Warehouse warehouse;
    private final RunStore runs;
    private final DailyPlan plan;
    private final GameDays gameDays;
    private final List<String> postgame;
    private final List<String> schedule;
    private final Predicate<String> scheduled;
    private final int maxDays;

    public CatchUp(Warehouse warehouse, RunStore runs, DailyPlan plan, GameDays gameDays, List<String> schedule, List<String> postgame,
            Predicate<String> scheduled, int maxDays) {
        this.schedule = List.copyOf(schedule);
        this.warehouse = warehouse;
        this.runs = runs;
        this.plan = plan;
        this.gameDays = gameDays;
        this.postgame = List.copyOf(postgame);
        this.scheduled = scheduled;
        this.maxDays = maxDays;
    }

    /** Missed dates before today, oldest first. */
    public List<LocalDate> missed(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, plan.zone());
        LocalDate first = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT min(partition_date) FROM asset_partition")
                .mapTo(LocalDate.class).findOne().orElse(null));
        if (first == null) {
            return List.of();
        }
        LocalDate earliest = today.minusDays(Math.max(1, maxDays));
        LocalDate from = first.isAfter(earliest) ? first : earliest;
        if (!from.isBefore(today)) {
            return List.of();
        }
        Set<LocalDate> gameDates = new HashSet<>(gameDays.gameDates(from, today.minusDays(1)));
        Set<LocalDate> planned = new HashSet<>(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT partition_date "
                        + "FROM ops_job_run WHERE partition_date BETWEEN ? AND ?")
                .bind(0, from).bind(1, today).mapTo(LocalDate.class).list()));
        Set<String> succeeded = new HashSet<>();
        Set<LocalDate> busy = new HashSet<>();
        for (PartitionState s : runs.states(from, today)) {
            if ("SUCCESS".equals(s.state())) {
                succeeded.add(s.asset() + "|" + s.partitionDate());
            } else if ("RUNNING".equals(s.state())) {
                busy.add(s.partitionDate()); // being worked on right now (e.g. the morning job's run of yesterday's post-game)
            }
        }
        List<String> finals = postgame.stream().filter(scheduled).toList();
        List<String> dayStart = schedule.stream().filter(scheduled).toList();
        return from.datesUntil(today).filter(d -> !planned.contains(d) && !busy.contains(d))
                .filter(d -> !(gameDates.contains(d) ? finals : dayStart).stream().allMatch(a -> succeeded.contains(a + "|" + d)))
                .toList();
    }

    /**
     * A post-game job whose assets all succeeded after it fell due (the demo ran them): the plan need not run them again.
     */
    public boolean alreadyDone(PlannedJob job) {
        if (job.kind() != JobKind.POSTGAME) {
            return false;
        }
        return postgame.stream().filter(scheduled).allMatch(a -> runs.state(a, job.date())
                .map(s -> "SUCCESS".equals(s.state()) && s.lastSuccessStarted() != null && !s.lastSuccessStarted().isBefore(job.dueAt()))
                .orElse(false));
    }
}
