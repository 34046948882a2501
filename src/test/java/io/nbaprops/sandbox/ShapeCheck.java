package io.nbaprops.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the shape of a sandbox response with a real sample: every field path of the sample
 * (array elements merged under "[]") must exist in the sandbox response, and the JSON types seen
 * there (null aside: the real APIs emit nulls, so parsers already handle them) must be types the
 * sample shows at that path. For NBA.com tables (headers + rowSet) headers must be equal and each
 * column's values must have the sample column's types.
 */
public final class ShapeCheck {
    private ShapeCheck() {}

    /** Problems found; empty when the sandbox response can be read by a parser of the sample. */
    public static List<String> compare(JsonNode sample, JsonNode sandbox) {
        Map<String, Set<String>> want = new TreeMap<>();
        Map<String, Set<String>> got = new TreeMap<>();
        collect(sample, "$", want);
        collect(sandbox, "$", got);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : want.entrySet()) {
            Set<String> have = got.get(e.getKey());
            if (have == null) {
                problems.add(e.getKey() + ": missing (sample has " + e.getValue() + ")");
                continue;
            }
            Set<String> wantTypes = nonNull(e.getValue());
            Set<String> haveTypes = nonNull(have);
            if (!wantTypes.isEmpty() && haveTypes.isEmpty()) {
                problems.add(e.getKey() + ": only null in the sandbox, sample has " + wantTypes);
            } else if (!wantTypes.isEmpty() && !wantTypes.containsAll(haveTypes)) {
                problems.add(e.getKey() + ": sandbox has " + haveTypes + ", sample has " + wantTypes);
            }
        }
        compareTables(sample, sandbox, "$", problems);
        return problems;
    }

    private static Set<String> nonNull(Set<String> types) {
        Set<String> s = new TreeSet<>(types);
        s.remove("null");
        return s;
    }

    private static void collect(JsonNode node, String path, Map<String, Set<String>> out) {
        out.computeIfAbsent(path, k -> new TreeSet<>()).add(type(node));
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path + "." + f.getKey(), out);
            }
        } else if (node.isArray() && !isRowSet(path)) {
            for (JsonNode el : node) {
                collect(el, path + "[]", out);
            }
        }
    }

    private static boolean isRowSet(String path) {
        return path.endsWith(".rowSet");
    }

    private static String type(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.isArray() ? "array" : "object";
    }

    private static void compareTables(JsonNode sample, JsonNode sandbox, String path, List<String> problems) {
        if (sample.isObject() && sample.has("headers") && sample.has("rowSet")) {
            if (!sample.get("headers").equals(sandbox.get("headers"))) {
                problems.add(path + ".headers differ: " + sandbox.get("headers") + " vs " + sample.get("headers"));
                return;
            }
            int cols = sample.get("headers").size();
            for (int col = 0; col < cols; col++) {
                final int c = col;
                Set<String> want = new TreeSet<>();
                Set<String> have = new TreeSet<>();
                sample.get("rowSet").forEach(r -> want.add(type(r.get(c))));
                sandbox.get("rowSet").forEach(r -> have.add(type(r.get(c))));
                if (sandbox.get("rowSet").isEmpty()) {
                    problems.add(path + ".rowSet is empty");
                    return;
                }
                if (!nonNull(want).containsAll(nonNull(have)) || nonNull(have).isEmpty() && !nonNull(want).isEmpty()) {
                    problems.add(path + " column " + sample.get("headers").get(c).asText() + ": sandbox " + have + ", sample " + want);
                }
            }
            return;
        }
        if (sample.isObject()) {
            sample.fields().forEachRemaining(f -> {
                if (sandbox.has(f.getKey())) {
                    compareTables(f.getValue(), sandbox.get(f.getKey()), path + "." + f.getKey(), problems);
                }
            });
        } else if (sample.isArray() && sandbox.isArray() && sample.size() > 0 && sandbox.size() > 0
                && !isRowSet(path)) {
            for (int i = 0; i < Math.min(sample.size(), sandbox.size()); i++) {
                compareTables(sample.get(i), sandbox.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
