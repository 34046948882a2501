package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Grading and aggregating the whole season, then the exports of one date, on the season fixture.
 * Run: bench/run Grading   (targets: season grading + aggregates < 10 s, one date's exports < 1 s)
 */
public final class GradingBench {
    public static void main(String[] args) throws Exception {
        try (SandboxRun run = SeasonFixture.open(null)) {
            var engine = run.platform().engine();
            List<LocalDate> dates = run.gameDates();
            long t0 = System.nanoTime();
            long rows = 0;
            for (LocalDate d : dates) {
                rows += engine.runPartition(d, List.of("prediction_grade", "system_daily_performance"), "bench").rowsWritten();
            }
            System.out.printf("grading + aggregates, %d dates, %d rows: %.1f s (target < 10 s)%n", dates.size(), rows,
                    (System.nanoTime() - t0) / 1e9);
            LocalDate last = dates.get(dates.size() - 1);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                engine.runPartition(last, List.of("export_picks", "export_results", "export_status"), "bench");
                ms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("exports of %s (picks, results, performance, player pages, status): median %.0f ms (target < 1000 ms)%n",
                    last, SeasonFixture.median(ms));
        }
        System.exit(0);
    }
}
