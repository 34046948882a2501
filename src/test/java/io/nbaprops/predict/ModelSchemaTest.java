package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.model.ModelMeta;
import io.nbaprops.predict.model.ModelSchemaException;
import io.nbaprops.predict.model.XgbModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/** A model refuses to serve a feature schema other than the one it was trained on. */
class ModelSchemaTest {
    static byte[] tinyModel(int cols) throws Exception {
        Random r = new Random(1);
        int n = 200;
        float[] x = new float[n * cols];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = r.nextFloat();
            }
            y[i] = 10 * x[i * cols] + 2;
        }
        DMatrix m = new DMatrix(x, n, cols, Float.NaN);
        m.setLabel(y);
        return XGBoost.train(m, Map.of("objective", "reg:squarederror", "max_depth", 3, "nthread", 1, "seed", 1), 20,
                Map.of(), null, null).toByteArray("ubj");
    }

    static ModelMeta meta(String version, List<String> names) {
        return new ModelMeta("m1", "xgboost", "points", version, names, LocalDate.of(2025, 1, 1), 200, "{}", "{}", Instant.EPOCH);
    }

    @Test
    void loadsOnTheSameSchemaAndPredictsWithContributions() throws Exception {
        byte[] artifact = tinyModel(FeatureCatalog.size());
        XgbModel m = XgbModel.load(meta(FeatureCatalog.VERSION, FeatureCatalog.names()), artifact, FeatureCatalog.VERSION,
                FeatureCatalog.names());
        float[] row = new float[FeatureCatalog.size()];
        row[0] = 0.9f;
        double p = m.predict(row, 1)[0];
        // Exactly what XGBoost itself predicts with the artifact (no linear prior in this model), and near the
        // function it learned: 10 x 0.9 + 2 = 11.
        float[][] direct = XGBoost.loadModel(artifact).predict(new DMatrix(row, 1, FeatureCatalog.size(), Float.NaN));
        assertThat(p).isEqualTo((double) direct[0][0]);
        assertThat(p).isCloseTo(11.0, within(0.5));
        Map<String, Double> c = m.contributions(row, 3);
        assertThat(c).containsKey(FeatureCatalog.names().get(0)).containsKey("bias").hasSize(4);
        assertThat(c.keySet().iterator().next()).as("the largest contribution is the one feature that matters")
                .isEqualTo(FeatureCatalog.names().get(0));
        // TreeSHAP adds up: every feature's contribution plus the bias is the prediction (each rounded to 0.001).
        Map<String, Double> all = m.contributions(row, FeatureCatalog.size());
        assertThat(all.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(p, within(0.0005 * all.size()));
    }

    @Test
    void refusesAnotherVersionOrOtherNames() throws Exception {
        byte[] artifact = tinyModel(FeatureCatalog.size());
        assertThatThrownBy(() -> XgbModel.load(meta("fv1", FeatureCatalog.names()), artifact, FeatureCatalog.VERSION, FeatureCatalog.names()))
                .isInstanceOf(ModelSchemaException.class).hasMessageContaining("trained on features fv1 but the feature store serves "
                        + FeatureCatalog.VERSION);
        List<String> fewer = new ArrayList<>(FeatureCatalog.names());
        fewer.remove("line_current");
        assertThatThrownBy(() -> XgbModel.load(meta(FeatureCatalog.VERSION, fewer), artifact, FeatureCatalog.VERSION, FeatureCatalog.names()))
                .isInstanceOf(ModelSchemaException.class).hasMessageContaining("unexpected [line_current]");
        List<String> swapped = new ArrayList<>(FeatureCatalog.names());
        java.util.Collections.swap(swapped, 0, 1);
        assertThatThrownBy(() -> XgbModel.load(meta(FeatureCatalog.VERSION, swapped), artifact, FeatureCatalog.VERSION, FeatureCatalog.names()))
                .hasMessageContaining("same names in another order");
    }
}
