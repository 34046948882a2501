package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.grade.GradeAsset;
import io.nbaprops.grade.PerformanceAsset;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades every prediction of a date (and updates the performance aggregates) once its box scores are",
            "complete. With --heal, missing inputs are materialised first through the engine (box scores, summaries).",
            "With --to, grades every game date from --date to --to in one set-based run per asset (a season in seconds)."})
final class GradeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date of a range to grade (inclusive).")
    LocalDate to;

    @Option(names = "--heal", description = "Run the upstream assets of the date first.")
    boolean heal;

    @Override
    public Integer call() {
        if (to != null && heal) {
            spec.commandLine().getErr().println("--heal grades one date; leave out --to");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.Lease lease = config.lease()) {
            Platform p = lease.platform();
            if (to != null) {
                List<LocalDate> dates = p.engine().partitionDates(date, to);
                RunSummary s = p.engine().runRange(GradeAsset.NAME, dates, "cli", true);
                s.addAll(p.engine().runRange(PerformanceAsset.NAME, dates, "cli", true));
                out.println(dates.size() + " game dates: " + s.describe(20));
                return Progress.exitCode(s);
            }
            RunSummary s = heal ? p.engine().runWithUpstream(GradeAsset.NAME, date, "cli")
                    : p.engine().runPartition(date, List.of(GradeAsset.NAME, PerformanceAsset.NAME), "cli");
            if (heal) {
                s.add(p.engine().run(PerformanceAsset.NAME, date, "cli"));
            }
            out.println(s.describe(20));
            return Progress.exitCode(s);
        }
    }
}
