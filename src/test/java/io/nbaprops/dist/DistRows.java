package io.nbaprops.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Row sets and export files in a form that compares across DuckDB and PostgreSQL (their JDBC types differ). */
final class DistRows {
    /** Run-time stamps: when a row or file was written, not what it says. */
    static final Set<String> RUN_TIME = Set.of("created_at", "graded_at", "generated_at", "updated_at");

    private DistRows() {}

    static List<String> rows(Warehouse w, String sql, Object... args) {
        return w.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapToMap().list();
        }).stream().map(DistRows::normal).sorted().toList();
    }

    static String normal(Map<String, Object> row) {
        Map<String, Object> out = new TreeMap<>();
        row.forEach((k, v) -> {
            if (!RUN_TIME.contains(k)) {
                out.put(k, value(v));
            }
        });
        return out.toString();
    }

    private static Object value(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.temporal.Temporal t) {
            return t.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }

    /** Equal row sets, or a failure naming the first differing row (not thousands of lines of both sets). */
    static void assertSame(String what, List<String> actual, List<String> expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                throw new AssertionError(what + ": row " + i + " differs\n  expected: " + expected.get(i) + "\n  actual:   " + actual.get(i));
            }
        }
        if (actual.size() != expected.size()) {
            throw new AssertionError(what + ": " + actual.size() + " rows, expected " + expected.size());
        }
    }

    /** Every export file (relative path -> JSON without run-time stamps). */
    static Map<String, JsonNode> exports(Path dir) {
        ObjectMapper om = new ObjectMapper();
        Map<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                JsonNode n = om.readTree(f.toFile());
                strip(n);
                out.put(dir.relativize(f).toString(), n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            RUN_TIME.forEach(o::remove);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            strip(it.next());
        }
    }
}
