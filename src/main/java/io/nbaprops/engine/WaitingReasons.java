package io.nbaprops.engine;

import io.nbaprops.config.Secrets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readiness: why a partition cannot run yet. First its upstream's states (a same-date input that has not succeeded,
 * or earlier dates of a windowed input that have not), then the asset's own check of its inputs. A check that
 * cannot run is a reason to wait, never "ready".
 */
final class WaitingReasons {
    private final RunStore store;
    private final Clock clock;
    private final ActiveRuns active;

    WaitingReasons(RunStore store, Clock clock, ActiveRuns active) {
        this.store = store;
        this.clock = clock;
        this.active = active;
    }

    /** Why the partition cannot run yet (upstream states, then the asset's own readiness), or null. */
    String of(Asset asset, LocalDate date, String trigger, UpstreamStates states) {
        String waiting = upstreamWaiting(asset, date, states);
        return waiting != null ? waiting : ownReadiness(asset, date, trigger);
    }

    private String upstreamWaiting(Asset asset, LocalDate date, UpstreamStates states) {
        List<String> reasons = new ArrayList<>();
        Map<String, PartitionState> today = asset.upstream().stream().anyMatch(d -> d.window() == Dependency.Window.SAME_DATE)
                ? states.on(date) : Map.of();
        for (Dependency d : asset.upstream()) {
            if (d.window() == Dependency.Window.SAME_DATE) {
                PartitionState s = today.get(d.asset());
                if (active.holds(d.asset(), date)) {
                    // Running here now: its RUNNING row may not be written yet (see RunningRecord).
                    reasons.add(d.asset() + " [" + date + "] is RUNNING");
                } else if (s == null) {
                    reasons.add(d.asset() + " [" + date + "] has not run");
                } else if (!s.state().equals("SUCCESS")) {
                    // Name the upstream's own problem, not the chain of waits behind it (that is on the upstream's row).
                    boolean failed = !s.state().equals("WAITING") && !s.state().equals("RUNNING");
                    reasons.add(d.asset() + " [" + date + "] is " + s.state() + (failed && s.reason() != null
                            ? ": " + Failures.abbreviate(s.reason(), 160) : ""));
                }
            } else {
                List<LocalDate> missing = states.notSucceededBefore(d.asset(), date);
                if (!missing.isEmpty()) {
                    reasons.add(d.asset() + " has not succeeded for " + missing.size() + " earlier date(s), first "
                            + missing.get(0));
                }
            }
        }
        return reasons.isEmpty() ? null : "waiting for " + String.join("; ", reasons);
    }

    private String ownReadiness(Asset asset, LocalDate date, String trigger) {
        AssetContext probe = new AssetContext(asset.name(), date, "readiness", 0, trigger, store.warehouse(), clock);
        try {
            Readiness r = asset.readiness(probe);
            return r.ready() ? null : "waiting for " + r.reason();
        } catch (Exception e) {
            // A check that cannot run is not "ready" and not "fine": report it as the reason.
            return "waiting: readiness check failed: " + Secrets.mask(String.valueOf(e.getMessage()));
        }
    }
}
