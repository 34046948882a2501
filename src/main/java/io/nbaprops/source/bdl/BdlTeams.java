package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;

/** balldontlie team objects to tricodes (its abbreviations are NBA.com's, with historical ones mapped). */
final class BdlTeams {
    private BdlTeams() {}

    static String tricode(JsonPayload json, JsonNode team, String path) {
        String abbr = json.text(team, "abbreviation", path);
        return Teams.find(abbr).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, "abbreviation"), "unknown team abbreviation '" + abbr + "'", null));
    }
}
