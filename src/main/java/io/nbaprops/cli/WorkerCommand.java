package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.bus.RabbitBus;
import io.nbaprops.bus.RabbitWorker;
import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.predict.PredictionWorker;
import io.nbaprops.predict.Systems;
import io.nbaprops.predict.model.ModelRegistry;
import io.nbaprops.store.Warehouse;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs a prediction worker of distributed mode: consumes per-player work items from RabbitMQ",
            "(bus.* settings), runs every prediction system and sends the outcomes back to the coordinator.",
            "Needs the PostgreSQL warehouse (models are read from it). Stops on SIGTERM / Ctrl-C."})
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--consumers", description = "Consumers (threads) in this process (default: bus.worker_consumers).")
    Integer consumers;

    @Option(names = "--name", description = "Worker name in logs and broker connections (default: pid@host).")
    String name;

    // Fault drills and benchmarks: makes each item take at least this long, so a batch is reliably "in flight".
    @Option(names = "--item-delay-ms", hidden = true, defaultValue = "0")
    long itemDelayMs;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig cfg = config.load();
        if (!cfg.bus().isRabbit()) {
            System.err.println("worker: bus.kind is '" + cfg.bus().kind() + "'; set bus.kind=rabbitmq (NBAPROPS_BUS_KIND=rabbitmq)");
            return 2;
        }
        if (cfg.warehouse().isDuckDb()) {
            System.err.println("worker: distributed mode needs the PostgreSQL warehouse (a DuckDB file belongs to one process)");
            return 2;
        }
        Secrets secrets = Secrets.of(cfg, System.getenv());
        String who = name != null ? name : Platform.nodeName();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // SIGTERM: let the main thread close the worker cleanly (in-flight items go back to the queue at once).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker-stop"));
        try (Warehouse w = Warehouse.open(cfg.warehouse().url(), cfg.warehouse().user(),
                secrets.get(cfg.warehouse().passwordSecret()).orElse(null), 2);
                RabbitWorker worker = new RabbitWorker(RabbitBus.from(cfg.bus(), secrets),
                        new PredictionWorker(Systems.standard(new ModelRegistry(w))), who,
                        itemDelayMs > 0 ? item -> Thread.sleep(itemDelayMs) : RabbitWorker.ItemCheck.NONE)) {
            worker.start(consumers != null ? consumers : cfg.bus().workerConsumers());
            System.out.println("worker " + who + " ready");
            System.out.flush();
            stop.await();
            System.out.println("worker " + who + " stopping after " + worker.processed() + " items");
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
