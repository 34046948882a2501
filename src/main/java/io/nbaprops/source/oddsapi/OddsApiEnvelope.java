package io.nbaprops.source.oddsapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import java.time.Instant;

/**
 * The Odds API answers in two shapes: live endpoints return the data itself, historical ones wrap
 * it as {@code {timestamp, previous_timestamp, next_timestamp, data}}, where {@code timestamp} is
 * the snapshot the odds are from. An error is {@code {"message": "..."}}.
 */
record OddsApiEnvelope(JsonNode data, String dataPath, Instant snapshot) {

    static OddsApiEnvelope of(JsonPayload json, JsonNode root) {
        if (root.isObject() && root.has("message") && !root.has("data") && !root.has("id")) {
            throw json.fail("message", "The Odds API answered with an error: "
                    + JsonPayload.abbreviate(root.get("message").asText()), null);
        }
        if (root.isObject() && root.has("timestamp") && root.has("data")) {
            return new OddsApiEnvelope(root.get("data"), "data", json.instant(root, "timestamp", ""));
        }
        return new OddsApiEnvelope(root, "", null);
    }

    /** A full team name ("Golden State Warriors") to its tricode; a ParseException names the field otherwise. */
    static String team(JsonPayload json, JsonNode event, String field, String path) {
        String name = json.text(event, field, path);
        return Teams.find(name).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, field), "unknown team \"" + JsonPayload.abbreviate(name) + "\"",
                        null));
    }
}
