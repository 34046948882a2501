package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;

/**
 * The common balldontlie envelope: {@code {"data": [...], "meta": {...}}} (or {@code "data": {...}}
 * for a detail endpoint). Subclasses turn one element of {@code data} into rows.
 */
abstract class BdlDataParser implements PayloadParser {
    private final String name;
    private final String[] tables;

    BdlDataParser(String name, String... tables) {
        this.name = name;
        this.tables = tables;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        ParsedRows out = new ParsedRows();
        for (String t : tables) {
            out.table(t);
        }
        JsonNode data = root.get("data");
        if (data != null && data.isObject()) {
            element(json, data, "data", ctx, out);
            return out;
        }
        data = json.array(root, "data", "");
        for (int i = 0; i < data.size(); i++) {
            element(json, json.objectAt(data, i, "data"), JsonPayload.index("data", i), ctx, out);
        }
        return out;
    }

    abstract void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out);
}
