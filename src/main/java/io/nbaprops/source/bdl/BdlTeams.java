package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;

/**
 * balldontlie team objects and ids to tricodes. Its ids 1..30 are the current franchises; higher
 * ids are defunct ones whose abbreviations collide with current teams (the Washington Capitols are
 * "WAS"), so the id decides when present and the abbreviation only confirms.
 */
final class BdlTeams {
    private BdlTeams() {}

    /** The tricode of a current team object; a defunct or unknown team is a ParseException. */
    static String tricode(JsonPayload json, JsonNode team, String path) {
        Long id = json.optLong(team, "id", path);
        if (id != null) {
            return byId(json, id, JsonPayload.join(path, "id"));
        }
        String abbr = json.text(team, "abbreviation", path);
        return Teams.find(abbr).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, "abbreviation"), "unknown team abbreviation '" + abbr + "'", null));
    }

    static String byId(JsonPayload json, long id, String path) {
        return Teams.byBdlId(id).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(path, "team id " + id + " is not a current NBA team", null));
    }

    /** The tricode for an optional team id field; null when absent or a defunct franchise. */
    static String optById(JsonPayload json, JsonNode parent, String field, String path) {
        Long id = json.optLong(parent, field, path);
        return id == null ? null : Teams.byBdlId(id).map(Teams.Team::tricode).orElse(null);
    }
}
