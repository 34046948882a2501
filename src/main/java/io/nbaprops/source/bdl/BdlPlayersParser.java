package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/players}, {@code /v1/players/{id}} and {@code /v1/players/active} into
 * {@code bdl_player}; the active list also records who was active on the partition date in
 * {@code bdl_active_player} (the plain list does not say, so it never overwrites that).
 */
public final class BdlPlayersParser extends BdlDataParser {
    public static final String TABLE = "bdl_player";
    public static final String ACTIVE = "bdl_active_player";
    private final boolean active;

    private BdlPlayersParser(String name, boolean active) {
        super(name, active ? new String[] {TABLE, ACTIVE} : new String[] {TABLE});
        this.active = active;
    }

    public static BdlPlayersParser players() {
        return new BdlPlayersParser("bdl_players", false);
    }

    public static BdlPlayersParser playerDetail() {
        return new BdlPlayersParser("bdl_player_detail", false);
    }

    public static BdlPlayersParser activePlayers() {
        return new BdlPlayersParser("bdl_active_players", true);
    }

    @Override
    void element(JsonPayload json, JsonNode p, String path, ParseContext ctx, ParsedRows out) {
        Map<String, Object> r = new LinkedHashMap<>();
        BdlPlayers.identity(json, p, path, r);
        r.put("first_name", json.optText(p, "first_name", path));
        r.put("last_name", json.optText(p, "last_name", path));
        r.put("position", json.optText(p, "position", path));
        r.put("height", json.optText(p, "height", path));
        r.put("weight", json.optText(p, "weight", path));
        r.put("jersey_number", json.optText(p, "jersey_number", path));
        r.put("college", json.optText(p, "college", path));
        r.put("country", json.optText(p, "country", path));
        r.put("draft_year", json.optInt(p, "draft_year", path));
        r.put("draft_round", json.optInt(p, "draft_round", path));
        r.put("draft_number", json.optInt(p, "draft_number", path));
        JsonNode team = json.optObject(p, "team", path);
        String code = team == null ? BdlTeams.optById(json, p, "team_id", path)
                : BdlTeams.optById(json, team, "id", JsonPayload.join(path, "team"));
        r.put("team", code);
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
        if (active) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("as_of_date", ctx.partitionDate());
            a.put("player_id", r.get("player_id"));
            a.put("player_lookup", r.get("player_lookup"));
            a.put("team", code);
            a.put("payload_id", ctx.payloadId());
            out.add(ACTIVE, a);
        }
    }
}
