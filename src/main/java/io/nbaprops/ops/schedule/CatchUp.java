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
 * After downtime (the service stopped for days), the game dates whose daily plan never ran: oldest first, so the
 * scheduler runs each one's whole day (as the demo does) in date order, and features and grading build on complete
 * earlier days. A date is missed when its post-game job has expired without running (no row in {@code ops_job_run},
 * neither a catch-up) and its post-game assets have not all succeeded some other way (a demo, a backfill). A date
 * whose post-game job is still due is the regular plan's; one whose catch-up ran and failed is self-heal's. Only the
 * last {@code maxDays} days are looked at; older gaps are a backfill's job.
 */
public final class CatchUp {
    private final Warehouse warehouse;
    private final RunStore runs;
    private final DailyPlan plan;
    private final GameDays gameDays;
    private final List<String> postgame;
    private final Predicate<String> scheduled;
    private final int maxDays;

    public CatchUp(Warehouse warehouse, RunStore runs, DailyPlan plan, GameDays gameDays, List<String> postgame,
            Predicate<String> scheduled, int maxDays) {
        this.warehouse = warehouse;
        this.runs = runs;
        this.plan = plan;
        this.gameDays = gameDays;
        this.postgame = List.copyOf(postgame);
        this.scheduled = scheduled;
        this.maxDays = maxDays;
    }

    /** Missed game dates before today, oldest first. */
    public List<LocalDate> missed(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, plan.zone());
        LocalDate from = today.minusDays(Math.max(1, maxDays));
        List<LocalDate> dates = gameDays.gameDates(from, today.minusDays(1));
        if (dates.isEmpty()) {
            return List.of();
        }
        Set<String> ran = new HashSet<>(warehouse.jdbi().withHandle(h -> h.createQuery("SELECT job_id FROM ops_job_run "
                        + "WHERE partition_date BETWEEN ? AND ? AND kind IN ('POSTGAME', 'CATCHUP')")
                .bind(0, from).bind(1, today).mapTo(String.class).list()));
        Set<String> succeeded = new HashSet<>();
        for (PartitionState s : runs.states(from, today)) {
            if ("SUCCESS".equals(s.state())) {
                succeeded.add(s.asset() + "|" + s.partitionDate());
            }
        }
        List<String> finals = postgame.stream().filter(scheduled).toList();
        return dates.stream()
                .filter(d -> !ran.contains(PlannedJob.id(d, JobKind.POSTGAME, null)) && !ran.contains(PlannedJob.id(d, JobKind.CATCHUP, null)))
                .filter(d -> !finals.stream().allMatch(a -> succeeded.contains(a + "|" + d)))
                .filter(d -> plan.jobs(gameDays.of(d)).stream().filter(j -> j.kind() == JobKind.POSTGAME)
                        .allMatch(j -> !now.isBefore(j.expiresAt())))
                .toList();
    }
}
