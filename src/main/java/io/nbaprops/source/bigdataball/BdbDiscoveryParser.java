package io.nbaprops.source.bigdataball;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BigDataBall file-discovery result ({@code {"discovery": "completed"}} in our capture) into
 * {@code bdb_discovery}: whether the day's play-by-play files were found, per partition date.
 */
public final class BdbDiscoveryParser implements PayloadParser {
    public static final String TABLE = "bdb_discovery";

    @Override
    public String name() {
        return "bigdataball_discovery";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("check_date", ctx.partitionDate());
        r.put("status", json.text(root, "discovery", ""));
        JsonNode files = json.optArray(root, "files", "");
        r.put("files_found", files == null ? null : files.size());
        r.put("checked_at", ctx.fetchedAt());
        r.put("payload_id", ctx.payloadId());
        return new ParsedRows().add(TABLE, r);
    }
}
