package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.engine.RunSummary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Materialises the assets for every date of a range, in date order, with a progress bar.",
            "Partitions that already succeeded are skipped (so a stopped backfill resumes) unless --force.",
            "A failing date never stops the others; the summary lists what failed and why."})
final class BackfillCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--asset", paramLabel = "NAME", split = ",", description = "Only these assets (comma-separated).")
    List<String> assets;

    @Option(names = "--force", description = "Re-run partitions that already succeeded.")
    boolean force;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            spec.commandLine().getErr().println("--to " + to + " is before --from " + from);
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.Lease lease = config.lease()) {
            Platform p = lease.platform();
            RunSummary s = p.engine().backfill(from, to, assets, "backfill", force, new Progress("backfill", spec.commandLine().getErr(), ConfigOption.HOSTED.get() == null));
            out.println(s.describe(30));
            return Progress.exitCode(s);
        }
    }
}
