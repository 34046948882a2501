package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/games} (a page of games, {@code data: [...]}) and {@code GET
 * /v1/games/{id}} ({@code data: {...}}) into {@code bdl_game}.
 */
public final class BdlGamesParser implements PayloadParser {
    public static final String TABLE = "bdl_game";
    private final String name;

    public BdlGamesParser() {
        this("bdl_games");
    }

    /** @param name bdl_games (list) or bdl_game_detail (one game); both shapes are accepted by either */
    public BdlGamesParser(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        ParsedRows out = new ParsedRows().table(TABLE);
        JsonNode data = root.get("data");
        if (data != null && data.isObject()) {
            out.add(TABLE, game(json, data, "data", ctx));
            return out;
        }
        data = json.array(root, "data", "");
        for (int i = 0; i < data.size(); i++) {
            out.add(TABLE, game(json, json.objectAt(data, i, "data"), JsonPayload.index("data", i), ctx));
        }
        return out;
    }

    static Map<String, Object> game(JsonPayload json, JsonNode g, String path, ParseContext ctx) {
        json.requireObject(g, path);
        Map<String, Object> r = new LinkedHashMap<>();
        LocalDate date = date(json, g, path);
        String home = BdlTeams.tricode(json, json.object(g, "home_team", path), JsonPayload.join(path, "home_team"));
        String away = BdlTeams.tricode(json, json.object(g, "visitor_team", path), JsonPayload.join(path, "visitor_team"));
        r.put("game_id", json.longValue(g, "id", path));
        r.put("game_date", date);
        r.put("game_key", GameKey.of(date, away, home));
        r.put("season", json.optInt(g, "season", path));
        r.put("status", json.optText(g, "status", path));
        r.put("period", json.optInt(g, "period", path));
        r.put("postseason", json.optBool(g, "postseason", path));
        r.put("home_team", home);
        r.put("away_team", away);
        r.put("home_score", json.optInt(g, "home_team_score", path));
        r.put("away_score", json.optInt(g, "visitor_team_score", path));
        Instant tip = json.optInstant(g, "datetime", path);
        r.put("tip_off", tip);
        r.put("payload_id", ctx.payloadId());
        return r;
    }

    /** The game's US date; older payloads carry "2024-01-15T00:00:00.000Z", whose date part is that date. */
    static LocalDate date(JsonPayload json, JsonNode g, String path) {
        LocalDate d = json.optDate(g, "date", path);
        if (d == null) {
            throw json.fail(JsonPayload.join(path, "date"), "missing date", null);
        }
        return d;
    }
}
