package io.nbaprops.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one secrets provider. Order: the process environment, then the secrets file (KEY=value).
 * Every secret handed out is remembered so that {@link #mask(String)} can scrub it from any text
 * (URLs, error messages, logs) before that text is stored or printed.
 */
public final class Secrets {
    public static final String MASK = "****";
    /** Query parameters that carry credentials in the sources we read. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:api_?key|apikey|key|token|access_token|password|secret)=)([^&#\\s]+)");

    private final Map<String, String> env;
    private final Properties file = new Properties();
    /** Process-wide, so the log layout can scrub secrets no matter which component read them. */
    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public Secrets(Map<String, String> env, Path secretsFile) {
        this.env = env;
        if (secretsFile != null) {
            try (Reader r = Files.newBufferedReader(secretsFile)) {
                file.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read secrets file " + secretsFile + ": " + e.getMessage(), e);
            }
        }
    }

    public static Secrets of(AppConfig config, Map<String, String> env) {
        String f = config.secretsFile();
        return new Secrets(env, f == null || f.isBlank() ? null : Path.of(f));
    }

    /** The secret named {@code name}, if set (blank counts as unset). */
    public Optional<String> get(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = file.getProperty(name);
        }
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        remember(v);
        return Optional.of(v);
    }

    /** Registers a value that must never appear in stored or printed text (e.g. a test key). */
    public static void remember(String value) {
        if (value != null && value.length() >= 4) {
            HANDED_OUT.add(value);
        }
    }

    /** Replaces every known secret and every credential-looking query parameter with {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : HANDED_OUT) {
            out = out.replace(s, MASK);
        }
        Matcher m = SECRET_PARAM.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }
}
