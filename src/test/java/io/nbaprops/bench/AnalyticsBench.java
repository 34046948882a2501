package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Phases 3+4 (player and team game summaries, upcoming context, daily cache, feature store) for the
 * whole sandbox season from the raw tables, on embedded DuckDB: the season as one backfill (range runs),
 * then the daily path (each date on its own) for the per-date distribution.
 * Run: bench/run Analytics [days] [--profile]   (target: season under 30 s, one date under 1 s)
 */
public final class AnalyticsBench {
    static final List<String> PHASES_3_4 = List.of("player_game_summary", "team_game_summary", "upcoming_player_game_context",
            "player_daily_cache", "feature_store");

    public static void main(String[] args) throws Exception {
        boolean profile = java.util.Arrays.asList(args).contains("--profile");
        Integer days = args.length > 0 && !args[0].startsWith("--") ? Integer.valueOf(args[0]) : null;
        try (SandboxRun run = SeasonFixture.open(days)) {
            List<LocalDate> dates = run.gameDates().subList(0, days == null ? run.gameDates().size() : days);
            var engine = run.platform().engine();
            StatementProfile sql = profile ? StatementProfile.attach(run.platform().warehouse().jdbi()) : null;
            long t0 = System.nanoTime();
            RunSummary season = engine.backfill(dates.get(0), dates.get(dates.size() - 1), PHASES_3_4, "bench", true, null);
            double total = (System.nanoTime() - t0) / 1e9;
            long games = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM game").mapTo(Long.class).one());
            long playerGames = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM player_game_summary")
                    .mapTo(Long.class).one());
            long gameDateProblems = season.problems().stream().filter(o -> dates.contains(o.partition())).count();
            System.out.printf("phases 3+4, %d game dates, %d games, %d player-games, %d rows written%n", dates.size(), games, playerGames,
                    season.rowsWritten());
            System.out.printf("  season backfill (asset by asset, range runs): %.1f s (target < 30 s); problems on game dates: %d%s%n", total,
                    gameDateProblems, gameDateProblems == 0 ? "" : "\n  " + season.describe(5));
            if (sql != null) {
                sql.print(25);
                sql.reset();
            }
            List<Double> perDate = new ArrayList<>();
            java.util.TreeMap<Double, LocalDate> slowest = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            t0 = System.nanoTime();
            java.util.Map<LocalDate, List<String>> parts = new java.util.HashMap<>();
            List<Double> checkpoints = new ArrayList<>();
            for (LocalDate d : dates) {
                long t = System.nanoTime();
                List<String> part = new ArrayList<>();
                for (String asset : PHASES_3_4) {
                    long ta = System.nanoTime();
                    var o = engine.run(asset, d, "bench");
                    part.add(String.format("%s %.0f ms", asset, (System.nanoTime() - ta) / 1e6));
                    if (!o.succeeded()) {
                        System.out.println(d + ": " + o.status() + " " + asset + " " + o.message());
                    }
                }
                perDate.add((System.nanoTime() - t) / 1e6);
                slowest.put(perDate.get(perDate.size() - 1), d);
                parts.put(d, part);
                long tc = System.nanoTime();
                run.platform().warehouse().checkpoint();
                checkpoints.add((System.nanoTime() - tc) / 1e6);
            }
            System.out.printf("  the daily run, one date at a time (5 runs each): all dates %.1f s; per date median %.0f ms, p95 %.0f ms, "
                    + "max %.0f ms (target < 1000 ms)%n", (System.nanoTime() - t0) / 1e9, SeasonFixture.median(perDate),
                    SeasonFixture.percentile(perDate, 0.95), perDate.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            System.out.printf("  the warehouse checkpoint after each date (as the daily plan ends): median %.0f ms, max %.0f ms%n",
                    SeasonFixture.median(checkpoints), checkpoints.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            slowest.entrySet().stream().limit(3).forEach(e -> System.out.printf("    %s: %.0f ms %s%n", e.getValue(), e.getKey(),
                    parts.get(e.getValue())));
            if (sql != null) {
                sql.print(25);
            }
        }
        System.exit(0);
    }
}
