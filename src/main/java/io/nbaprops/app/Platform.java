package io.nbaprops.app;

import io.nbaprops.archive.RawArchive;
import io.nbaprops.bus.DeadLetters;
import io.nbaprops.bus.PhaseEvents;
import io.nbaprops.bus.RabbitBus;
import io.nbaprops.bus.RabbitDeadLetters;
import io.nbaprops.bus.RabbitDispatcher;
import io.nbaprops.config.ConfigException;
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
    private final io.nbaprops.raw.PredictionTime predictionTime;
    private final Engine engine;
    private final Alerts alerts;
    private final AlertDelivery alertDelivery;
    private final OpsAlerts opsAlerts;
    private final DeadLetters deadLetters;
    /** Error reporting to Sentry, when a DSN is set (else null). */
    private final io.nbaprops.ops.alert.SentryReporting sentry;
    /** Distributed mode's broker parts (null in-process): closed with the platform. */
    private final List<AutoCloseable> busParts = new java.util.ArrayList<>();
    private volatile boolean closing;

    private Platform(AppConfig config, Secrets secrets, Clock clock, Function<Platform, List<Asset>> assets) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
        var w = config.warehouse();
        this.warehouse = Warehouse.open(w.url(), w.user(), secrets.get(w.passwordSecret()).orElse(null), w.poolSize());
        this.sentry = io.nbaprops.ops.alert.SentryReporting.start(config.sentry(), secrets, nodeName()).orElse(null);
        try {
            // New alerts go to the outbox (log at once; e-mail and webhook with retries); repeats only bump a counter.
            this.alertDelivery = AlertDelivery.fromConfig(warehouse, clock, config.alerts(), secrets, nodeName(),
                    sentry == null ? List.of() : List.of(sentry.destination()));
            this.alerts = new AlertStore(warehouse, clock, Duration.ofMinutes(config.alerts().dedupeMinutes()), alertDelivery);
            this.archive = new RawArchive(config.archiveDir(), warehouse);
            this.fetcher = new HttpFetcher(config::source, secrets, archive, clock);
            this.exports = new Exports(new ExportStore(config.exportsDir()), warehouse);
            RabbitDispatcher rabbit = null;
            if (config.bus().isRabbit()) {
                if (warehouse.isDuckDb()) {
                    throw new ConfigException("bus.kind=rabbitmq needs the PostgreSQL warehouse (warehouse.url=jdbc:postgresql:...): "
                            + "worker processes cannot open a DuckDB file another process holds");
                }
                RabbitBus bus = RabbitBus.from(config.bus(), secrets);
                rabbit = new RabbitDispatcher(bus, nodeName());
                busParts.add(rabbit);
            }
            this.predictions = new PredictionService(config.predict(), warehouse,
                    new PropLineSource(warehouse, config.predict().bookPriority()), clock, rabbit);
            this.predictionTime = new io.nbaprops.raw.PredictionTime(java.time.Duration.ofMinutes(config.schedule().pretipMinutes()));
            this.pipeline = Pipeline.build(config.pipeline().sources(), fetcher, archive, exports, predictions, predictionTime);
            this.engine = new Engine(new AssetGraph(assets.apply(this)), new RunStore(warehouse), config.engine(),
                    new ScheduleCalendar(warehouse), clock, nodeName());
            this.opsAlerts = new OpsAlerts(alerts, warehouse, engine.store(), config.alerts(), config.zone(), clock);
            engine.addListener(opsAlerts);
            if (rabbit != null) {
                RabbitBus bus = RabbitBus.from(config.bus(), secrets);
                RabbitDeadLetters dead = new RabbitDeadLetters(bus, warehouse, alerts, clock).start(nodeName());
                busParts.add(dead);
                this.deadLetters = dead;
                PhaseEvents events = new PhaseEvents(bus, nodeName());
                busParts.add(events);
                engine.addListener(events);
                rabbit.onRetriedOutcome(this::onRetriedOutcome);
            } else {
                this.deadLetters = DeadLetters.NONE;
            }
            if (warehouse.isDuckDb()) {
                // Only this process can hold the DuckDB file: any RUNNING row is left from a process that died.
                engine.abandonSilentRuns(Duration.ZERO);
            }
        } catch (RuntimeException e) {
            closeBus();
            warehouse.close();
            if (sentry != null) {
                sentry.close();
            }
            throw e;
        }
    }

    /**
     * A retried dead letter's outcome arrives after its batch is over, without the batch's lines and
     * calibration to turn it into stored predictions: so the player is predicted again, now that the item
     * goes through, for the same date, market and line cut-off as the original batch (keyed upsert: no
     * duplicate). Runs on the broker client's thread; throwing hands the outcome to another coordinator.
     */
    private void onRetriedOutcome(RabbitDispatcher.LateOutcome late) {
        if (late.outcome().failed() || late.batchId() == null) {
            return; // failed again: the worker dead-lettered it again, with a new alert
        }
        String[] batch = late.batchId().split("/", 3);
        String[] item = late.outcome().itemId().split("\\|");
        if (batch.length < 3 || item.length < 2) {
            org.slf4j.LoggerFactory.getLogger(Platform.class).warn("retried item {} of batch {}: cannot tell date and player",
                    late.outcome().itemId(), late.batchId());
            return;
        }
        if (closing) {
            throw new IllegalStateException("platform closing");
        }
        try {
            predictions.predict(java.time.LocalDate.parse(batch[0]), java.util.Set.of(item[1]), java.time.Instant.parse(batch[2]), () -> {
                if (closing) {
                    throw new IllegalStateException("platform closing");
                }
            });
        } catch (RuntimeException e) {
            if (closing) {
                throw e;
            }
            alerts.raise(new io.nbaprops.ops.alert.Alert(io.nbaprops.ops.alert.Severity.WARNING, "dead_letter",
                    "dead_letter_retry:" + late.outcome().itemId(), "Re-prediction of a retried dead letter failed",
                    late.outcome().itemId() + ": " + e.getMessage()));
        }
    }

    private void closeBus() {
        for (int i = busParts.size() - 1; i >= 0; i--) {
            try {
                busParts.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Platform.class).warn("closing {}: {}", busParts.get(i).getClass().getSimpleName(),
                        e.toString());
            }
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

    /** "wall clock", or where the sandbox's replay clock stands and how fast it runs. */
    public String clockDescription() {
        return clock instanceof SandboxTimeClock s ? s.describe() : "wall clock";
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

    /** When each date's picks are made (the daily plan's lead over the first tip-off). */
    public io.nbaprops.raw.PredictionTime predictionTime() {
        return predictionTime;
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
        closing = true;
        engine.close();
        predictions.close();
        closeBus();
        alertDelivery.close();
        warehouse.close();
        if (sentry != null) {
            sentry.close();
        }
    }
}
