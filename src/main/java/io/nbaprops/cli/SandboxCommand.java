package io.nbaprops.cli;

import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.report.MarketReport;
import io.nbaprops.sandbox.report.SandboxReport;
import io.nbaprops.sandbox.server.FaultConfig;
import io.nbaprops.sandbox.server.SandboxClock;
import io.nbaprops.sandbox.server.SandboxServer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbaprops sandbox serve|report}: the generated league over HTTP, and its calibration report. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "The sandbox league: a generated 2024-25 season served in the real APIs' formats.",
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Report.class})
public final class SandboxCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve balldontlie (/v1), The Odds API (/v4) and NBA.com stats (/stats) on one port until Ctrl-C.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8090", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}")
        int port;

        @Option(names = "--seed", defaultValue = "2024", description = "Generator seed. Default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--clock", description = "Fixed \"now\" as an ISO instant (e.g. 2025-01-15T18:00:00Z); default: the real time")
        String clock;

        @Override
        public Integer call() throws InterruptedException {
            SandboxClock c;
            try {
                c = clock == null ? SandboxClock.system() : SandboxClock.fixedAt(Instant.parse(clock));
            } catch (DateTimeParseException e) {
                System.err.println("--clock: '" + clock + "' is not an ISO-8601 instant (e.g. 2025-01-15T18:00:00Z)");
                return 2;
            }
            long t0 = System.nanoTime();
            SandboxLeague league = SandboxLeague.generate(seed);
            SandboxServer server = SandboxServer.start(league, port, c, FaultConfig.OFF);
            System.out.printf("sandbox league (seed %d, %d games, generated in %.1f s) serving at %s%n", seed,
                    league.games().size(), (System.nanoTime() - t0) / 1e9, server.baseUrl());
            System.out.println("  balldontlie " + server.baseUrl() + "/v1   The Odds API " + server.baseUrl()
                    + "/v4   NBA.com " + server.baseUrl() + "/stats");
            System.out.println("  now = " + (c.isFixed() ? c.now() + " (fixed)" : "the real time")
                    + "; override per request with now=ISO or the X-Sandbox-Now header. Ctrl-C stops.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "sandbox-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print the generated season's calibration figures next to the real 2024-25 ones, and how sharp its books are.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "2024", description = "Generator seed. Default: ${DEFAULT-VALUE}")
        long seed;

        @Override
        public Integer call() {
            SandboxLeague league = SandboxLeague.generate(seed);
            System.out.print(SandboxReport.render(SandboxReport.compute(league)));
            System.out.print(MarketReport.render(MarketReport.compute(league)));
            return 0;
        }
    }
}
