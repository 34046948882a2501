package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/** balldontlie {@code GET /v1/standings?season=} into {@code bdl_standing}. */
public final class BdlStandingsParser extends BdlDataParser {
    public static final String TABLE = "bdl_standing";

    public BdlStandingsParser() {
        super("bdl_standings", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        JsonNode team = json.object(e, "team", path);
        r.put("season", json.longValue(e, "season", path));
        r.put("team", BdlTeams.tricode(json, team, JsonPayload.join(path, "team")));
        r.put("conference", json.optText(team, "conference", JsonPayload.join(path, "team")));
        r.put("division", json.optText(team, "division", JsonPayload.join(path, "team")));
        r.put("wins", json.optInt(e, "wins", path));
        r.put("losses", json.optInt(e, "losses", path));
        r.put("conference_rank", json.optInt(e, "conference_rank", path));
        r.put("division_rank", json.optInt(e, "division_rank", path));
        r.put("conference_record", json.optText(e, "conference_record", path));
        r.put("division_record", json.optText(e, "division_record", path));
        r.put("home_record", json.optText(e, "home_record", path));
        r.put("road_record", json.optText(e, "road_record", path));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
