package io.nbaprops.bench;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.bus.RabbitBus;
import io.nbaprops.bus.RabbitDispatcher;
import io.nbaprops.config.Secrets;
import io.nbaprops.predict.BatchResult;
import io.nbaprops.predict.InProcessDispatcher;
import io.nbaprops.predict.Market;
import io.nbaprops.predict.PredictionBatch;
import io.nbaprops.testing.ChildWorker;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Distributed predictions: the first N sandbox dates (default 40: about 5 minutes in all) are collected
 * into a fresh PostgreSQL schema, then every date's prediction batch is run in-process (2 threads, the
 * reference) and through RabbitMQ with 1, 2 and 4 worker processes. Prints wall time, items/s and where
 * the time went: publishing (JSON + confirms), waiting for results (worker compute + transport),
 * worker compute summed over items, and the coordinator's own database work (load inputs, fit, write).
 * Run: bench/run Distributed [dates]   (needs PostgreSQL on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672)
 */
public final class DistributedBench {
    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path dir = Files.createTempDirectory("dist-bench");
        try (PgSchema schema = PgSchema.create("bench_dist")) {
            Map<String, String> env = TestPlatform.env(dir, null);
            env.put("NBAPROPS_WAREHOUSE_URL", schema.url());
            env.put("NBAPROPS_WAREHOUSE_USER", Services.PG_USER);
            long t0 = System.nanoTime();
            List<LocalDate> dates;
            try (SandboxRun run = SandboxRun.start(2024, null, env)) {
                dates = run.gameDates().subList(0, days);
                for (LocalDate d : dates) {
                    run.day(d);
                }
            }
            System.out.printf("fixture: %d dates collected into PostgreSQL schema %s in %.0f s%n", days, schema.name(),
                    (System.nanoTime() - t0) / 1e9);
            String prefix = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            env.put("NBAPROPS_BUS_KIND", "rabbitmq");
            env.put("NBAPROPS_BUS_QUEUE_PREFIX", prefix);
            env.put("NBAPROPS_PREDICT_BATCH_DEADLINE_SECONDS", "300");
            try (SandboxRun run = SandboxRun.start(2024, null, env)) {
                var service = run.platform().predictions();
                System.out.println("setup                   wall s  items/s  publish s  wait s  worker-compute s  coordinator-db s  MB sent");
                measure("in-process, 2 threads", service.batch(new InProcessDispatcher(service.worker(), 2)), dates, null);
                RabbitBus bus = RabbitBus.from(run.platform().config().bus(), new Secrets(Map.of(), null));
                for (int workers : new int[] {1, 2, 4}) {
                    List<ChildWorker> children = new ArrayList<>();
                    try (RabbitDispatcher dispatcher = new RabbitDispatcher(bus, "bench-" + workers)) {
                        for (int i = 0; i < workers; i++) {
                            children.add(ChildWorker.start(env, prefix + "-w" + workers + "-" + i, 0, dir.resolve("worker-" + workers + "-" + i + ".log")));
                        }
                        measure("rabbitmq, " + workers + " worker" + (workers > 1 ? "s" : ""), service.batch(dispatcher), dates, dispatcher);
                    } finally {
                        for (ChildWorker c : children) {
                            c.close();
                        }
                    }
                }
                bus.deleteTopology(); // reply queues expire by themselves ten minutes after their coordinator closed
            }
        }
    }

    private static void measure(String name, PredictionBatch batch, List<LocalDate> dates, RabbitDispatcher dispatcher) {
        long items = 0;
        long failures = 0;
        long t0 = System.nanoTime();
        for (LocalDate d : dates) {
            Instant asOf = SandboxRun.morningAfter(d).minusSeconds(86400 + 6 * 3600);
            BatchResult r = batch.run(d, Market.POINTS, null, asOf, () -> {});
            items += r.players();
            failures += r.failures().size();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (dispatcher == null) {
            System.out.printf("%-22s %7.1f %8.0f %10s %7s %17s %17s %8s%s%n", name, wall, items / wall, "-", "-", "-", "-", "-",
                    failures > 0 ? "  (" + failures + " failed)" : "");
            return;
        }
        RabbitDispatcher.Timing t = dispatcher.timing();
        double publish = t.publishMillis() / 1e3;
        double wait = t.collectMillis() / 1e3;
        System.out.printf("%-22s %7.1f %8.0f %10.1f %7.1f %17.1f %17.1f %8.1f%s%n", name, wall, items / wall, publish, wait,
                t.workerComputeMillis() / 1e3, wall - publish - wait, t.bytesPublished() / 1e6,
                failures > 0 ? "  (" + failures + " failed)" : "");
    }
}
