package io.nbaprops.source.bettingpros;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BettingPros {@code GET /v3/events?sport=NBA&date=}: a day's events into {@code bp_event} (the
 * event id its offers refer to, with our game key) and the confirmed lineups into
 * {@code bp_event_lineup}. {@code scheduled} is UTC. A lineup player's own "team" is his team today,
 * not on the game day, so the lineup side (home/away) decides his team for the game.
 */
public final class BpEventsParser implements PayloadParser {
    public static final String EVENTS = "bp_event";
    public static final String LINEUPS = "bp_event_lineup";

    @Override
    public String name() {
        return "bp_events";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        JsonNode events = json.array(root, "events", "");
        ParsedRows out = new ParsedRows().table(EVENTS).table(LINEUPS);
        for (int i = 0; i < events.size(); i++) {
            String p = JsonPayload.index("events", i);
            JsonNode e = json.objectAt(events, i, "events");
            long id = json.longValue(e, "id", p);
            Instant tip = json.instant(e, "scheduled", p);
            String home = team(json, e, "home", p);
            String away = team(json, e, "visitor", p);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("event_id", id);
            r.put("game_date", GameKey.easternDate(tip));
            r.put("game_key", GameKey.of(tip, away, home));
            r.put("tip_off", tip);
            r.put("home_team", home);
            r.put("away_team", away);
            r.put("status", json.optText(e, "status", p));
            r.put("season", json.optInt(e, "season", p));
            r.put("season_type", json.optText(e, "season_type", p));
            Integer[] scores = scores(json, e, p, home, away);
            r.put("home_score", scores[0]);
            r.put("away_score", scores[1]);
            r.put("payload_id", ctx.payloadId());
            out.add(EVENTS, r);
            JsonNode lineups = json.optObject(e, "lineups", p);
            if (lineups != null) {
                lineup(json, lineups, "home_lineup", p + ".lineups", id, home, ctx, out);
                lineup(json, lineups, "away_lineup", p + ".lineups", id, away, ctx, out);
            }
        }
        return out;
    }

    private static String team(JsonPayload json, JsonNode e, String field, String path) {
        String code = json.text(e, field, path);
        return Teams.find(code).map(Teams.Team::tricode)
                .orElseThrow(() -> json.fail(JsonPayload.join(path, field), "unknown team \"" + JsonPayload.abbreviate(code) + "\"",
                        null));
    }

    /** Final scores from results.outcomes[label=event].scores; nulls before the game ends. */
    private static Integer[] scores(JsonPayload json, JsonNode e, String path, String home, String away) {
        Integer[] s = new Integer[2];
        JsonNode results = json.optObject(e, "results", path);
        JsonNode outcomes = results == null ? null : json.optArray(results, "outcomes", path + ".results");
        if (outcomes == null) {
            return s;
        }
        for (int o = 0; o < outcomes.size(); o++) {
            String op = JsonPayload.index(path + ".results.outcomes", o);
            JsonNode oc = json.objectAt(outcomes, o, path + ".results.outcomes");
            if (!"event".equals(json.optText(oc, "label", op))) {
                continue;
            }
            JsonNode scores = json.array(oc, "scores", op);
            for (int k = 0; k < scores.size(); k++) {
                String sp = JsonPayload.index(op + ".scores", k);
                JsonNode sc = json.objectAt(scores, k, op + ".scores");
                String t = Teams.find(json.text(sc, "participant", sp)).map(Teams.Team::tricode).orElse(null);
                Integer v = json.optInt(sc, "score", sp);
                if (home.equals(t)) {
                    s[0] = v;
                } else if (away.equals(t)) {
                    s[1] = v;
                }
            }
        }
        return s;
    }

    private static void lineup(JsonPayload json, JsonNode lineups, String field, String path, long eventId, String team,
            ParseContext ctx, ParsedRows out) {
        JsonNode list = json.optArray(lineups, field, path);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String lp = JsonPayload.index(path + "." + field, i);
            JsonNode entry = json.objectAt(list, i, path + "." + field);
            JsonNode part = json.object(entry, "participant", lp);
            String pp = lp + ".participant";
            String name = json.text(part, "name", pp).strip();
            JsonNode player = json.optObject(part, "player", pp);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("event_id", eventId);
            r.put("bp_player_id", json.longValue(part, "id", pp));
            r.put("team", team);
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("lineup_status", json.optText(entry, "status", lp));
            r.put("position", player == null ? null : json.optText(player, "position", pp + ".player"));
            r.put("jersey_number", player == null ? null : json.optText(player, "jersey_number", pp + ".player"));
            r.put("payload_id", ctx.payloadId());
            out.add(LINEUPS, r);
        }
    }
}
