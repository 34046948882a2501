package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.ConfigLoader;
import io.nbaprops.config.Secrets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares, and how a command opens the platform. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: NBAPROPS_CONFIG, else the packaged nbaprops.yaml; NBAPROPS_* variables override).")
    Path file;

    public AppConfig load() {
        return ConfigLoader.fromEnvironment(file);
    }

    public Platform open() {
        AppConfig cfg = load();
        return Platform.open(cfg, Secrets.of(cfg, System.getenv()), Clock.systemUTC());
    }
}
