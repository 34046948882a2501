package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.source.JsonPayload;
import java.util.Map;

/** The player object balldontlie nests everywhere: id, first and last name, bio. */
final class BdlPlayers {
    private BdlPlayers() {}

    static String name(JsonPayload json, JsonNode player, String path) {
        String first = json.optText(player, "first_name", path);
        String last = json.optText(player, "last_name", path);
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        if (name.isEmpty()) {
            throw json.fail(path, "player has no name", null);
        }
        return name;
    }

    /** Puts player_id, player_name and player_lookup. */
    static void identity(JsonPayload json, JsonNode player, String path, Map<String, Object> row) {
        String name = name(json, player, path);
        row.put("player_id", json.longValue(player, "id", path));
        row.put("player_name", name);
        row.put("player_lookup", PlayerLookup.of(name));
    }
}
