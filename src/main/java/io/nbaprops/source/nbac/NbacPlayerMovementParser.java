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
 * NBA.com {@code playermovement/NBA_Player_Movement.json}: trades, signings and waivers into
 * {@code nbac_player_movement}. A trade lists one row per player and receiving team, with the
 * sending team in Additional_Sort; (GroupSort, player, team, Additional_Sort) is unique.
 */
public final class NbacPlayerMovementParser implements PayloadParser {
    public static final String TABLE = "nbac_player_movement";

    @Override
    public String name() {
        return "nbac_player_movement";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode rows = json.array(json.object(root, "NBA_Player_Movement", ""), "rows", "NBA_Player_Movement");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < rows.size(); i++) {
            String p = JsonPayload.index("NBA_Player_Movement.rows", i);
            JsonNode m = json.objectAt(rows, i, "NBA_Player_Movement.rows");
            String slug = json.optText(m, "PLAYER_SLUG", p);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("group_sort", json.text(m, "GroupSort", p));
            r.put("player_id", json.longValue(m, "PLAYER_ID", p));
            r.put("team_id", json.longValue(m, "TEAM_ID", p));
            r.put("additional_sort", json.longValue(m, "Additional_Sort", p));
            r.put("transaction_type", json.text(m, "Transaction_Type", p));
            r.put("transaction_date", json.optDate(m, "TRANSACTION_DATE", p));
            r.put("description", json.optText(m, "TRANSACTION_DESCRIPTION", p));
            r.put("team", NbacTeams.optById(json, m, "TEAM_ID", p));
            r.put("other_team", NbacTeams.optById(json, m, "Additional_Sort", p));
            r.put("player_slug", slug);
            // The feed has no name field; the slug ("cole-anthony") is the name in lower case.
            r.put("player_lookup", slug == null || slug.isBlank() ? null : PlayerLookup.of(slug.replace('-', ' ')));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
