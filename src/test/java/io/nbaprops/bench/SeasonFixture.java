package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole sandbox season run through the platform into target/bench/season/ (built once, reused by
 * the benchmarks; delete the folder to rebuild). Building it is the demo: about ten minutes on 2 cores.
 */
final class SeasonFixture {
    static final Path DIR = Path.of("target", "bench", "season");

    private SeasonFixture() {}

    static Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("NBAPROPS_WAREHOUSE_URL", "jdbc:duckdb:" + dir.resolve("warehouse.duckdb").toAbsolutePath());
        env.put("NBAPROPS_ARCHIVE_DIR", dir.resolve("raw").toAbsolutePath().toString());
        env.put("NBAPROPS_EXPORTS_DIR", dir.resolve("exports").toAbsolutePath().toString());
        return env;
    }

    /** Opens the season, replaying the days it does not have yet (all of them the first time, or {@code days} when given). */
    static SandboxRun open(Integer days) throws Exception {
        Files.createDirectories(DIR);
        SandboxRun run = SandboxRun.start(2024, null, env(DIR));
        List<LocalDate> dates = run.gameDates();
        if (days != null) {
            dates = dates.subList(0, Math.min(days, dates.size()));
        }
        long done = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(DISTINCT partition_date) FROM asset_partition WHERE asset = 'export_results' AND state = 'SUCCESS'")
                .mapTo(Long.class).one());
        if (done < dates.size()) {
            System.out.printf("building the season fixture in %s (%d of %d days done)...%n", DIR, done, dates.size());
            long t0 = System.nanoTime();
            for (LocalDate d : dates) {
                if (run.platform().engine().store().state("export_results", d).map(s -> s.state().equals("SUCCESS")).orElse(false)) {
                    continue;
                }
                RunSummary s = run.day(d);
                if (!s.allSucceeded()) {
                    System.out.println(d + ": " + s.describe(3));
                }
            }
            System.out.printf("fixture built in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return run;
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    static double percentile(List<Double> xs, double p) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p * s.size()) - 1));
    }
}
