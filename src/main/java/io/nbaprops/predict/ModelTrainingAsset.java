package io.nbaprops.predict;

import io.nbaprops.analytics.PlayerGameSummaryAsset;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.features.FeatureStoreAsset;
import io.nbaprops.predict.model.ModelMeta;
import io.nbaprops.predict.model.XgbModel;
import io.nbaprops.predict.model.XgbTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a gradient-boosted model per market that was trained only on games before the date: when
 * the newest such model is older than {@code retrain_days} (or there is none) and enough graded
 * history exists, trains one walk-forward and registers it. Otherwise does nothing.
 */
public final class ModelTrainingAsset implements Asset {
    public static final String NAME = "model_training";
    private final PredictionService service;

    public ModelTrainingAsset(PredictionService service) {
        this.service = service;
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
        return List.of(Dependency.prior(FeatureStoreAsset.NAME), Dependency.prior(PlayerGameSummaryAsset.NAME));
    }

    @Override
    public java.time.Duration budget() {
        return java.time.Duration.ofMinutes(10);
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        List<String> notes = new ArrayList<>();
        int trained = 0;
        for (Market m : service.markets()) {
            ctx.checkCancelled();
            Optional<ModelMeta> current = service.models().latest(XgbTrainer.SYSTEM_ID, m.key(), ctx.partition());
            if (current.isPresent() && !current.get().trainedBefore().plusDays(service.config().retrainDays()).isBefore(ctx.partition())
                    && !current.get().trainedBefore().isAfter(ctx.partition())) {
                notes.add(m.key() + ": " + current.get().modelVersion() + " is fresh");
                continue;
            }
            XgbModel model = service.trainer().train(m, ctx.partition(), service.trainingParams(), service.config().minTrainingRows());
            if (model == null) {
                notes.add(m.key() + ": fewer than " + service.config().minTrainingRows() + " training rows yet");
                continue;
            }
            ctx.checkCancelled();
            service.models().save(model);
            trained++;
            notes.add(m.key() + ": trained " + model.meta().modelVersion() + " " + model.meta().metrics());
        }
        return AssetResult.of(trained, String.join("; ", notes));
    }
}
