package io.nbaprops.predict;

import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.features.FeatureStoreAsset;
import io.nbaprops.raw.PredictionTime;
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
    private final PredictionTime time;

    public PredictionAsset(PredictionService service, List<String> lineAssets) {
        this(service, lineAssets, PredictionTime.defaults());
    }

    /** {@code time}: a run after the date's cut-off predicts against the lines known at the date's prediction time. */
    public PredictionAsset(PredictionService service, List<String> lineAssets, PredictionTime time) {
        this.service = service;
        this.time = time;
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
        // Before the cut-off, the lines known now; a backfill or a later re-run: those known at the prediction time, as live.
        java.time.Instant asOf = time.asOf(ctx.warehouse(), ctx.partition(), ctx.clock().instant());
        List<BatchResult> results = service.predict(ctx.partition(), null, asOf, ctx::checkCancelled);
        long rows = results.stream().mapToLong(BatchResult::rowsWritten).sum();
        return AssetResult.of(rows, results.stream().map(BatchResult::describe).collect(Collectors.joining(" | ")));
    }
}
