package io.nbaprops.predict.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained gradient-boosted model with the feature schema it was trained on. Loading checks the
 * schema against what will be served (version and names, in order) and refuses a mismatch. A prediction
 * is the model's {@link LinearPrior} (stored in its params; empty for models trained without one) plus
 * the trees' output.
 */
public final class XgbModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelMeta meta;
    private final Booster booster;
    private final LinearPrior prior;

    private XgbModel(ModelMeta meta, Booster booster) {
        this.meta = meta;
        this.booster = booster;
        this.prior = priorOf(meta);
    }

    @SuppressWarnings("unchecked")
    private static LinearPrior priorOf(ModelMeta meta) {
        try {
            Map<String, Object> params = JSON.readValue(meta.params(), Map.class);
            return LinearPrior.fromJson((Map<String, Object>) params.get("prior"));
        } catch (IOException e) {
            throw new IllegalStateException("model " + meta.modelVersion() + " has unreadable params: " + e.getMessage(), e);
        }
    }

    public LinearPrior prior() {
        return prior;
    }

    public static XgbModel of(ModelMeta meta, Booster booster) {
        return new XgbModel(meta, booster);
    }

    /** Loads an artifact, refusing it unless it was trained on exactly {@code featureVersion} / {@code featureNames}. */
    public static XgbModel load(ModelMeta meta, byte[] artifact, String featureVersion, List<String> featureNames) {
        if (!meta.featureVersion().equals(featureVersion)) {
            throw new ModelSchemaException("model " + meta.modelVersion() + " was trained on features " + meta.featureVersion()
                    + " but the feature store serves " + featureVersion + "; retrain it (nbaprops train)");
        }
        if (!meta.featureNames().equals(featureNames)) {
            List<String> missing = new ArrayList<>(meta.featureNames());
            missing.removeAll(featureNames);
            List<String> extra = new ArrayList<>(featureNames);
            extra.removeAll(meta.featureNames());
            throw new ModelSchemaException("model " + meta.modelVersion() + " expects " + meta.featureNames().size()
                    + " features but " + featureNames.size() + " are served (missing " + missing + ", unexpected " + extra
                    + (missing.isEmpty() && extra.isEmpty() ? ", same names in another order" : "") + "); retrain it");
        }
        try {
            return new XgbModel(meta, XGBoost.loadModel(artifact));
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot load model " + meta.modelVersion() + ": " + e.getMessage(), e);
        }
    }

    public ModelMeta meta() {
        return meta;
    }

    public byte[] artifact() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise model " + meta.modelVersion(), e);
        }
    }

    /** Predictions for rows of features (row-major, NaN = missing). */
    public double[] predict(float[] rows, int n) {
        int cols = meta.featureNames().size();
        try {
            DMatrix m = new DMatrix(rows, n, cols, Float.NaN);
            try {
                // No lock: XGBoost's prediction functions (contributions included) are thread-safe for tree boosters
                // since 1.4 (doc/prediction.rst, "Thread Safety"), and a served booster is never changed after loading.
                float[][] out = booster.predict(m);
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = prior.value(rows, i * cols, meta.featureNames()) + out[i][0];
                }
                return p;
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("prediction with " + meta.modelVersion() + " failed: " + e.getMessage(), e);
        }
    }

    /** The {@code top} largest feature contributions (TreeSHAP) to one row's prediction, by absolute size. */
    public Map<String, Double> contributions(float[] row, int top) {
        int cols = meta.featureNames().size();
        try {
            DMatrix m = new DMatrix(row, 1, cols, Float.NaN);
            try {
                float[][] c = booster.predictContrib(m, 0); // thread-safe: see predict()
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < cols; i++) {
                    idx.add(i);
                }
                idx.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(c[0][i])));
                Map<String, Double> out = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(top, cols); i++) {
                    int f = idx.get(i);
                    out.put(meta.featureNames().get(f), Math.round(c[0][f] * 1000) / 1000.0);
                }
                out.put("bias", Math.round(c[0][cols] * 1000) / 1000.0);
                if (!prior.isEmpty()) {
                    // The trees explain the distance from the linear prior; the prior itself is the rest of the value.
                    out.put("prior", Math.round(prior.value(row, 0, meta.featureNames()) * 1000) / 1000.0);
                }
                return out;
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("contributions with " + meta.modelVersion() + " failed: " + e.getMessage(), e);
        }
    }
}
