package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.predict.BatchResult;
import io.nbaprops.predict.Market;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Predictions on the season fixture: one date's batch (all players x 5 systems, features to stored
 * rows), a single re-prediction after a line move, the whole season walk-forward (models already
 * trained: excluding training), and peak heap.
 * Run: bench/run Prediction   (targets: batch < 2 s, re-prediction < 50 ms, season < 60 s, heap < 1 GB)
 */
public final class PredictionBench {
    public static void main(String[] args) throws Exception {
        try (SandboxRun run = SeasonFixture.open(null)) {
            var service = run.platform().predictions();
            var batch = service.batch(new io.nbaprops.predict.InProcessDispatcher(service.worker(),
                    run.platform().config().predict().workerThreads()));
            List<LocalDate> dates = run.gameDates();
            LocalDate mid = dates.get(dates.size() / 2);
            Instant asOf = SandboxRun.morningAfter(mid).minusSeconds(6 * 3600 + 86400);
            List<Double> one = new ArrayList<>();
            BatchResult last = null;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                last = batch.run(mid, Market.POINTS, null, asOf, () -> { });
                one.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("one date's batch (%s): %d players x %d systems = %d predictions; median %.0f ms, min %.0f ms (target < 2000 ms)%n",
                    mid, last.players(), service.systems().all().size(), last.rowsWritten(), SeasonFixture.median(one),
                    one.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            String player = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery(
                    "SELECT min(player_lookup) FROM feature_store WHERE game_date = ?").bind(0, mid).mapTo(String.class).one());
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                batch.run(mid, Market.POINTS, Set.of(player), asOf, () -> { });
                single.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("single re-prediction (%s): median %.1f ms, p95 %.1f ms (target < 50 ms)%n", player,
                    SeasonFixture.median(single), SeasonFixture.percentile(single, 0.95));
            long t0 = System.nanoTime();
            long rows = 0;
            for (LocalDate d : dates) {
                rows += batch.run(d, Market.POINTS, null, SandboxRun.morningAfter(d).minusSeconds(86400 + 6 * 3600), () -> { }).rowsWritten();
            }
            double season = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("season walk-forward: %d dates, %d predictions in %.1f s (target < 60 s)%n", dates.size(), rows, season);
            System.out.printf("peak heap %.0f MB (target < 1024 MB; -Xmx2g)%n", peak / 1e6);
        }
        System.exit(0);
    }
}
