package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Grading and aggregating the whole season, then the exports of one date, on the season fixture.
 * The season goes through the engine's range runs (one set-based run per asset, as a backfill or
 * {@code grade --date D --to E} does); the daily path (one date per run) is timed too.
 * Run: bench/run Grading [--profile]   (targets: season grading + aggregates < 10 s, one date's exports < 1 s)
 */
public final class GradingBench {
    public static void main(String[] args) throws Exception {
        try (SandboxRun run = SeasonFixture.open(null)) {
            var engine = run.platform().engine();
            List<LocalDate> dates = run.gameDates();
            long t0 = System.nanoTime();
            var s = engine.runRange("prediction_grade", dates, "bench", true);
            double grade = (System.nanoTime() - t0) / 1e9;
            s.addAll(engine.runRange("system_daily_performance", dates, "bench", true));
            System.out.printf("grading + aggregates of the season (range runs, as `grade --date --to` and backfills do), %d dates, %d rows: "
                    + "%.1f s (grading %.1f s; target < 10 s)%s%n", dates.size(), s.rowsWritten(), (System.nanoTime() - t0) / 1e9, grade,
                    s.allSucceeded() ? "" : "\n  " + s.describe(5));
            List<Double> daily = new ArrayList<>();
            for (LocalDate d : dates.subList(dates.size() - 10, dates.size())) {
                long t = System.nanoTime();
                engine.runPartition(d, List.of("prediction_grade", "system_daily_performance"), "bench");
                daily.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("the daily run (one date's grading + aggregates, last 10 dates): median %.0f ms%n", SeasonFixture.median(daily));
            LocalDate last = dates.get(dates.size() - 1);
            StatementProfile sql = java.util.Arrays.asList(args).contains("--profile")
                    ? StatementProfile.attach(run.platform().warehouse().jdbi()) : null;
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                engine.runPartition(last, List.of("export_picks", "export_results", "export_status"), "bench");
                ms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("exports of %s (picks, results, performance, player pages, status): median %.0f ms (target < 1000 ms)%n",
                    last, SeasonFixture.median(ms));
            if (sql != null) {
                sql.print(20);
                for (String a : List.of("export_picks", "export_results", "export_status")) {
                    System.out.println(a + " runs (ms): " + run.platform().engine().store().runs(a, last).stream()
                            .skip(Math.max(0, run.platform().engine().store().runs(a, last).size() - 5)).map(r -> r.durationMs()).toList());
                }
            }
        }
        System.exit(0);
    }
}
