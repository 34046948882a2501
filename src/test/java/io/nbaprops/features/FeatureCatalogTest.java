package io.nbaprops.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.store.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature documentation, the SQL and the feature_store table agree one to one. */
class FeatureCatalogTest {
    @Test
    void atLeast33UniquelyNamedDocumentedFeaturesInEveryGroup() {
        assertThat(FeatureCatalog.size()).isGreaterThanOrEqualTo(33);
        assertThat(new HashSet<>(FeatureCatalog.names())).hasSize(FeatureCatalog.size());
        assertThat(FeatureCatalog.ALL).allSatisfy(f -> {
            assertThat(f.meaning()).isNotBlank();
            assertThat(f.window()).isNotBlank();
            assertThat(f.source()).isNotBlank();
            assertThat(f.direction()).isIn("+", "-", "?");
        });
        assertThat(FeatureCatalog.ALL.stream().map(Feature::group).distinct()).contains("recent performance",
                "fatigue, rest and travel", "matchup", "shot profile", "team context", "market", "opponent history",
                "minutes and efficiency");
    }

    @Test
    void everyFeatureHasExactlyOneSqlExpression() {
        assertThat(FeatureStoreAsset.EXPRESSIONS.keySet()).containsExactlyElementsOf(FeatureCatalog.names());
    }

    @Test
    void theTableColumnsAreTheCatalogOneToOne(@TempDir Path dir) {
        try (Warehouse w = Warehouse.open("jdbc:duckdb:" + dir.resolve("f.duckdb"), null, null, 2)) {
            List<String> cols = w.jdbi().withHandle(h -> h.createQuery("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'feature_store' ORDER BY ordinal_position").mapTo(String.class).list());
            assertThat(cols).containsExactlyElementsOf(FeatureStoreAsset.columns());
        }
    }

    @Test
    void theDocsAreGeneratedFromTheCatalog() throws Exception {
        Path doc = Path.of("docs", "FEATURES.md");
        if (Boolean.getBoolean("nbaprops.regenerateDocs") || !Files.exists(doc)) {
            Files.writeString(doc, FeatureCatalog.markdown());
        }
        assertThat(Files.readString(doc)).as("docs/FEATURES.md is stale: rerun with -Dnbaprops.regenerateDocs=true")
                .isEqualTo(FeatureCatalog.markdown());
    }
}
