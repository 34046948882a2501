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

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Materialises the assets for one game date (all assets, upstream first, unless --asset is given).",
            "Exit code: 0 all succeeded, 1 something failed or timed out, 3 something is waiting for inputs."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The game date (partition).")
    LocalDate date;

    @Option(names = "--asset", paramLabel = "NAME", split = ",", description = "Only these assets (comma-separated).")
    List<String> assets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.Lease lease = config.lease()) {
            Platform p = lease.platform();
            RunSummary s = p.engine().runPartition(date, assets, "cli");
            out.println(s.describe(20));
            return Progress.exitCode(s);
        }
    }
}
