package io.nbaprops.testing;

import io.nbaprops.config.AppConfig;
import io.nbaprops.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configuration for tests: everything under a temp folder, small backoffs, sources pointed at a local server. */
public final class TestPlatform {
    private TestPlatform() {}

    public static Map<String, String> env(Path dir, String sourceBaseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("NBAPROPS_WAREHOUSE_URL", "jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
        env.put("NBAPROPS_ARCHIVE_DIR", dir.resolve("raw").toString());
        env.put("NBAPROPS_EXPORTS_DIR", dir.resolve("exports").toString());
        env.put("NBAPROPS_ENGINE_INITIAL_BACKOFF_MS", "5");
        env.put("NBAPROPS_ENGINE_MAX_BACKOFF_MS", "20");
        env.put("NBAPROPS_ENGINE_HEARTBEAT_SECONDS", "1");
        for (String s : new String[] {"BALLDONTLIE", "ODDS_API", "NBA_STATS", "NBA_CDN", "ESPN", "BETTINGPROS",
            "BASKETBALL_REFERENCE", "BIGDATABALL"}) {
            if (sourceBaseUrl != null) {
                env.put("NBAPROPS_SOURCES_" + s + "_BASE_URL", sourceBaseUrl);
            }
            env.put("NBAPROPS_SOURCES_" + s + "_INITIAL_BACKOFF_MS", "5");
            env.put("NBAPROPS_SOURCES_" + s + "_MAX_BACKOFF_MS", "20");
            env.put("NBAPROPS_SOURCES_" + s + "_REQUESTS_PER_MINUTE", "60000");
            env.put("NBAPROPS_SOURCES_" + s + "_TIMEOUT_MS", "5000");
        }
        env.put("BALLDONTLIE_API_KEY", "test-bdl-key-123");
        env.put("ODDS_API_KEY", "test-odds-key-456");
        return env;
    }

    public static AppConfig config(Map<String, String> env) {
        return new ConfigLoader().load(null, env);
    }
}
