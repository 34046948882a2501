package io.nbaprops.predict.systems;

import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted mean of the other systems, with weights fitted on their past graded predictions
 * (see {@link EnsembleWeights}), never set by hand. Systems that abstain drop out and the rest are
 * re-weighted.
 */
public final class EnsembleSystem implements PredictionSystem {
    public static final String ID = "ensemble";
    private final List<PredictionSystem> members;

    public EnsembleSystem(List<PredictionSystem> members) {
        this.members = List.copyOf(members);
    }

    public List<PredictionSystem> members() {
        return members;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "nnls-v1";
    }

    @Override
    public SystemPrediction predict(PlayerGame g, BatchContext ctx) {
        throw new UnsupportedOperationException("the ensemble combines member predictions: use combine()");
    }

    /** Combines the members' predictions of one player-game with the batch's fitted weights. */
    public SystemPrediction combine(Map<String, SystemPrediction> memberPredictions, BatchContext ctx) {
        double sum = 0;
        double wsum = 0;
        Map<String, Double> used = new LinkedHashMap<>();
        for (PredictionSystem m : members) {
            SystemPrediction p = memberPredictions.get(m.id());
            double w = ctx.ensembleWeights().getOrDefault(m.id(), 0.0);
            if (p == null || p.abstained() || w <= 0) {
                continue;
            }
            sum += w * p.value();
            wsum += w;
            used.put(m.id(), w);
        }
        if (wsum == 0) {
            return SystemPrediction.abstain("no member could predict");
        }
        Map<String, Double> share = new LinkedHashMap<>();
        double total = wsum;
        used.forEach((k, v) -> share.put("weight:" + k, v / total));
        return new SystemPrediction(sum / wsum, null, share, null);
    }
}
