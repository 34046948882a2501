package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * stats.nba.com {@code playerindex}: every player of a season with team, position and draft, into
 * {@code nbac_player}. NBA.com's names are the reference spelling for {@link PlayerLookup}.
 */
public final class NbacPlayerIndexParser implements PayloadParser {
    public static final String TABLE = "nbac_player";

    @Override
    public String name() {
        return "nbac_player_list";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        ResultSets.Table idx = ResultSets.of(json, root).require("PlayerIndex");
        idx.requireColumns("PERSON_ID", "PLAYER_FIRST_NAME", "PLAYER_LAST_NAME");
        JsonNode params = root.get("parameters");
        String season = params != null && params.isObject() ? json.optText(params, "Season", "parameters") : null;
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < idx.size(); i++) {
            ResultSets.Row row = idx.row(i);
            JsonNode c = row.cells();
            String p = row.path();
            String first = json.optText(c, "PLAYER_FIRST_NAME", p);
            String last = json.optText(c, "PLAYER_LAST_NAME", p);
            String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
            if (name.isEmpty()) {
                throw json.fail(p, "player has no name", null);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("player_id", json.longValue(c, "PERSON_ID", p));
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("first_name", first);
            r.put("last_name", last);
            r.put("player_slug", json.optText(c, "PLAYER_SLUG", p));
            r.put("team", NbacTeams.optById(json, c, "TEAM_ID", p));
            r.put("jersey_number", json.optText(c, "JERSEY_NUMBER", p));
            r.put("position", json.optText(c, "POSITION", p));
            r.put("height", json.optText(c, "HEIGHT", p));
            r.put("weight", json.optText(c, "WEIGHT", p));
            r.put("college", json.optText(c, "COLLEGE", p));
            r.put("country", json.optText(c, "COUNTRY", p));
            r.put("draft_year", json.optInt(c, "DRAFT_YEAR", p));
            r.put("draft_round", json.optInt(c, "DRAFT_ROUND", p));
            r.put("draft_number", json.optInt(c, "DRAFT_NUMBER", p));
            Double status = json.optDouble(c, "ROSTER_STATUS", p);
            r.put("on_roster", status == null ? null : status > 0);
            r.put("from_year", json.optText(c, "FROM_YEAR", p));
            r.put("to_year", json.optText(c, "TO_YEAR", p));
            r.put("season", season);
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
