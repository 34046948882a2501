package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/** balldontlie {@code GET /v1/stats/advanced}: per-player advanced game stats, into {@code bdl_advanced_stat}. */
public final class BdlAdvancedStatsParser extends BdlDataParser {
    public static final String TABLE = "bdl_advanced_stat";
    private static final String[] STATS = {"pie", "pace", "assist_percentage", "assist_ratio", "assist_to_turnover",
        "defensive_rating", "defensive_rebound_percentage", "effective_field_goal_percentage", "net_rating",
        "offensive_rating", "offensive_rebound_percentage", "rebound_percentage", "true_shooting_percentage",
        "turnover_ratio", "usage_percentage"};

    public BdlAdvancedStatsParser() {
        super("bdl_game_adv_stats", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        var game = BdlPlayerStatsParser.GameRef.of(json, json.object(e, "game", path), JsonPayload.join(path, "game"));
        String team = BdlTeams.tricode(json, json.object(e, "team", path), JsonPayload.join(path, "team"));
        r.put("game_id", game.id());
        r.put("game_date", game.date());
        r.put("game_key", game.key());
        r.put("stat_id", json.optLong(e, "id", path));
        BdlPlayers.identity(json, json.object(e, "player", path), JsonPayload.join(path, "player"), r);
        r.put("team", team);
        r.put("is_home", team.equals(game.home()));
        for (String s : STATS) {
            r.put(s, json.optDouble(e, s, path));
        }
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
