package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/season_averages/general?season=&season_type=&type=base}: a player's
 * season averages ({@code stats} holds ~50 keys; the ones the platform uses become columns, the
 * whole object is kept as JSON text) into {@code bdl_season_average}.
 */
public final class BdlSeasonAveragesParser extends BdlDataParser {
    public static final String TABLE = "bdl_season_average";
    private static final String[] INTS = {"gp", "w", "l", "age"};
    private static final String[] DOUBLES = {"min", "pts", "reb", "ast", "stl", "blk", "tov", "pf", "fgm", "fga", "fg_pct",
        "fg3m", "fg3a", "fg3_pct", "ftm", "fta", "ft_pct", "oreb", "dreb", "plus_minus"};

    public BdlSeasonAveragesParser() {
        super("bdl_player_averages", TABLE);
    }

    @Override
    void element(JsonPayload json, JsonNode e, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("season", json.longValue(e, "season", path));
        r.put("season_type", json.text(e, "season_type", path));
        BdlPlayers.identity(json, json.object(e, "player", path), JsonPayload.join(path, "player"), r);
        JsonNode stats = json.object(e, "stats", path);
        String sp = JsonPayload.join(path, "stats");
        for (String s : INTS) {
            Double v = json.optDouble(stats, s, sp);
            r.put("stat_" + s, v == null ? null : (int) Math.round(v));
        }
        for (String s : DOUBLES) {
            r.put("stat_" + s, json.optDouble(stats, s, sp));
        }
        r.put("stats_json", stats.toString());
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }
}
