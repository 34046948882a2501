package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/player_injuries}: the current injury list, kept per partition date in
 * {@code bdl_injury} (the list has no date of its own; the date we saw it is what matters).
 */
public final class BdlInjuriesParser extends BdlDataParser {
    public static final String TABLE = "bdl_injury";

    public BdlInjuriesParser() {
        super("bdl_injuries", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        JsonNode player = json.object(e, "player", path);
        String pp = JsonPayload.join(path, "player");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("as_of_date", ctx.partitionDate());
        BdlPlayers.identity(json, player, pp, r);
        r.put("team", BdlTeams.optById(json, player, "team_id", pp));
        r.put("status", json.text(e, "status", path));
        r.put("return_date_text", json.optText(e, "return_date", path));
        r.put("description", json.optText(e, "description", path));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
