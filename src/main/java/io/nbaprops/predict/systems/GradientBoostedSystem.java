package io.nbaprops.predict.systems;

import io.nbaprops.predict.BatchContext;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.PredictionSystem;
import io.nbaprops.predict.SystemPrediction;
import io.nbaprops.predict.model.ModelRegistry;
import io.nbaprops.predict.model.XgbModel;
import io.nbaprops.predict.model.XgbTrainer;

/**
 * The gradient-boosted model (XGBoost) trained walk-forward by the platform on its own feature
 * store; the batch names the version trained before the date. Each prediction carries its top
 * feature contributions (TreeSHAP).
 */
public final class GradientBoostedSystem implements PredictionSystem {
    public static final String ID = XgbTrainer.SYSTEM_ID;
    static final int TOP_CONTRIBUTIONS = 5;
    private final ModelRegistry registry;

    public GradientBoostedSystem(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "xgb-v1";
    }

    @Override
    public SystemPrediction predict(PlayerGame g, BatchContext ctx) {
        if (ctx.modelVersion() == null) {
            return SystemPrediction.abstain("no model trained before " + ctx.date() + " yet");
        }
        XgbModel model = registry.load(ctx.modelVersion());
        float[] row = new float[g.features().length];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) g.features()[i];
        }
        double value = model.predict(row, 1)[0];
        return new SystemPrediction(value, model.meta().modelVersion(), model.contributions(row, TOP_CONTRIBUTIONS), null);
    }
}
