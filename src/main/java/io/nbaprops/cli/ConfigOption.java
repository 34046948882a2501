package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.ConfigLoader;
import io.nbaprops.config.Secrets;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option every command shares, and how a command gets the platform: its own, opened from the
 * configuration, or (when the command runs inside {@code nbaprops serve} for a CLI that found the warehouse held by
 * the service) the service's, which the command must not close: hence {@link Lease}.
 */
public final class ConfigOption {
    /** The running service's platform while a forwarded command runs on this thread (see {@link HostedCommands}). */
    static final ThreadLocal<Platform> HOSTED = new ThreadLocal<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: NBAPROPS_CONFIG, else the packaged nbaprops.yaml; NBAPROPS_* variables override).")
    Path file;

    public AppConfig load() {
        Platform hosted = HOSTED.get();
        return hosted != null ? hosted.config() : ConfigLoader.fromEnvironment(file);
    }

    public Platform open() {
        AppConfig cfg = load();
        return Platform.open(cfg, Secrets.of(cfg, System.getenv()), Clock.systemUTC());
    }

    /** A platform for one command: closed at the end only when the command opened it. */
    record Lease(Platform platform, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                platform.close();
            }
        }
    }

    /** A read-only warehouse for one command: closed at the end only when the command opened it. */
    record ReadLease(Warehouse warehouse, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                warehouse.close();
            }
        }
    }

    Lease lease() {
        Platform hosted = HOSTED.get();
        return hosted != null ? new Lease(hosted, false) : new Lease(open(), true);
    }

    /** The warehouse opened read-only (the service's own warehouse when hosted: the statement check still applies). */
    ReadLease readOnly() {
        Platform hosted = HOSTED.get();
        if (hosted != null) {
            return new ReadLease(hosted.warehouse(), false);
        }
        AppConfig cfg = load();
        Secrets secrets = Secrets.of(cfg, System.getenv());
        return new ReadLease(Warehouse.openReadOnly(cfg.warehouse().url(), cfg.warehouse().user(),
                secrets.get(cfg.warehouse().passwordSecret()).orElse(null)), true);
    }
}
