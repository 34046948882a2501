package io.nbaprops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void defaultsNeedNothing() {
        AppConfig c = ConfigLoader.defaults(Map.of());
        assertThat(c.warehouse().url()).isEqualTo("jdbc:duckdb:./data/nbaprops.duckdb");
        assertThat(c.archiveDir()).isEqualTo(Path.of("./data/raw"));
        assertThat(c.exportsDir()).isEqualTo(Path.of("./data/exports"));
        assertThat(c.zone().getId()).isEqualTo("America/New_York");
        assertThat(c.source("balldontlie").auth()).isEqualTo("header:Authorization");
        assertThat(c.source("odds_api").auth()).isEqualTo("query:apiKey");
        assertThat(c.engine().maxAttempts()).isEqualTo(3);
        assertThat(c.predict().minEdge()).isEqualTo(1.5);
        assertThat(c.predict().minEdgeByMarket()).containsEntry("threes", 0.3).containsEntry("pra", 2.0).doesNotContainKey("points");
    }

    @Test
    void oneMarketsMinimumEdgeIsItsOwnSetting() {
        AppConfig c = ConfigLoader.defaults(Map.of("NBAPROPS_PREDICT_MIN_EDGE_BY_MARKET_THREES", "0.5"));
        assertThat(c.predict().minEdgeByMarket()).containsEntry("threes", 0.5).containsEntry("assists", 0.6);
    }

    @Test
    void aFileOverridesDefaultsAndTheEnvironmentOverridesBoth(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my.yaml");
        Files.writeString(f, "warehouse:\n  url: jdbc:postgresql://db:5432/props\nengine:\n  max_attempts: 5\n");
        AppConfig c = new ConfigLoader().load(f, Map.of("NBAPROPS_ENGINE_MAX_ATTEMPTS", "7",
                "NBAPROPS_SOURCES_BALLDONTLIE_BASE_URL", "http://127.0.0.1:9999"));
        assertThat(c.warehouse().url()).isEqualTo("jdbc:postgresql://db:5432/props");
        assertThat(c.warehouse().poolSize()).isEqualTo(4);
        assertThat(c.engine().maxAttempts()).isEqualTo(7);
        assertThat(c.source("balldontlie").baseUrl()).isEqualTo("http://127.0.0.1:9999");
    }

    @Test
    void mistakesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "warehouse:\n  ulr: oops\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("ulr");
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("missing.yaml"), Map.of()))
                .hasMessageContaining("configuration file not found");
        assertThatThrownBy(() -> ConfigLoader.defaults(Map.of()).source("nope")).hasMessageContaining("no configuration for source 'nope'");
    }

    @Test
    void secretsComeFromTheEnvironmentFirstThenTheSecretsFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("secrets.properties");
        Files.writeString(f, "ODDS_API_KEY=from-file-1234\nBALLDONTLIE_API_KEY=file-bdl-9876\n");
        Secrets s = new Secrets(Map.of("ODDS_API_KEY", "from-env-5678"), f);
        assertThat(s.get("ODDS_API_KEY")).contains("from-env-5678");
        assertThat(s.get("BALLDONTLIE_API_KEY")).contains("file-bdl-9876");
        assertThat(s.get("MISSING")).isEmpty();
        assertThat(Secrets.mask("GET /v1?apiKey=abc&x=1 header file-bdl-9876")).isEqualTo("GET /v1?apiKey=****&x=1 header ****");
    }
}
