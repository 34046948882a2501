package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** balldontlie {@code GET /v1/stats}: one player's line in one game per element, into {@code bdl_player_stat}. */
public final class BdlPlayerStatsParser extends BdlDataParser {
    public static final String TABLE = "bdl_player_stat";

    public BdlPlayerStatsParser() {
        super("bdl_player_box_scores", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        GameRef game = GameRef.of(json, json.object(e, "game", path), JsonPayload.join(path, "game"));
        String team = BdlTeams.tricode(json, json.object(e, "team", path), JsonPayload.join(path, "team"));
        r.put("game_id", game.id());
        r.put("game_date", game.date());
        r.put("game_key", game.key());
        r.put("season", game.season());
        r.put("postseason", game.postseason());
        r.put("stat_id", json.optLong(e, "id", path));
        BdlPlayers.identity(json, json.object(e, "player", path), JsonPayload.join(path, "player"), r);
        r.put("team", team);
        r.put("opponent", team.equals(game.home()) ? game.away() : game.home());
        r.put("is_home", team.equals(game.home()));
        String min = json.optText(e, "min", path);
        r.put("minutes_text", min);
        r.put("minutes", BdlBoxScoresParser.minutes(json, min, JsonPayload.join(path, "min")));
        for (String c : BdlBoxScoresParser.COUNTS) {
            r.put(c, json.optInt(e, c, path));
        }
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }

    /** The compact game object of /v1/stats and /v1/stats/advanced (team ids, not team objects). */
    record GameRef(long id, LocalDate date, String home, String away, String key, Integer season, Boolean postseason) {
        static GameRef of(JsonPayload json, JsonNode g, String path) {
            LocalDate date = BdlGamesParser.date(json, g, path);
            String home = BdlTeams.byId(json, json.longValue(g, "home_team_id", path), JsonPayload.join(path, "home_team_id"));
            String away = BdlTeams.byId(json, json.longValue(g, "visitor_team_id", path),
                    JsonPayload.join(path, "visitor_team_id"));
            return new GameRef(json.longValue(g, "id", path), date, home, away, GameKey.of(date, away, home),
                    json.optInt(g, "season", path), json.optBool(g, "postseason", path));
        }
    }
}
