package io.nbaprops.source.espn;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ESPN {@code site.api.espn.com/.../nba/teams/{id}/roster}: the team's athletes with status and
 * current injury (the first entry of {@code injuries}) into {@code espn_roster_api}.
 */
public final class EspnRosterApiParser implements PayloadParser {
    public static final String TABLE = "espn_roster_api";

    @Override
    public String name() {
        return "espn_roster_api";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode teamNode = json.object(root, "team", "");
        String abbr = json.text(teamNode, "abbreviation", "team");
        String team = Teams.find(abbr).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail("team.abbreviation", "unknown team \"" + JsonPayload.abbreviate(abbr) + "\"", null));
        // The roster endpoint nests athletes under team; older answers put them at the top level.
        JsonNode athletes = teamNode.has("athletes") ? json.array(teamNode, "athletes", "team") : json.array(root, "athletes", "");
        String ap = teamNode.has("athletes") ? "team.athletes" : "athletes";
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < athletes.size(); i++) {
            String p = JsonPayload.index(ap, i);
            JsonNode a = json.objectAt(athletes, i, ap);
            String name = json.optText(a, "fullName", p);
            if (name == null || name.isBlank()) {
                name = json.text(a, "displayName", p);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("team", team);
            r.put("espn_player_id", json.longValue(a, "id", p));
            r.put("as_of_date", ctx.partitionDate());
            r.put("player_name", name.strip());
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("jersey_number", json.optText(a, "jersey", p));
            JsonNode pos = json.optObject(a, "position", p);
            r.put("position", pos == null ? null : json.optText(pos, "abbreviation", p + ".position"));
            r.put("age", json.optInt(a, "age", p));
            Double height = json.optDouble(a, "height", p);
            r.put("height_inches", height == null ? null : (int) Math.round(height));
            Double weight = json.optDouble(a, "weight", p);
            r.put("weight_lbs", weight == null ? null : (int) Math.round(weight));
            JsonNode status = json.optObject(a, "status", p);
            r.put("roster_status", status == null ? null : json.optText(status, "name", p + ".status"));
            JsonNode injuries = json.optArray(a, "injuries", p);
            JsonNode injury = injuries == null || injuries.isEmpty() ? null : json.objectAt(injuries, 0, p + ".injuries");
            String ip = p + ".injuries[0]";
            r.put("injury_status", injury == null ? null : json.optText(injury, "status", ip));
            r.put("injury_date", injury == null ? null : json.optInstant(injury, "date", ip));
            JsonNode details = injury == null ? null : json.optObject(injury, "details", ip);
            r.put("injury_type", details == null ? null : json.optText(details, "type", ip + ".details"));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
