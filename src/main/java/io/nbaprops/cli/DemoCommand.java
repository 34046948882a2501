package io.nbaprops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole platform on the generated sandbox league, day by day (no keys, no network).")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        System.err.println("demo: the sandbox league is not wired yet");
        return 1;
    }
}
