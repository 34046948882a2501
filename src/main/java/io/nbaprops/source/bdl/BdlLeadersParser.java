package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/** balldontlie {@code GET /v1/leaders?stat_type=&season=}: value is the per-game average, into {@code bdl_leader}. */
public final class BdlLeadersParser extends BdlDataParser {
    public static final String TABLE = "bdl_leader";

    public BdlLeadersParser(String name) {
        super(name, TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        JsonNode player = json.object(e, "player", path);
        r.put("season", json.longValue(e, "season", path));
        r.put("stat_type", json.text(e, "stat_type", path));
        BdlPlayers.identity(json, player, JsonPayload.join(path, "player"), r);
        r.put("team", BdlTeams.optById(json, player, "team_id", JsonPayload.join(path, "player")));
        r.put("stat_rank", json.optInt(e, "rank", path));
        r.put("stat_value", json.optDouble(e, "value", path));
        r.put("games_played", json.optInt(e, "games_played", path));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
