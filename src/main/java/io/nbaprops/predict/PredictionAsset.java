package io.nbaprops.predict;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.features.FeatureStoreAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Phase 5: every system's prediction for every expected player of the date, against the lines known
 * now (snapshots before tip-off only). Re-running it after lines moved adds predictions for the new
 * line snapshots and leaves earlier ones as they were; re-running with no new line changes nothing.
 */
public final class PredictionAsset implements Asset {
    public static final String NAME = "prediction";
    private final PredictionService service;
    private final List<Dependency> upstream;

    public PredictionAsset(PredictionService service, List<String> lineAssets) {
        this.service = service;
        List<Dependency> up = new ArrayList<>();
        up.add(Dependency.same(FeatureStoreAsset.NAME));
        up.add(Dependency.same(ModelTrainingAsset.NAME));
        lineAssets.forEach(a -> up.add(Dependency.same(a)));
        this.upstream = List.copyOf(up);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Phase phase() {
        return Phase.PREDICT;
    }

    @Override
    public List<Dependency> upstream() {
        return upstream;
    }

    /** Calibration and the ensemble's weights are fitted on the grades of the dates before (PredictionBatch). */
    @Override
    public List<String> feedbackFrom() {
        return List.of("prediction_grade");
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        List<BatchResult> results = service.predict(ctx.partition(), null, ctx.clock().instant(), ctx::checkCancelled);
        long rows = results.stream().mapToLong(BatchResult::rowsWritten).sum();
        return AssetResult.of(rows, results.stream().map(BatchResult::describe).collect(Collectors.joining(" | ")));
    }
}
