package io.nbaprops.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.Engine;
import io.nbaprops.engine.EngineListener;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.predict.Evaluation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The demo's own path, measured: what {@code nbaprops demo [--days N]} runs (the sandbox league generated and served,
 * the platform opened on a fresh folder, every game day pre-game then post-game through the engine over HTTP, then the
 * summary's evaluation), with the default configuration. Prints the wall time from start to summary, the process's CPU
 * time, the time of each part, per-phase totals of the asset runs, the engine overhead (the days' wall time outside
 * asset bodies: run bookkeeping, readiness checks, checkpoints), the ten slowest assets, and the peak heap.
 * Run: bench/run Demo [--days N] [--dir FOLDER] [--sql]
 * (targets: the whole season < 120 s, --days 7 < 10 s, peak heap < 1 GB, on the 2-core development machine)
 * --sql adds the twenty statements (through Jdbi) that took the most time in total.
 */
public final class DemoBench {
    public static void main(String[] args) throws Exception {
        Integer days = null;
        Path dir = null;
        boolean sql = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--sql" -> sql = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--days N, --dir FOLDER, --sql)");
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("demo-bench");
        }
        String loadBefore = load();
        HeapWatch heap = HeapWatch.start();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("NBAPROPS_WAREHOUSE_URL", "jdbc:duckdb:" + dir.resolve("nbaprops.duckdb"));
        env.put("NBAPROPS_ARCHIVE_DIR", dir.resolve("raw").toString());
        env.put("NBAPROPS_EXPORTS_DIR", dir.resolve("exports").toString());
        Timings timings = new Timings();
        double startup;
        double daysWall;
        double summary;
        List<LocalDate> dates;
        RunSummary all;
        StatementProfile profile = null;
        try (SandboxRun run = SandboxRun.start(2024, null, env)) {
            startup = seconds(t0);
            dates = run.gameDates();
            dates = dates.subList(0, days == null ? dates.size() : Math.min(days, dates.size()));
            Map<String, Phase> phases = new HashMap<>();
            for (Asset a : run.platform().engine().graph().ordered(List.of())) {
                phases.put(a.name(), a.phase());
            }
            timings.phases = phases;
            run.platform().engine().addListener(timings);
            if (sql) {
                profile = StatementProfile.attach(run.platform().warehouse().jdbi());
            }
            long t1 = System.nanoTime();
            all = run.days(dates, new Engine.BackfillProgress() {
                @Override
                public void start(int n) {}

                @Override
                public void dateDone(LocalDate date, RunSummary day) {}
            });
            daysWall = seconds(t1);
            long t2 = System.nanoTime();
            new Evaluation(run.platform().warehouse()).evaluate(dates.get(0), dates.get(dates.size() - 1));
            summary = seconds(t2);
        }
        double wall = seconds(t0);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        heap.stop();
        long failed = all.outcomes().stream().filter(o -> o.status().isTerminalFailure()).count();
        System.out.printf(Locale.ROOT, "demo bench: %d game days from %s, %d runs (%d failed), folder %s%n", dates.size(), dates.get(0),
                all.outcomes().size(), failed, dir);
        System.out.printf(Locale.ROOT, "wall %.1f s (start to summary), process CPU %.1f s; load before %s, after %s%n", wall, cpu,
                loadBefore, load());
        System.out.printf(Locale.ROOT, "  start-up %.1f s (league, sandbox server, platform, truth)   days %.1f s (%.0f ms a date)   "
                + "summary %.1f s%n", startup, daysWall, 1000 * daysWall / dates.size(), summary);
        double inAssets = timings.totalMs() / 1e3;
        System.out.printf(Locale.ROOT, "asset bodies %.1f s; engine overhead (days' wall outside asset bodies) %.1f s (%.0f ms a date, "
                + "%.1f ms a run)%n", inAssets, daysWall - inAssets, 1000 * (daysWall - inAssets) / dates.size(),
                1000 * (daysWall - inAssets) / Math.max(1, all.outcomes().size()));
        System.out.println("per phase:");
        Map<Phase, long[]> byPhase = new EnumMap<>(Phase.class);
        timings.byAsset.forEach((asset, t) -> {
            long[] p = byPhase.computeIfAbsent(timings.phases.getOrDefault(asset, Phase.PUBLISH), k -> new long[2]);
            p[0] += t[0];
            p[1] += t[1];
        });
        byPhase.forEach((phase, t) -> System.out.printf(Locale.ROOT, "  %-10s %7.1f s  %5d runs%n", phase, t[0] / 1e3, t[1]));
        System.out.println("ten slowest assets (total over the days; median a run):");
        List<Map.Entry<String, long[]>> slow = new ArrayList<>(timings.byAsset.entrySet());
        slow.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        for (var e : slow.subList(0, Math.min(10, slow.size()))) {
            System.out.printf(Locale.ROOT, "  %-32s %7.1f s  %5d runs  median %5.0f ms%n", e.getKey(), e.getValue()[0] / 1e3, e.getValue()[1],
                    SeasonFixture.median(timings.samples.get(e.getKey())));
        }
        System.out.printf(Locale.ROOT, "peak heap: %.0f MB live after a collection, %.0f MB in use at any sample (garbage included); "
                + "max heap %.0f MB%n", heap.peakAfterGc.get() / 1e6, heap.peakUsed.get() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        if (profile != null) {
            System.out.println("statements through Jdbi, by total time:");
            profile.print(20);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Per asset: total body milliseconds, runs, and each run's milliseconds. */
    static final class Timings implements EngineListener {
        volatile Map<String, Phase> phases = Map.of();
        final Map<String, long[]> byAsset = new ConcurrentHashMap<>();
        final Map<String, List<Double>> samples = new ConcurrentHashMap<>();

        @Override
        public void onRunFinished(RunOutcome o, long ms) {
            long[] t = byAsset.computeIfAbsent(o.asset(), k -> new long[2]);
            synchronized (t) {
                t[0] += ms;
                t[1]++;
            }
            samples.computeIfAbsent(o.asset(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add((double) ms);
        }

        long totalMs() {
            return byAsset.values().stream().mapToLong(t -> t[0]).sum();
        }
    }

    /** The heap in use, sampled every 10 ms, and the live heap after each collection (from the collectors' notifications). */
    static final class HeapWatch {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        volatile boolean running = true;

        static HeapWatch start() {
            HeapWatch w = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long live = 0;
                        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                            if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
                                live += after.getUsed();
                            }
                        }
                        w.peakAfterGc.accumulateAndGet(live, Math::max);
                    }
                }, null, null);
            }
            Thread t = new Thread(() -> {
                while (w.running) {
                    w.peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            t.setDaemon(true);
            t.start();
            return w;
        }

        void stop() {
            running = false;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
