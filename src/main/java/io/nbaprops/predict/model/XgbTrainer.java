package io.nbaprops.predict.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.analytics.Seasons;
import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.Market;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the gradient-boosted model walk-forward: on feature vectors and outcomes of games strictly
 * before a date, with the last two weeks held out to measure it, then refit on everything. The trees
 * learn the residual of a least-squares {@link LinearPrior} (line and projection) fitted on the same
 * rows. One query loads the training set; training is deterministic for the same data (fixed seed).
 */
public final class XgbTrainer {
    public static final String SYSTEM_ID = "xgboost";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HOLDOUT_DAYS = 14;

    public record Params(int rounds, double eta, int maxDepth, double subsample, double colsample, double minChildWeight, int threads) {
        public static Params defaults() {
            // Shallow, slow and heavily regularised: the trees correct a linear prior (LinearPrior) on noisy
            // labels, and deeper or longer fits learned the noise (walk-forward MAE got worse, not better).
            return new Params(100, 0.03, 3, 0.8, 0.8, 100, 2);
        }

        Map<String, Object> toXgb() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("objective", "reg:squarederror");
            m.put("eta", eta);
            m.put("max_depth", maxDepth);
            m.put("subsample", subsample);
            m.put("colsample_bytree", colsample);
            m.put("min_child_weight", minChildWeight);
            m.put("tree_method", "hist");
            m.put("nthread", threads);
            m.put("seed", 20241022);
            m.put("verbosity", 0);
            return m;
        }
    }

    /** Rows of the training set: features (row-major) and labels, with their dates. */
    record TrainingSet(float[] features, float[] labels, LocalDate[] dates, int rows) {}

    private final Warehouse warehouse;
    private final Clock clock;

    public XgbTrainer(Warehouse warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    TrainingSet load(Market market, LocalDate before) {
        List<String> names = FeatureCatalog.names();
        String cols = names.stream().map(n -> "f." + n).collect(Collectors.joining(", "));
        List<Object[]> raw = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT f.game_date, CAST(" + market.statSql("s") + " AS DOUBLE PRECISION), " + cols
                        + " FROM feature_store f JOIN player_game_summary s ON s.game_key = f.game_key AND s.player_lookup = f.player_lookup "
                        + "WHERE s.played AND f.game_date < ? AND f.game_date >= ? AND f.feature_version = ? ORDER BY f.game_date, f.game_key, f.player_lookup")
                .bind(0, before).bind(1, Seasons.lookback(before)).bind(2, FeatureCatalog.VERSION)
                .map((rs, ctx) -> {
                    Object[] r = new Object[names.size() + 2];
                    r[0] = rs.getObject(1, LocalDate.class);
                    r[1] = rs.getDouble(2);
                    for (int i = 0; i < names.size(); i++) {
                        double v = rs.getDouble(3 + i);
                        r[2 + i] = rs.wasNull() ? Double.NaN : v;
                    }
                    return r;
                }).list());
        int n = raw.size();
        int k = names.size();
        float[] x = new float[n * k];
        float[] y = new float[n];
        LocalDate[] d = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Object[] r = raw.get(i);
            d[i] = (LocalDate) r[0];
            y[i] = ((Double) r[1]).floatValue();
            for (int j = 0; j < k; j++) {
                x[i * k + j] = ((Double) r[2 + j]).floatValue();
            }
        }
        return new TrainingSet(x, y, d, n);
    }

    /** Trains on games before {@code before}; returns null when there are fewer than {@code minRows} training rows. */
    public XgbModel train(Market market, LocalDate before, Params params, int minRows) {
        TrainingSet all = load(market, before);
        if (all.rows() < minRows) {
            return null;
        }
        int k = FeatureCatalog.size();
        LocalDate holdoutFrom = before.minusDays(HOLDOUT_DAYS);
        int split = 0;
        while (split < all.rows() && all.dates()[split].isBefore(holdoutFrom)) {
            split++;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        try {
            if (split >= minRows / 2 && split < all.rows()) {
                LinearPrior probePrior = LinearPrior.fit(market, FeatureCatalog.names(), all.features(), all.labels(), split);
                Booster probe = fit(all, 0, split, params, probePrior);
                double[] pred = predict(probe, all, split, all.rows(), probePrior);
                double mae = 0;
                for (int i = split; i < all.rows(); i++) {
                    mae += Math.abs(pred[i - split] - all.labels()[i]);
                }
                metrics.put("holdout_from", holdoutFrom.toString());
                metrics.put("holdout_rows", all.rows() - split);
                metrics.put("holdout_mae", Math.round(mae / (all.rows() - split) * 1000) / 1000.0);
                probe.dispose();
            }
            LinearPrior prior = LinearPrior.fit(market, FeatureCatalog.names(), all.features(), all.labels(), all.rows());
            Booster model = fit(all, 0, all.rows(), params, prior);
            double[] in = predict(model, all, 0, all.rows(), prior);
            double mae = 0;
            for (int i = 0; i < all.rows(); i++) {
                mae += Math.abs(in[i] - all.labels()[i]);
            }
            metrics.put("train_rows", all.rows());
            metrics.put("train_mae", Math.round(mae / all.rows() * 1000) / 1000.0);
            String version = "xgb-" + market.key() + "-" + FeatureCatalog.VERSION + "-" + before;
            ModelMeta meta = new ModelMeta(version, SYSTEM_ID, market.key(), FeatureCatalog.VERSION, FeatureCatalog.names(), before,
                    all.rows(), JSON.writeValueAsString(paramsJson(params, prior)), JSON.writeValueAsString(metrics), clock.instant());
            return XgbModel.of(meta, model);
        } catch (XGBoostError e) {
            throw new IllegalStateException("training " + market.key() + " before " + before + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored params: the training settings and the fitted prior (read back by {@link XgbModel}). */
    static Map<String, Object> paramsJson(Params p, LinearPrior prior) {
        Map<String, Object> m = JSON.convertValue(p, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        m.put("prior", prior.toJson());
        return m;
    }

    private static Booster fit(TrainingSet s, int from, int to, Params p, LinearPrior prior) throws XGBoostError {
        int k = FeatureCatalog.size();
        float[] x = java.util.Arrays.copyOfRange(s.features(), from * k, to * k);
        float[] y = java.util.Arrays.copyOfRange(s.labels(), from, to);
        for (int i = 0; i < y.length; i++) {
            y[i] -= (float) prior.value(x, i * k, FeatureCatalog.names());
        }
        DMatrix m = new DMatrix(x, to - from, k, Float.NaN);
        try {
            m.setLabel(y);
            return XGBoost.train(m, p.toXgb(), p.rounds(), new LinkedHashMap<>(), null, null);
        } finally {
            m.dispose();
        }
    }

    private static double[] predict(Booster b, TrainingSet s, int from, int to, LinearPrior prior) throws XGBoostError {
        int k = FeatureCatalog.size();
        float[] x = java.util.Arrays.copyOfRange(s.features(), from * k, to * k);
        DMatrix m = new DMatrix(x, to - from, k, Float.NaN);
        try {
            float[][] out = b.predict(m);
            double[] r = new double[to - from];
            for (int i = 0; i < r.length; i++) {
                r[i] = prior.value(x, i * k, FeatureCatalog.names()) + out[i][0];
            }
            return r;
        } finally {
            m.dispose();
        }
    }
}
