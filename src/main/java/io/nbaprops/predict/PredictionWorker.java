package io.nbaprops.predict;

import io.nbaprops.predict.WorkDispatcher.BatchShared;
import io.nbaprops.predict.WorkDispatcher.PlayerWork;
import io.nbaprops.predict.WorkDispatcher.WorkOutcome;
import io.nbaprops.predict.systems.EnsembleSystem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every prediction system on one player's work item: the unit of work a thread or a remote
 * worker process executes. Deterministic: the same item gives the same predictions anywhere.
 */
public final class PredictionWorker {
    private final Systems systems;

    public PredictionWorker(Systems systems) {
        this.systems = systems;
    }

    public WorkOutcome run(BatchShared shared, PlayerWork item) {
        try {
            BatchContext ctx = shared.context().with(item.game().playerLookup(), item.history());
            Map<String, SystemPrediction> out = new LinkedHashMap<>();
            for (PredictionSystem s : systems.base()) {
                out.put(s.id(), s.predict(item.game(), ctx));
            }
            EnsembleSystem ensemble = systems.ensemble();
            out.put(ensemble.id(), ensemble.combine(out, ctx));
            return new WorkOutcome(item.itemId(), out, null);
        } catch (RuntimeException e) {
            return new WorkOutcome(item.itemId(), Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
