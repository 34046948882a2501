package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** balldontlie {@code GET /v1/games} (and {@code /v1/games/{id}}) into {@code bdl_game}. */
public final class BdlGamesParser implements PayloadParser {
    public static final String TABLE = "bdl_game";

    @Override
    public String name() {
        return "bdl_games";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        ParsedRows out = new ParsedRows().table(TABLE);
        JsonNode data = json.array(root, "data", "");
        for (int i = 0; i < data.size(); i++) {
            String path = JsonPayload.index("data", i);
            out.add(TABLE, game(json, data.get(i), path, ctx));
        }
        return out;
    }

    static Map<String, Object> game(JsonPayload json, JsonNode g, String path, ParseContext ctx) {
        json.requireObject(g, path);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("game_id", json.longValue(g, "id", path));
        r.put("game_date", date(json, g, path));
        r.put("season", json.optInt(g, "season", path));
        r.put("status", json.optText(g, "status", path));
        r.put("period", json.optInt(g, "period", path));
        r.put("postseason", json.optBool(g, "postseason", path));
        r.put("home_team", BdlTeams.tricode(json, json.object(g, "home_team", path), JsonPayload.join(path, "home_team")));
        r.put("away_team", BdlTeams.tricode(json, json.object(g, "visitor_team", path), JsonPayload.join(path, "visitor_team")));
        r.put("home_score", json.optInt(g, "home_team_score", path));
        r.put("away_score", json.optInt(g, "visitor_team_score", path));
        String dt = json.optText(g, "datetime", path);
        Instant tip = null;
        if (dt != null && !dt.isBlank()) {
            try {
                tip = Instant.parse(dt);
            } catch (DateTimeParseException e) {
                throw json.fail(JsonPayload.join(path, "datetime"), "not an ISO instant: \"" + dt + "\"", e);
            }
        }
        r.put("tip_off", tip);
        r.put("payload_id", ctx.payloadId());
        return r;
    }

    static LocalDate date(JsonPayload json, JsonNode g, String path) {
        String d = json.text(g, "date", path);
        try {
            // Older payloads carry "2024-01-15T00:00:00.000Z"; the date part is the US game date.
            return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
        } catch (DateTimeParseException e) {
            throw json.fail(JsonPayload.join(path, "date"), "not a date: \"" + d + "\"", e);
        }
    }
}
