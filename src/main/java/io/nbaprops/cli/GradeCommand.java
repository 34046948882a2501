package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.grade.GradeAsset;
import io.nbaprops.grade.PerformanceAsset;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades every prediction of a date (and updates the performance aggregates) once its box scores are",
            "complete. With --heal, missing inputs are materialised first through the engine (box scores, summaries)."})
final class GradeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--heal", description = "Run the upstream assets of the date first.")
    boolean heal;

    @Override
    public Integer call() {
        try (Platform p = config.open()) {
            RunSummary s = heal ? p.engine().runWithUpstream(GradeAsset.NAME, date, "cli")
                    : p.engine().runPartition(date, List.of(GradeAsset.NAME, PerformanceAsset.NAME), "cli");
            if (heal) {
                s.add(p.engine().run(PerformanceAsset.NAME, date, "cli"));
            }
            System.out.println(s.describe(20));
            return Progress.exitCode(s);
        }
    }
}
