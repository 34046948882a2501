package io.nbaprops.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The (asset, date) partitions running in this process: one run at a time per partition. */
final class ActiveRuns {
    private final ConcurrentMap<String, Slot> active = new ConcurrentHashMap<>();

    /** A new slot for the partition, or null when a run of it already holds one. */
    Slot claim(String asset, LocalDate date) {
        Slot mine = new Slot(asset, date);
        return active.putIfAbsent(key(asset, date), mine) == null ? mine : null;
    }

    void release(Slot slot) {
        active.remove(key(slot.asset, slot.date), slot);
    }

    boolean holds(String asset, LocalDate date) {
        return active.containsKey(key(asset, date));
    }

    /** "asset|date" of every partition running now. */
    List<String> keys() {
        return List.copyOf(active.keySet());
    }

    /** The ids of the runs under way whose RUNNING row is written (for the heartbeat: a run without one has nothing to beat). */
    List<String> runIds() {
        return active.values().stream().filter(s -> s.running == null || s.running.written()).map(Slot::runId)
                .filter(Objects::nonNull).toList();
    }

    private static String key(String asset, LocalDate date) {
        return asset + "|" + date;
    }

    /** A slot held while (asset, date) runs in this process. */
    static final class Slot {
        final String asset;
        final LocalDate date;
        volatile String runId;
        volatile AssetContext ctx;
        /** The run's deferred RUNNING row; null when it was written as the run began (range runs). */
        volatile RunningRecord running;
        volatile boolean workerDone = true;
        volatile boolean timedOut;

        Slot(String asset, LocalDate date) {
            this.asset = asset;
            this.date = date;
        }

        void begin(String id, AssetContext c) {
            begin(id, c, null);
        }

        void begin(String id, AssetContext c, RunningRecord deferred) {
            runId = id;
            ctx = c;
            running = deferred;
            workerDone = false;
            timedOut = false;
        }

        void markTimedOut() {
            timedOut = true;
        }

        boolean timedOut() {
            return timedOut;
        }

        String runId() {
            return runId;
        }

        void markWorkerDone() {
            workerDone = true;
        }

        boolean workerDone() {
            return workerDone;
        }
    }
}
