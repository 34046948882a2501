package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.features.FeatureCatalog;
import io.nbaprops.predict.model.LinearPrior;
import io.nbaprops.predict.model.ModelMeta;
import io.nbaprops.predict.model.XgbModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gradient-boosted model's linear prior: recovers a known blend, handles missing inputs, survives storage. */
class LinearPriorTest {
    static final List<String> NAMES = FeatureCatalog.names();
    static final int K = NAMES.size();
    static final int LINE = NAMES.indexOf("line_current");
    static final int PROJ = NAMES.indexOf("pts_projection");
    static final int FORM = NAMES.indexOf("pts_ewm_long");

    @Test
    void recoversTheBlendOfLineAndProjectionCaseByCase() {
        Random r = new Random(7);
        int n = 4000;
        float[] x = new float[n * K];
        float[] y = new float[n];
        java.util.Arrays.fill(x, Float.NaN);
        for (int i = 0; i < n; i++) {
            double line = 5 + 25 * r.nextDouble();
            double proj = line + r.nextGaussian();
            boolean hasLine = i % 4 != 0;
            boolean hasProj = i % 8 != 1;
            if (hasLine) {
                x[i * K + LINE] = (float) line;
            }
            if (hasProj) {
                x[i * K + PROJ] = (float) proj;
            } else {
                x[i * K + FORM] = (float) proj;
            }
            // Exact targets per case, so least squares must find these coefficients.
            y[i] = (float) (hasLine ? 0.5 + 0.6 * line + 0.4 * proj : 1.0 + 0.9 * proj);
        }
        LinearPrior p = LinearPrior.fit(Market.POINTS, NAMES, x, y, n);
        assertThat(p.both()).containsExactly(new double[] {0.5, 0.6, 0.4}, within(1e-3));
        assertThat(p.baseOnly()).containsExactly(new double[] {1.0, 0.9}, within(1e-3));
        // Too few rows with a line but neither projection nor form: the line itself.
        assertThat(p.lineOnly()).containsExactly(0.0, 1.0);
        float[] row = new float[K];
        java.util.Arrays.fill(row, Float.NaN);
        row[LINE] = 20;
        row[PROJ] = 22;
        assertThat(p.value(row, 0, NAMES)).isCloseTo(0.5 + 12 + 8.8, within(1e-2));
        row[PROJ] = Float.NaN;
        row[FORM] = 10; // the long-memory form stands in for a missing projection
        assertThat(p.value(row, 0, NAMES)).isCloseTo(0.5 + 12 + 4, within(1e-2));
    }

    @Test
    void otherMarketsHaveNoPriorAndTheStoredPriorIsTheOneUsed() throws Exception {
        float[] x = new float[K * 10];
        assertThat(LinearPrior.fit(Market.REBOUNDS, NAMES, x, new float[10], 10).isEmpty()).isTrue();

        LinearPrior p = new LinearPrior("line_current", "pts_projection", "pts_ewm_long", new double[] {1, 0.5, 0.5},
                new double[] {0, 1}, new double[] {0, 1}, new double[] {7});
        String params = new ObjectMapper().writeValueAsString(Map.of("rounds", 100, "prior", p.toJson()));
        ModelMeta meta = new ModelMeta("m", "xgboost", "points", FeatureCatalog.VERSION, NAMES, LocalDate.of(2025, 1, 1), 10, params,
                "{}", Instant.EPOCH);
        XgbModel m = XgbModel.load(meta, ModelSchemaTest.tinyModel(K), FeatureCatalog.VERSION, NAMES);
        float[] row = new float[K];
        java.util.Arrays.fill(row, Float.NaN);
        row[LINE] = 20;
        row[PROJ] = 24;
        double trees = XgbModel.load(ModelSchemaTest.meta(FeatureCatalog.VERSION, NAMES), ModelSchemaTest.tinyModel(K),
                FeatureCatalog.VERSION, NAMES).predict(row, 1)[0];
        assertThat(m.prior().both()).containsExactly(1, 0.5, 0.5);
        assertThat(m.predict(row, 1)[0]).isCloseTo(1 + 10 + 12 + trees, within(1e-4));
        assertThat(m.contributions(row, 3)).containsEntry("prior", 23.0);
        // Nothing known about the player: the training mean of such rows.
        float[] empty = new float[K];
        java.util.Arrays.fill(empty, Float.NaN);
        assertThat(m.prior().value(empty, 0, NAMES)).isEqualTo(7.0);
    }
}
