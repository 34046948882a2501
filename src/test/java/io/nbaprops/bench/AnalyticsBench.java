package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Phases 3+4 (player and team game summaries, upcoming context, daily cache, feature store) for the
 * whole sandbox season from the raw tables, on embedded DuckDB: total time and per-date distribution.
 * Run: bench/run Analytics [days]   (target: season under 30 s, one date under 1 s)
 */
public final class AnalyticsBench {
    static final List<String> PHASES_3_4 = List.of("player_game_summary", "team_game_summary", "upcoming_player_game_context",
            "player_daily_cache", "feature_store");

    public static void main(String[] args) throws Exception {
        Integer days = args.length > 0 ? Integer.valueOf(args[0]) : null;
        try (SandboxRun run = SeasonFixture.open(days)) {
            List<LocalDate> dates = run.gameDates().subList(0, days == null ? run.gameDates().size() : days);
            var engine = run.platform().engine();
            List<Double> perDate = new ArrayList<>();
            long rows = 0;
            long t0 = System.nanoTime();
            for (LocalDate d : dates) {
                long t = System.nanoTime();
                RunSummary s = engine.runPartition(d, PHASES_3_4, "bench");
                perDate.add((System.nanoTime() - t) / 1e6);
                rows += s.rowsWritten();
                if (!s.allSucceeded()) {
                    System.out.println(d + ": " + s.describe(3));
                }
            }
            double total = (System.nanoTime() - t0) / 1e9;
            long games = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM game").mapTo(Long.class).one());
            long playerGames = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM player_game_summary")
                    .mapTo(Long.class).one());
            System.out.printf("phases 3+4, %d dates, %d games, %d player-games, %d rows written%n", dates.size(), games, playerGames, rows);
            System.out.printf("  season total %.1f s (target < 30 s)%n", total);
            System.out.printf("  per date: median %.0f ms, p95 %.0f ms, max %.0f ms (target < 1000 ms)%n", SeasonFixture.median(perDate),
                    SeasonFixture.percentile(perDate, 0.95), perDate.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
        System.exit(0);
    }
}
