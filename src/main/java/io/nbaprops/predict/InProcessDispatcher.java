package io.nbaprops.predict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs work items on a fixed pool of threads in this process; items not done by the deadline fail as such. */
public final class InProcessDispatcher implements WorkDispatcher {
    private final PredictionWorker worker;
    private final ExecutorService pool;

    public InProcessDispatcher(PredictionWorker worker, int threads) {
        this.worker = worker;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "predict-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<WorkOutcome> dispatch(BatchShared shared, List<PlayerWork> items, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        List<Future<WorkOutcome>> futures = new ArrayList<>(items.size());
        for (PlayerWork item : items) {
            futures.add(pool.submit(() -> worker.run(shared, item)));
        }
        List<WorkOutcome> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Future<WorkOutcome> f = futures.get(i);
            try {
                out.add(f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                out.add(new WorkOutcome(items.get(i).itemId(), java.util.Map.of(), "batch deadline of " + deadline.toMillis() + " ms passed"));
            } catch (ExecutionException e) {
                out.add(new WorkOutcome(items.get(i).itemId(), java.util.Map.of(), String.valueOf(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new WorkOutcome(items.get(i).itemId(), java.util.Map.of(), "interrupted"));
            }
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
