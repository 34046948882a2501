package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stats.nba.com table shape: {@code resultSets: [{name, headers: [...], rowSet: [[...], ...]}]}.
 * Cells are read by header name, so a reordered or renamed column fails with its name and row.
 */
final class ResultSets {
    private final JsonPayload json;
    private final Map<String, Table> byName = new LinkedHashMap<>();

    private ResultSets(JsonPayload json) {
        this.json = json;
    }

    static ResultSets of(JsonPayload json, JsonNode root) {
        json.requireObject(root, "");
        ResultSets rs = new ResultSets(json);
        JsonNode sets = root.get("resultSets");
        String key = "resultSets";
        if (sets == null || sets.isNull()) {
            // Some endpoints name the field in the singular.
            sets = root.get("resultSet");
            key = "resultSet";
        }
        if (sets == null || sets.isNull()) {
            throw json.fail("resultSets", "missing array (an empty {} answer happens when stats.nba.com is overloaded)", null);
        }
        if (sets.isObject()) {
            rs.add(sets, key);
        } else if (sets.isArray()) {
            for (int i = 0; i < sets.size(); i++) {
                rs.add(json.objectAt(sets, i, key), JsonPayload.index(key, i));
            }
        } else {
            throw json.fail(key, "expected an array but found " + sets.getNodeType(), null);
        }
        return rs;
    }

    private void add(JsonNode set, String path) {
        String name = json.text(set, "name", path);
        JsonNode headers = json.array(set, "headers", path);
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            JsonNode h = headers.get(i);
            if (h == null || !h.isTextual()) {
                throw json.fail(JsonPayload.index(JsonPayload.join(path, "headers"), i), "expected a column name", null);
            }
            cols.add(h.asText());
        }
        JsonNode rows = json.array(set, "rowSet", path);
        byName.put(name, new Table(json, name, path + "(" + name + ")", cols, rows));
    }

    Table require(String name) {
        Table t = byName.get(name);
        if (t == null) {
            throw json.fail("resultSets", "no result set named " + name + " (found " + byName.keySet() + ")", null);
        }
        return t;
    }

    Table optional(String name) {
        return byName.get(name);
    }

    /** One result set: rows addressed by index, cells by header name. */
    static final class Table {
        private final JsonPayload json;
        private final String name;
        private final String path;
        private final List<String> headers;
        private final JsonNode rows;

        Table(JsonPayload json, String name, String path, List<String> headers, JsonNode rows) {
            this.json = json;
            this.name = name;
            this.path = path;
            this.headers = headers;
            this.rows = rows;
        }

        String name() {
            return name;
        }

        int size() {
            return rows.size();
        }

        void requireColumns(String... cols) {
            for (String c : cols) {
                if (!headers.contains(c)) {
                    throw json.fail(path + ".headers", "missing column " + c + " (columns: " + headers + ")", null);
                }
            }
        }

        /** The row as a JSON object keyed by header, so JsonPayload's typed accessors apply. */
        Row row(int i) {
            String p = JsonPayload.index(path + ".rowSet", i);
            JsonNode r = rows.get(i);
            if (r == null || !r.isArray()) {
                throw json.fail(p, "expected a row array but found " + (r == null ? "nothing" : r.getNodeType()), null);
            }
            if (r.size() != headers.size()) {
                throw json.fail(p, "row has " + r.size() + " cells but there are " + headers.size() + " headers", null);
            }
            com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < headers.size(); c++) {
                o.set(headers.get(c), r.get(c));
            }
            return new Row(o, p);
        }
    }

    record Row(JsonNode cells, String path) {}
}
