package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/teams[/{id}]} into {@code bdl_team}. The list includes defunct
 * franchises (Chicago Stags, a "WAS" Washington Capitols, a "DN" Denver Nuggets of 1949): they are
 * kept with {@code is_current = false} and no tricode, so they never pose as a current team.
 */
public final class BdlTeamsParser extends BdlDataParser {
    public static final String TABLE = "bdl_team";

    public BdlTeamsParser(String name) {
        super(name, TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode t, String path, ParseContext ctx, ParsedRows out) {
        long id = json.longValue(t, "id", path);
        Map<String, Object> r = new LinkedHashMap<>();
        String abbr = json.optText(t, "abbreviation", path);
        String conference = json.optText(t, "conference", path);
        boolean current = Teams.byBdlId(id).isPresent() && conference != null && !conference.isBlank();
        r.put("team_id", id);
        r.put("abbreviation", abbr);
        r.put("tricode", current ? Teams.byBdlId(id).get().tricode() : null);
        r.put("is_current", current);
        r.put("city", json.optText(t, "city", path));
        r.put("name", json.optText(t, "name", path));
        r.put("full_name", json.optText(t, "full_name", path));
        r.put("conference", conference == null || conference.isBlank() ? null : conference.strip());
        String division = json.optText(t, "division", path);
        r.put("division", division == null || division.isBlank() ? null : division.strip());
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
