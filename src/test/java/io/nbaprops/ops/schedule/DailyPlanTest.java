package io.nbaprops.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.ScheduleConfig;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily plan on a fake clock: which jobs exist and which are due, game day or not, around DST changes. */
class DailyPlanTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ScheduleConfig CFG = new ScheduleConfig(true, 60, 5000, "08:00", "12:00", "17:00", 60, 10, 180, "19:00", 30, 7, 3, 14);
    final DailyPlan plan = new DailyPlan(CFG, NY);

    static Instant ny(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(NY).toInstant();
    }

    static List<String> ids(List<PlannedJob> jobs) {
        return jobs.stream().map(PlannedJob::id).toList();
    }

    @Test
    void nonGameDayHasOnlyTheMorningJob() {
        LocalDate d = LocalDate.of(2025, 2, 14); // All-Star break
        List<PlannedJob> jobs = plan.jobs(GameDay.none(d));
        assertThat(ids(jobs)).containsExactly("2025-02-14/morning");
        assertThat(jobs.get(0).dueAt()).isEqualTo(ny("2025-02-14T08:00"));
        assertThat(plan.due(GameDay.none(d), ny("2025-02-14T07:59"))).isEmpty();
        assertThat(ids(plan.due(GameDay.none(d), ny("2025-02-14T08:00")))).containsExactly("2025-02-14/morning");
        assertThat(ids(plan.due(GameDay.none(d), ny("2025-02-14T16:00")))).containsExactly("2025-02-14/morning");
    }

    @Test
    void gameDayPlanIsHourlyUntilPretipThenPostgameAfterTheLastTip() {
        LocalDate d = LocalDate.of(2025, 1, 15);
        GameDay day = new GameDay(d, List.of(ny("2025-01-15T22:00"), ny("2025-01-15T19:00"), ny("2025-01-15T19:30")));
        List<PlannedJob> jobs = plan.jobs(day);
        assertThat(ids(jobs)).containsExactly("2025-01-15/morning", "2025-01-15/hourly-1200", "2025-01-15/hourly-1300",
                "2025-01-15/hourly-1400", "2025-01-15/hourly-1500", "2025-01-15/hourly-1600", "2025-01-15/hourly-1700",
                "2025-01-15/pretip", "2025-01-15/closing-1850", "2025-01-15/closing-1920", "2025-01-15/closing-2150",
                "2025-01-15/postgame");
        PlannedJob pretip = jobs.stream().filter(j -> j.kind() == JobKind.PRETIP).findFirst().orElseThrow();
        assertThat(pretip.dueAt()).isEqualTo(ny("2025-01-15T18:00")); // 60 min before the FIRST tip (19:00)
        assertThat(pretip.expiresAt()).isEqualTo(ny("2025-01-15T19:00"));
        PlannedJob post = jobs.stream().filter(j -> j.kind() == JobKind.POSTGAME).findFirst().orElseThrow();
        assertThat(post.dueAt()).isEqualTo(ny("2025-01-16T01:00")); // LAST tip 22:00 + 180 min, past midnight

        // At 14:20 the morning job and the current hourly one are due; the missed 12:00 and 13:00 refreshes are superseded.
        assertThat(ids(plan.due(day, ny("2025-01-15T14:20")))).containsExactly("2025-01-15/morning", "2025-01-15/hourly-1400");
        // At 18:10: pre-tip due; the 17:00 refresh expired at the pre-tip time.
        assertThat(ids(plan.due(day, ny("2025-01-15T18:10")))).containsExactly("2025-01-15/morning", "2025-01-15/pretip");
        // Ten minutes before each distinct tip-off the closing lines are collected; each expires at its tip-off.
        assertThat(ids(plan.due(day, ny("2025-01-15T18:55")))).containsExactly("2025-01-15/morning", "2025-01-15/pretip",
                "2025-01-15/closing-1850");
        PlannedJob late = jobs.stream().filter(j -> j.id().equals("2025-01-15/closing-2150")).findFirst().orElseThrow();
        assertThat(late.kind()).isEqualTo(JobKind.CLOSING);
        assertThat(late.expiresAt()).isEqualTo(ny("2025-01-15T22:00"));
        // After the first tip the final predictions are pointless: skipped, not caught up; the 19:30 game's close is due.
        assertThat(ids(plan.due(day, ny("2025-01-15T19:05")))).containsExactly("2025-01-15/morning");
        assertThat(ids(plan.due(day, ny("2025-01-15T19:25")))).containsExactly("2025-01-15/morning", "2025-01-15/closing-1920");
        // The post-game job of the 15th is due after midnight, on the 16th.
        assertThat(ids(plan.due(day, ny("2025-01-16T01:30")))).containsExactly("2025-01-15/postgame");
    }

    @Test
    void earlyTipCutsTheHourlyWindowShort() {
        LocalDate d = LocalDate.of(2025, 1, 20); // MLK day matinee at 13:00
        GameDay day = new GameDay(d, List.of(ny("2025-01-20T13:00"), ny("2025-01-20T20:00")));
        List<PlannedJob> jobs = plan.jobs(day);
        // Pre-tip at 12:00 is where the 12:00 refresh would be: the final run replaces it.
        assertThat(ids(jobs)).containsExactly("2025-01-20/morning", "2025-01-20/pretip", "2025-01-20/closing-1250",
                "2025-01-20/closing-1950", "2025-01-20/postgame");
        assertThat(jobs.get(1).dueAt()).isEqualTo(ny("2025-01-20T12:00"));
        assertThat(ids(plan.due(day, ny("2025-01-20T12:30")))).containsExactly("2025-01-20/morning", "2025-01-20/pretip");
        assertThat(ids(plan.due(day, ny("2025-01-20T12:55")))).containsExactly("2025-01-20/morning", "2025-01-20/pretip",
                "2025-01-20/closing-1250");
    }

    @Test
    void localTimesHoldAcrossDaylightSavingChanges() {
        // Spring forward: 2025-03-09 02:00 EST -> 03:00 EDT. 08:00 local is 12:00Z that day, 13:00Z the day before.
        LocalDate before = LocalDate.of(2025, 3, 8);
        LocalDate spring = LocalDate.of(2025, 3, 9);
        assertThat(plan.jobs(GameDay.none(before)).get(0).dueAt()).isEqualTo(Instant.parse("2025-03-08T13:00:00Z"));
        assertThat(plan.jobs(GameDay.none(spring)).get(0).dueAt()).isEqualTo(Instant.parse("2025-03-09T12:00:00Z"));
        // Fall back: 2025-11-02 02:00 EDT -> 01:00 EST. 08:00 local is 13:00Z.
        LocalDate fall = LocalDate.of(2025, 11, 2);
        GameDay fallDay = new GameDay(fall, List.of(Instant.parse("2025-11-03T00:00:00Z"))); // 19:00 EST
        List<PlannedJob> jobs = plan.jobs(fallDay);
        assertThat(jobs.get(0).dueAt()).isEqualTo(Instant.parse("2025-11-02T13:00:00Z"));
        List<PlannedJob> hourly = jobs.stream().filter(j -> j.kind() == JobKind.HOURLY).toList();
        assertThat(hourly).hasSize(6);
        for (PlannedJob h : hourly) {
            // Each hourly job is on the hour in local time, one hour apart in real time.
            assertThat(ZonedDateTime.ofInstant(h.dueAt(), NY).getMinute()).isZero();
        }
        assertThat(hourly.get(0).dueAt()).isEqualTo(Instant.parse("2025-11-02T17:00:00Z"));
        // The tip is an instant: pre-tip is 60 real minutes before it, whatever the offset.
        assertThat(jobs.stream().filter(j -> j.kind() == JobKind.PRETIP).findFirst().orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2025-11-02T23:00:00Z"));
        // The day ends at local midnight: the morning job of the fall-back day (25 hours long) expires at 05:00Z.
        assertThat(jobs.get(0).expiresAt()).isEqualTo(Instant.parse("2025-11-03T05:00:00Z"));
    }

    @Test
    void jobIdsRoundTrip() {
        PlannedJob j = PlannedJob.parse("2025-01-15/hourly-1300", Instant.EPOCH);
        assertThat(j.kind()).isEqualTo(JobKind.HOURLY);
        assertThat(j.date()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(PlannedJob.parse("2025-01-15/postgame", Instant.EPOCH).kind()).isEqualTo(JobKind.POSTGAME);
        assertThat(PlannedJob.parse("2025-01-15/closing-1850", Instant.EPOCH).kind()).isEqualTo(JobKind.CLOSING);
    }

    @Test
    void gameDaysLeaveOutPostponedGamesAndAssumeADefaultTip(@TempDir Path dir) {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("w.duckdb"), null, null, 2)) {
            LocalDate d = LocalDate.of(2025, 1, 15);
            LocalDate allPostponed = LocalDate.of(2025, 1, 16);
            RowBatch games = RowBatch.of("game", "game_key", "game_date", "home_team", "away_team", "tip_off", "status", "source")
                    .add("20250115_BOS_NYK", d, "NYK", "BOS", Instant.parse("2025-01-16T00:30:00Z"), "scheduled", "test")
                    .add("20250115_LAL_DEN", d, "DEN", "LAL", null, "scheduled", "test")
                    .add("20250115_MIA_ORL", d, "ORL", "MIA", Instant.parse("2025-01-15T23:00:00Z"), "postponed", "test")
                    .add("20250116_ATL_CHA", allPostponed, "CHA", "ATL", Instant.parse("2025-01-17T00:00:00Z"), "postponed", "test");
            w.write(tx -> tx.upsert(games));
            GameDays days = new GameDays(w, NY, LocalTime.of(19, 0));
            GameDay day = days.of(d);
            // The postponed 18:00 game is not the first tip; the game without a time counts at 19:00 local.
            assertThat(day.tipOffs()).containsExactly(ny("2025-01-15T19:00"), ny("2025-01-15T19:30"));
            assertThat(plan.jobs(day).stream().filter(j -> j.kind() == JobKind.PRETIP).findFirst().orElseThrow().dueAt())
                    .isEqualTo(ny("2025-01-15T18:00"));
            GameDay off = days.of(allPostponed);
            assertThat(off.isGameDay()).isFalse();
            assertThat(ids(plan.jobs(off))).containsExactly("2025-01-16/morning");
            assertThat(days.gameDates(d.minusDays(3), allPostponed)).containsExactly(d);
        }
    }
}
