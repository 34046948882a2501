package io.nbaprops.cli;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.predict.Evaluation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole platform on the generated sandbox league (the 2024-25 schedule and rosters), day by",
            "day: collect over HTTP from a local server in the real APIs' formats, analytics, features, model training,",
            "predictions and picks before the games; box scores, grades, performance and exports after them.",
            "No keys, no network. Uses the configured warehouse (./data by default); a second run resumes.",
            "With --serve it then serves the result (dashboard, API, daily plan) on the sandbox's replay clock; with",
            "--speed N the daily plan replays the rest of the season live, N times real time (e.g. 600)."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--days", description = "Only the first N game days (default: the whole regular season).")
    Integer days;

    @Option(names = "--seed", defaultValue = "2024", description = "Sandbox league seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--serve", description = "Then serve the demo's warehouse (dashboard, API, daily plan) until stopped.")
    boolean serve;

    @Option(names = "--speed", paramLabel = "N", description = "With --serve: run the replay clock N times real time so the "
            + "daily plan replays the season live (without --days, no day is run beforehand).")
    Double speed;

    @Option(names = "--port", paramLabel = "PORT", description = "With --serve: the port (default: service.port; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "With --serve: the address to bind (default: service.host).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        long t0 = System.nanoTime();
        if (speed != null) {
            serve = true;
        }
        System.err.println("demo: generating the sandbox league (seed " + seed + ") and starting its server...");
        Map<String, String> env = new HashMap<>(System.getenv());
        SandboxRun run = startReplay(seed, config.file, env, speed);
        boolean handedOver = false;
        try {
            List<LocalDate> dates = run.gameDates();
            int n = days != null ? days : speed != null ? 0 : dates.size();
            dates = dates.subList(0, Math.max(0, Math.min(n, dates.size())));
            int code = 0;
            if (!dates.isEmpty()) {
                code = runDays(run, dates, t0);
            }
            if (!serve) {
                return code;
            }
            run.replay(run.resumePoint(), speed == null ? 0 : speed);
            handedOver = true;
            return ServiceRunner.serveUntilStopped(run.platform(), run::close, host != null ? host : run.platform().config().service().host(),
                    port != null ? port : run.platform().config().service().port(), System.out);
        } finally {
            if (!handedOver) {
                run.close();
            }
        }
    }

    /**
     * The sandbox run a demo or a served demo warehouse uses. A live replay ({@code speed}) ticks the plan every second
     * and polls for due jobs four times a second, so the plan keeps up with a clock running minutes a second.
     */
    static SandboxRun startReplay(long seed, java.nio.file.Path configFile, Map<String, String> env, Double speed) {
        Map<String, String> e = new HashMap<>(env);
        if (speed != null && speed > 0) {
            e.putIfAbsent("NBAPROPS_SCHEDULE_TICK_SECONDS", "1");
            e.putIfAbsent("NBAPROPS_SCHEDULE_POLL_MILLIS", "250");
        }
        return SandboxRun.start(seed, configFile, e);
    }

    private static int runDays(SandboxRun run, List<LocalDate> dates, long t0) {
        System.err.printf("demo: %d game days from %s, sandbox at %s, warehouse %s%n", dates.size(), dates.get(0),
                run.baseUrl(), run.platform().config().warehouse().url());
        RunSummary all = run.days(dates, new Progress("demo", System.err));
        summary(run, dates, all, (System.nanoTime() - t0) / 1e9);
        return all.outcomes().stream().anyMatch(o -> o.status().isTerminalFailure()) ? 1 : 0;
    }

    private static void summary(SandboxRun run, List<LocalDate> dates, RunSummary all, double seconds) {
        var jdbi = run.platform().warehouse().jdbi();
        long games = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM game WHERE game_date BETWEEN ? AND ?")
                .bind(0, dates.get(0)).bind(1, dates.get(dates.size() - 1)).mapTo(Long.class).one());
        long predictions = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM prediction").mapTo(Long.class).one());
        System.out.printf(Locale.ROOT, "%ndemo finished in %.0f s: %d game days, %d games, %d predictions stored%n", seconds,
                dates.size(), games, predictions);
        System.out.println(all.describe(10));
        List<Evaluation.SystemEvaluation> eval = new Evaluation(run.platform().warehouse()).evaluate(dates.get(0),
                dates.get(dates.size() - 1));
        if (!eval.isEmpty()) {
            System.out.println();
            java.io.PrintWriter pw = new java.io.PrintWriter(System.out, true);
            EvaluateCommand.render(eval, pw, false);
            EvaluateCommand.printPrices(new io.nbaprops.predict.PriceComparison(run.platform().warehouse()).compare(dates.get(0),
                    dates.get(dates.size() - 1)), pw);
            pw.flush();
            System.out.println("(all of it, by side, book and edge bucket: ./nbaprops evaluate --from " + dates.get(0) + " --to "
                    + dates.get(dates.size() - 1) + ")");
        }
        System.out.println();
        System.out.println("next: ./nbaprops status    ./nbaprops query \"select * from system_daily_performance limit 10\"");
        System.out.println("      NBAPROPS_API_KEY=<24+ random characters> ./nbaprops serve   (the dashboard on this season)");
        System.out.println("      exports in " + run.platform().config().exportsDir().toAbsolutePath().normalize());
    }

    private static String f(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }
}
