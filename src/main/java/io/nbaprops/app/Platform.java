package io.nbaprops.app;

import io.nbaprops.archive.RawArchive;
import io.nbaprops.bus.DeadLetters;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetGraph;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.RunStore;
import io.nbaprops.ops.alert.AlertDelivery;
import io.nbaprops.ops.alert.AlertStore;
import io.nbaprops.ops.alert.Alerts;
import io.nbaprops.ops.alert.OpsAlerts;
import io.nbaprops.predict.PropLineSource;
import io.nbaprops.predict.PredictionService;
import io.nbaprops.publish.ExportStore;
import io.nbaprops.publish.Exports;
import io.nbaprops.raw.ScheduleCalendar;
import io.nbaprops.source.HttpFetcher;
import io.nbaprops.store.Warehouse;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The composition root: builds every service from the configuration once and hands them out.
 * Commands, the HTTP service and tests open a Platform and close it when done.
 */
public final class Platform implements AutoCloseable {
    private final AppConfig config;
    private final Secrets secrets;
    private final Clock clock;
    private final Warehouse warehouse;
    private final RawArchive archive;
    private final HttpFetcher fetcher;
    private final Exports exports;
    private final PredictionService predictions;
    private final Pipeline pipeline;
    private final Engine engine;
    private final Alerts alerts;
    private final AlertDelivery alertDelivery;
    private final OpsAlerts opsAlerts;
    private final DeadLetters deadLetters = DeadLetters.NONE;

    private Platform(AppConfig config, Secrets secrets, Clock clock, Function<Platform, List<Asset>> assets) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
        var w = config.warehouse();
        this.warehouse = Warehouse.open(w.url(), w.user(), secrets.get(w.passwordSecret()).orElse(null), w.poolSize());
        try {
            // New alerts go to the outbox (log at once; e-mail and webhook with retries); repeats only bump a counter.
            this.alertDelivery = AlertDelivery.fromConfig(warehouse, clock, config.alerts(), secrets, nodeName());
            this.alerts = new AlertStore(warehouse, clock, Duration.ofMinutes(config.alerts().dedupeMinutes()), alertDelivery);
            this.archive = new RawArchive(config.archiveDir(), warehouse);
            this.fetcher = new HttpFetcher(config::source, secrets, archive, clock);
            this.exports = new Exports(new ExportStore(config.exportsDir()), warehouse);
            this.predictions = new PredictionService(config.predict(), warehouse,
                    new PropLineSource(warehouse, config.predict().bookPriority()), clock, null);
            this.pipeline = Pipeline.build(config.pipeline().sources(), fetcher, archive, exports, predictions);
            this.engine = new Engine(new AssetGraph(assets.apply(this)), new RunStore(warehouse), config.engine(),
                    new ScheduleCalendar(warehouse), clock, nodeName());
            this.opsAlerts = new OpsAlerts(alerts, warehouse, engine.store(), config.alerts(), config.zone(), clock);
            engine.addListener(opsAlerts);
            if (warehouse.isDuckDb()) {
                // Only this process can hold the DuckDB file: any RUNNING row is left from a process that died.
                engine.abandonSilentRuns(Duration.ZERO);
            }
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
    }

    public static Platform open(AppConfig config, Secrets secrets, Clock clock) {
        return new Platform(config, secrets, clock, p -> p.pipeline().assets());
    }

    /** With a custom asset list (tests, tools). */
    public static Platform open(AppConfig config, Secrets secrets, Clock clock, Function<Platform, List<Asset>> assets) {
        return new Platform(config, secrets, clock, assets);
    }

    public static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    public AppConfig config() {
        return config;
    }

    public Secrets secrets() {
        return secrets;
    }

    public Clock clock() {
        return clock;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public RawArchive archive() {
        return archive;
    }

    public HttpFetcher fetcher() {
        return fetcher;
    }

    public Exports exports() {
        return exports;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public PredictionService predictions() {
        return predictions;
    }

    public Engine engine() {
        return engine;
    }

    public Alerts alerts() {
        return alerts;
    }

    /** The alert outbox (delivery status, the periodic retry pass). */
    public AlertDelivery alertDelivery() {
        return alertDelivery;
    }

    /** Every operational alert raiser in one place (the bus calls {@code opsAlerts().deadLetters(...)}). */
    public OpsAlerts opsAlerts() {
        return opsAlerts;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        engine.close();
        predictions.close();
        alertDelivery.close();
        warehouse.close();
    }
}
