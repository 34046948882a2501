package io.nbaprops.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.testing.Samples;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Parsing a real sample with its source's parser, and finding rows by their values. */
public final class SampleParse {
    private SampleParse() {}

    public static ParsedRows parse(String source, String folder, String file) {
        return Parsers.get(source).parse(Samples.read(folder, file), ParseContext.ofFile(source, file));
    }

    /** The folder's own parser (source name = folder name). */
    public static ParsedRows parse(String folder, String file) {
        return parse(folder, folder, file);
    }

    /** The one row of {@code table} whose columns have the given values (alternating name, value). */
    public static Map<String, Object> row(ParsedRows rows, String table, Object... match) {
        List<Map<String, Object>> found = rows.rows(table).stream().filter(r -> matches(r, match)).toList();
        assertThat(found).as("rows of %s matching %s", table, List.of(match)).hasSize(1);
        return found.get(0);
    }

    public static List<Map<String, Object>> rows(ParsedRows rows, String table, Object... match) {
        return rows.rows(table).stream().filter(r -> matches(r, match)).toList();
    }

    private static boolean matches(Map<String, Object> r, Object... match) {
        for (int i = 0; i < match.length; i += 2) {
            if (!Objects.equals(r.get((String) match[i]), match[i + 1])) {
                return false;
            }
        }
        return true;
    }
}
