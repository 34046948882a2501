package io.nbaprops.source.bdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * balldontlie {@code GET /v1/box_scores?date=} (and {@code /v1/box_scores/live}): games with
 * players nested under each team, into {@code bdl_box_score_game} and {@code bdl_box_score_player}.
 */
public final class BdlBoxScoresParser implements PayloadParser {
    public static final String GAMES = "bdl_box_score_game";
    public static final String PLAYERS = "bdl_box_score_player";
    static final String[] COUNTS = {"pts", "reb", "ast", "stl", "blk", "turnover", "pf", "fgm", "fga", "fg3m", "fg3a",
        "ftm", "fta", "oreb", "dreb"};
    private final String name;

    public BdlBoxScoresParser() {
        this("bdl_box_scores");
    }

    public BdlBoxScoresParser(String name) {
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
        ParsedRows out = new ParsedRows().table(GAMES).table(PLAYERS);
        JsonNode data = json.array(root, "data", "");
        for (int i = 0; i < data.size(); i++) {
            String path = JsonPayload.index("data", i);
            JsonNode g = json.objectAt(data, i, "data");
            LocalDate date = BdlGamesParser.date(json, g, path);
            JsonNode home = json.object(g, "home_team", path);
            JsonNode away = json.object(g, "visitor_team", path);
            String homeCode = BdlTeams.tricode(json, home, JsonPayload.join(path, "home_team"));
            String awayCode = BdlTeams.tricode(json, away, JsonPayload.join(path, "visitor_team"));
            String key = GameKey.of(date, awayCode, homeCode);
            Map<String, Object> game = new LinkedHashMap<>();
            game.put("game_date", date);
            game.put("game_key", key);
            game.put("home_team", homeCode);
            game.put("away_team", awayCode);
            game.put("season", json.optInt(g, "season", path));
            game.put("status", json.optText(g, "status", path));
            game.put("period", json.optInt(g, "period", path));
            game.put("home_score", json.optInt(g, "home_team_score", path));
            game.put("away_score", json.optInt(g, "visitor_team_score", path));
            game.put("payload_id", ctx.payloadId());
            out.add(GAMES, game);
            players(json, home, JsonPayload.join(path, "home_team"), date, key, homeCode, awayCode, true, ctx, out);
            players(json, away, JsonPayload.join(path, "visitor_team"), date, key, awayCode, homeCode, false, ctx, out);
        }
        return out;
    }

    private static void players(JsonPayload json, JsonNode team, String path, LocalDate date, String key, String code,
            String opp, boolean home, ParseContext ctx, ParsedRows out) {
        JsonNode players = json.array(team, "players", path);
        for (int i = 0; i < players.size(); i++) {
            String p = JsonPayload.index(JsonPayload.join(path, "players"), i);
            JsonNode line = json.objectAt(players, i, JsonPayload.join(path, "players"));
            JsonNode player = json.object(line, "player", p);
            String pp = JsonPayload.join(p, "player");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_date", date);
            r.put("game_key", key);
            BdlPlayers.identity(json, player, pp, r);
            r.put("team", code);
            r.put("opponent", opp);
            r.put("is_home", home);
            r.put("position", json.optText(player, "position", pp));
            String min = json.optText(line, "min", p);
            r.put("minutes_text", min);
            r.put("minutes", minutes(json, min, JsonPayload.join(p, "min")));
            for (String c : COUNTS) {
                r.put(c, json.optInt(line, c, p));
            }
            r.put("payload_id", ctx.payloadId());
            out.add(PLAYERS, r);
        }
    }

    /** "28", "28:30", "28.5" or empty/null (did not play) to decimal minutes. */
    public static Double minutes(JsonPayload json, String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            double m;
            if (t.contains(":")) {
                String[] parts = t.split(":");
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                m = Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) / 60.0;
            } else {
                m = Double.parseDouble(t);
            }
            if (!Double.isFinite(m) || m < 0 || m > 80) {
                throw json.fail(path, "minutes out of range: \"" + text + "\"", null);
            }
            return m;
        } catch (NumberFormatException e) {
            throw json.fail(path, "minutes not understood: \"" + text + "\"", e);
        }
    }
}
