package io.nbaprops.source.espn;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ESPN {@code site.api.espn.com/apis/site/v2/sports/basketball/nba/scoreboard?dates=}: a day's games
 * into {@code espn_scoreboard_game}. ESPN's abbreviations (GS, NY, SA, NO, UTAH, WSH) are mapped to
 * tricodes; an exhibition with non-NBA teams is skipped and reported. The same payload also serves
 * as the "core game ids" list of a day (source name {@code nbac_game_ids_core}).
 */
public final class EspnScoreboardParser implements PayloadParser {
    public static final String TABLE = "espn_scoreboard_game";
    private final String name;

    public EspnScoreboardParser(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode events = json.array(root, "events", "");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < events.size(); i++) {
            String p = JsonPayload.index("events", i);
            JsonNode e = json.objectAt(events, i, "events");
            String id = json.text(e, "id", p);
            Instant tip = json.instant(e, "date", p);
            JsonNode comps = json.array(e, "competitions", p);
            if (comps.isEmpty()) {
                throw json.fail(p + ".competitions", "no competition", null);
            }
            String cp = JsonPayload.index(p + ".competitions", 0);
            JsonNode comp = json.objectAt(comps, 0, p + ".competitions");
            JsonNode competitors = json.array(comp, "competitors", cp);
            String home = null;
            String away = null;
            Integer homeScore = null;
            Integer awayScore = null;
            boolean unknownTeam = false;
            for (int c = 0; c < competitors.size(); c++) {
                String tp = JsonPayload.index(cp + ".competitors", c);
                JsonNode team = json.objectAt(competitors, c, cp + ".competitors");
                String abbr = json.text(json.object(team, "team", tp), "abbreviation", tp + ".team");
                String code = Teams.find(abbr).map(Teams.Team::tricode).orElse(null);
                unknownTeam |= code == null;
                Integer score = json.optInt(team, "score", tp);
                String side = json.text(team, "homeAway", tp);
                if (side.equals("home")) {
                    home = code;
                    homeScore = score;
                } else if (side.equals("away")) {
                    away = code;
                    awayScore = score;
                } else {
                    throw json.fail(tp + ".homeAway", "expected home or away but found \"" + JsonPayload.abbreviate(side) + "\"",
                            null);
                }
            }
            if (unknownTeam) {
                out.skip("event " + id + " (" + json.optText(e, "shortName", p) + "): not between two NBA teams");
                continue;
            }
            if (home == null || away == null) {
                throw json.fail(cp + ".competitors", "needs one home and one away team", null);
            }
            JsonNode status = json.optObject(e, "status", p);
            JsonNode type = status == null ? null : json.optObject(status, "type", p + ".status");
            String state = type == null ? null : json.optText(type, "state", p + ".status.type");
            boolean started = state != null && !state.equals("pre");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("espn_game_id", id);
            r.put("game_date", GameKey.easternDate(tip));
            r.put("game_key", GameKey.of(tip, away, home));
            r.put("tip_off", tip);
            r.put("home_team", home);
            r.put("away_team", away);
            r.put("home_score", started ? homeScore : null);
            r.put("away_score", started ? awayScore : null);
            r.put("status", type == null ? null : json.optText(type, "name", p + ".status.type"));
            r.put("state", state);
            r.put("completed", type == null ? null : json.optBool(type, "completed", p + ".status.type"));
            r.put("period", status == null ? null : json.optInt(status, "period", p + ".status"));
            JsonNode season = json.optObject(e, "season", p);
            r.put("season_year", season == null ? null : json.optInt(season, "year", p + ".season"));
            r.put("season_type", season == null ? null : json.optInt(season, "type", p + ".season"));
            r.put("attendance", json.optInt(comp, "attendance", cp));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
