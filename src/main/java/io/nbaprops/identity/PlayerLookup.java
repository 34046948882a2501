package io.nbaprops.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cross-source player key: the name folded to lower-case ASCII letters, accents and
 * punctuation removed, generational suffixes dropped ("Jaren Jackson Jr." and "Jaren Jackson" are
 * both {@code jarenjackson}; "Nikola Jokić" is {@code nikolajokic}), then known aliases mapped to
 * the NBA.com spelling ("Nicolas Claxton" and "Nic Claxton" are both {@code nicclaxton}). The
 * aliases live in the committed resource {@code player_aliases.csv}. Ids join where a source has them.
 */
public final class PlayerLookup {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SUFFIX = Pattern.compile("(?i)[\\s,]+(jr|sr|ii|iii|iv|v)\\.?$");
    private static final String ALIASES = "/io/nbaprops/identity/player_aliases.csv";
    private static final Map<String, String> ALIAS_TO_CANONICAL = loadAliases();

    private PlayerLookup() {}

    /** The lookup key of a display name (aliases applied); null for null, "" for a name without letters. */
    public static String of(String name) {
        String key = normalise(name);
        return key == null ? null : ALIAS_TO_CANONICAL.getOrDefault(key, key);
    }

    public static String of(String first, String last) {
        return of((first == null ? "" : first) + " " + (last == null ? "" : last));
    }

    /** "Last, First" (the injury report's and game book's order) to "First Last"; other text unchanged. */
    public static String fromLastFirst(String lastFirst) {
        if (lastFirst == null) {
            return null;
        }
        int comma = lastFirst.indexOf(',');
        if (comma < 0) {
            return lastFirst.strip();
        }
        String last = lastFirst.substring(0, comma).strip();
        String first = lastFirst.substring(comma + 1).strip();
        return (first + " " + last).strip();
    }

    /** The known aliases, alias key to canonical key (read-only). */
    public static Map<String, String> aliases() {
        return Collections.unmodifiableMap(ALIAS_TO_CANONICAL);
    }

    /** The name folded to the key without alias mapping. */
    static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        // Letters that do not decompose into ASCII + mark.
        s = s.replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ı", "i");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        String prev;
        do {
            prev = s;
            s = SUFFIX.matcher(s).replaceAll("").strip();
        } while (!s.equals(prev));
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, String> loadAliases() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = PlayerLookup.class.getResourceAsStream(ALIASES)) {
            if (in == null) {
                throw new IllegalStateException("player alias resource " + ALIASES + " missing from the classpath");
            }
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser p = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), fmt)) {
                for (CSVRecord r : p) {
                    String alias = normalise(r.get("alias"));
                    String canonical = normalise(r.get("canonical"));
                    if (alias.isEmpty() || canonical.isEmpty()) {
                        throw new IllegalStateException(ALIASES + " line " + r.getRecordNumber() + ": empty name");
                    }
                    if (!alias.equals(canonical) && m.put(alias, canonical) != null) {
                        throw new IllegalStateException(ALIASES + " line " + r.getRecordNumber() + ": alias '"
                                + r.get("alias") + "' listed twice");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ALIASES, e);
        }
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (m.containsKey(e.getValue())) {
                throw new IllegalStateException(ALIASES + ": canonical '" + e.getValue() + "' is itself an alias");
            }
        }
        return m;
    }
}
