package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NBA.com CDN {@code liveData/playbyplay/playbyplay_{gameId}.json}: every action of a game into
 * {@code nbac_play_by_play}, keyed by (game, actionNumber). The clock ("PT11M42.00S") becomes the
 * seconds left in the period; scores arrive as strings and become numbers.
 */
public final class NbacPlayByPlayParser implements PayloadParser {
    public static final String TABLE = "nbac_play_by_play";

    @Override
    public String name() {
        return "nbac_play_by_play";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode game = json.object(root, "game", "");
        String gameId = json.text(game, "gameId", "game");
        JsonNode actions = json.array(game, "actions", "game");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < actions.size(); i++) {
            String p = JsonPayload.index("game.actions", i);
            JsonNode a = json.objectAt(actions, i, "game.actions");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", gameId);
            r.put("action_number", json.longValue(a, "actionNumber", p));
            r.put("order_number", json.optLong(a, "orderNumber", p));
            r.put("period", json.optInt(a, "period", p));
            r.put("period_type", json.optText(a, "periodType", p));
            String clock = json.optText(a, "clock", p);
            r.put("clock", clock);
            r.put("seconds_left", clock == null || clock.isBlank() ? null
                    : NbacTeams.clockMinutes(json, clock.strip(), JsonPayload.join(p, "clock")) * 60.0);
            r.put("time_actual", json.optInstant(a, "timeActual", p));
            String tri = json.optText(a, "teamTricode", p);
            r.put("team", tri == null ? null : Teams.find(tri).map(Teams.Team::tricode).orElse(null));
            Long person = json.optLong(a, "personId", p);
            r.put("person_id", person == null || person == 0 ? null : person);
            r.put("player_name_i", json.optText(a, "playerNameI", p));
            r.put("action_type", json.optText(a, "actionType", p));
            r.put("sub_type", json.optText(a, "subType", p));
            r.put("descriptor", json.optText(a, "descriptor", p));
            r.put("shot_result", json.optText(a, "shotResult", p));
            r.put("is_field_goal", bool(json.optInt(a, "isFieldGoal", p)));
            r.put("shot_distance", json.optDouble(a, "shotDistance", p));
            r.put("x", json.optDouble(a, "x", p));
            r.put("y", json.optDouble(a, "y", p));
            r.put("score_home", json.optInt(a, "scoreHome", p));
            r.put("score_away", json.optInt(a, "scoreAway", p));
            r.put("points_total", json.optInt(a, "pointsTotal", p));
            r.put("assist_person_id", json.optLong(a, "assistPersonId", p));
            r.put("description", json.optText(a, "description", p));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }

    private static Boolean bool(Integer i) {
        return i == null ? null : i != 0;
    }
}
