package io.nbaprops.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration in one documented order: the packaged {@code nbaprops.yaml} (defaults),
 * then the user's file (if any), then {@code NBAPROPS_*} environment variables for any leaf key.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "NBAPROPS_";
    private static final String DEFAULTS = "/nbaprops.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Loads defaults + {@code userFile} (may be null) + the given environment. */
    public AppConfig load(Path userFile, Map<String, String> env) {
        ObjectNode tree = readDefaults();
        if (userFile != null) {
            if (!Files.isRegularFile(userFile)) {
                throw new ConfigException("configuration file not found: " + userFile.toAbsolutePath());
            }
            merge(tree, readFile(userFile));
        }
        List<String> applied = new ArrayList<>();
        applyEnv(tree, "", env, applied);
        try {
            return yaml.treeToValue(tree, AppConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** The usual entry point: {@code --config} or NBAPROPS_CONFIG, then the process environment. */
    public static AppConfig fromEnvironment(Path explicitFile) {
        Map<String, String> env = System.getenv();
        Path file = explicitFile;
        if (file == null && env.containsKey("NBAPROPS_CONFIG") && !env.get("NBAPROPS_CONFIG").isBlank()) {
            file = Path.of(env.get("NBAPROPS_CONFIG"));
        }
        return new ConfigLoader().load(file, env);
    }

    /** Defaults only, with explicit overrides given as env-style names; for tests and tools. */
    public static AppConfig defaults(Map<String, String> overrides) {
        return new ConfigLoader().load(null, overrides);
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("packaged defaults " + DEFAULTS + " missing from the classpath");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode readFile(Path file) {
        try {
            JsonNode n = yaml.readTree(file.toFile());
            if (n == null || n.isMissingNode() || n.isNull()) {
                return yaml.createObjectNode();
            }
            if (!n.isObject()) {
                throw new ConfigException(file + ": expected a mapping at the top level");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode fo) {
                merge(eo, fo);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Every leaf (scalar) key can be overridden by NBAPROPS_PATH_TO_KEY; YAML typing applies to the value. */
    private void applyEnv(ObjectNode node, String prefix, Map<String, String> env, List<String> applied) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        it.forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> e : fields) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "_" + e.getKey();
            if (e.getValue() instanceof ObjectNode child) {
                applyEnv(child, path, env, applied);
                continue;
            }
            String var = ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('-', '_');
            String value = env.get(var);
            if (value != null) {
                node.set(e.getKey(), scalar(value));
                applied.add(var);
            }
        }
    }

    private JsonNode scalar(String value) {
        try {
            JsonNode n = yaml.readTree(value);
            return n == null || n.isMissingNode() ? TextNode.valueOf(value) : n;
        } catch (IOException e) {
            return TextNode.valueOf(value);
        }
    }
}
