package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.publish.PicksExportAsset;
import io.nbaprops.publish.ResultsExportAsset;
import io.nbaprops.publish.StatusExportAsset;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the JSON exports of a date under the exports folder: picks/<date>.json (and picks/latest.json),",
            "results/<date>.json, performance.json, players/*.json and status.json. An export whose inputs are missing",
            "waits (exit code 3) and status.json says what is missing instead of presenting stale data as fresh."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.Lease lease = config.lease()) {
            Platform p = lease.platform();
            RunSummary s = p.engine().runPartition(date, List.of(PicksExportAsset.NAME, ResultsExportAsset.NAME, StatusExportAsset.NAME),
                    "cli");
            out.println(s.describe(20));
            out.println("exports in " + p.config().exportsDir().toAbsolutePath().normalize());
            return Progress.exitCode(s);
        }
    }
}
