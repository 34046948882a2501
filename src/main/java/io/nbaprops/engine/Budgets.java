package io.nbaprops.engine;

import io.nbaprops.config.AppConfig.EngineConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time budgets, enforced from a sweeper thread rather than by the run itself: an asset body runs on a worker thread,
 * the sweeper warns at {@code warn_at_fraction} of its budget and at 100% completes the run as timed out, cancels its
 * context (so nothing it writes commits) and interrupts the worker. The sweeper also writes the heartbeat of every run
 * under way.
 */
final class Budgets implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig cfg;
    private final RunLedger ledger;
    private final ActiveRuns active;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;

    Budgets(EngineConfig cfg, RunLedger ledger, ActiveRuns active) {
        this.cfg = cfg;
        this.ledger = ledger;
        this.active = active;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "engine-run-" + n.incrementAndGet()));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "engine-sweeper"));
        long hb = Math.max(1, cfg.heartbeatSeconds());
        sweeper.scheduleAtFixedRate(this::beat, hb, hb, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Duration budgetOf(Asset asset) {
        return asset.budget() != null ? asset.budget() : cfg.budgetFor(asset.name());
    }

    /**
     * Runs {@code work} on a worker thread under the time budget; every slot is told when the worker is done. A
     * {@code running} record (may be null) is written by the sweeper once the run has lasted {@code running_record_after_ms}.
     */
    <T> T execute(String name, Callable<T> work, AssetContext ctx, Duration budget, List<ActiveRuns.Slot> slots, RunningRecord running)
            throws Throwable {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> worker = workers.submit(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                for (ActiveRuns.Slot slot : slots) {
                    slot.markWorkerDone();
                    if (slot.timedOut()) {
                        active.release(slot);
                    }
                }
            }
        });
        ScheduledFuture<?> record = running == null ? null : sweeper.schedule(() -> {
            try {
                running.write();
            } catch (RuntimeException e) {
                log.warn("cannot record {} [{}] as running: {}", name, ctx.partition(), e.toString());
            }
        }, Math.max(0, cfg.runningRecordAfterMs()), TimeUnit.MILLISECONDS);
        long budgetMs = Math.max(1, budget.toMillis());
        long warnMs = Math.max(1, (long) (budgetMs * cfg.warnAtFraction()));
        ScheduledFuture<?> warn = sweeper.schedule(() -> {
            if (!result.isDone()) {
                ledger.emit("BUDGET_WARNING", name, ctx.partition(), ctx.runId(), "still running after " + warnMs
                        + " ms, " + Math.round(cfg.warnAtFraction() * 100) + "% of its " + budgetMs + " ms budget");
            }
        }, warnMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> kill = sweeper.schedule(() -> {
            // Complete first so the caller sees the timeout, then tell the worker to stop and roll back.
            slots.forEach(ActiveRuns.Slot::markTimedOut);
            if (result.completeExceptionally(new AssetTimeoutException(name, ctx.partition(), budget))) {
                ctx.cancel("time budget of " + budgetMs + " ms exceeded");
                worker.cancel(true);
            }
        }, budgetMs, TimeUnit.MILLISECONDS);
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } finally {
            warn.cancel(false);
            kill.cancel(false);
            if (record != null) {
                record.cancel(false);
            }
        }
    }

    private void beat() {
        try {
            ledger.store().heartbeat(active.runIds(), ledger.clock().instant());
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        workers.shutdownNow();
    }
}
