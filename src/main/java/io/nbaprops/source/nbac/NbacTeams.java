package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;

/** NBA.com team ids and tricodes to our tricodes (they are the same codes; the check catches non-NBA teams). */
final class NbacTeams {
    private NbacTeams() {}

    static String byId(JsonPayload json, JsonNode parent, String field, String path) {
        long id = json.longValue(parent, field, path);
        return Teams.byNbaId(id).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, field), "team id " + id + " is not an NBA team", null));
    }

    /** Null when the id is absent, 0 (free agent) or not an NBA team. */
    static String optById(JsonPayload json, JsonNode parent, String field, String path) {
        Long id = json.optLong(parent, field, path);
        return id == null ? null : Teams.byNbaId(id).map(Teams.Team::tricode).orElse(null);
    }

    static String tricode(JsonPayload json, JsonNode parent, String field, String path) {
        String code = json.text(parent, field, path);
        return Teams.find(code).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, field), "unknown team '" + code + "'", null));
    }

    /** Minutes as NBA.com writes them: 35 (int), "35:12", "PT35M12.00S"; null when absent (did not play). */
    static Double minutes(JsonPayload json, JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            double m = n.asDouble();
            if (!Double.isFinite(m) || m < 0 || m > 80) {
                throw json.fail(JsonPayload.join(path, field), "minutes out of range: " + n.asText(), null);
            }
            return m;
        }
        String t = json.optText(parent, field, path);
        if (t == null || t.isBlank()) {
            return null;
        }
        return clockMinutes(json, t.strip(), JsonPayload.join(path, field));
    }

    /** "35:12" or "PT35M12.00S" to decimal minutes. */
    static Double clockMinutes(JsonPayload json, String t, String path) {
        try {
            double m;
            if (t.startsWith("PT")) {
                java.time.Duration d = java.time.Duration.parse(t);
                m = d.toMillis() / 60000.0;
            } else if (t.contains(":")) {
                String[] p = t.split(":");
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                m = Integer.parseInt(p[0]) + Integer.parseInt(p[1]) / 60.0;
            } else {
                m = Double.parseDouble(t);
            }
            if (!Double.isFinite(m) || m < 0 || m > 400) {
                throw new NumberFormatException();
            }
            return m;
        } catch (RuntimeException e) {
            throw json.fail(path, "minutes not understood: \"" + JsonPayload.abbreviate(t) + "\"", e);
        }
    }
}
