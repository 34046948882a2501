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
 * One game's traditional box score from stats.nba.com into {@code nbac_box_score_player} (with the
 * DNP/DND/NWT comment for those who did not play) and {@code nbac_box_score_team}. Reads both shapes
 * NBA.com has served: the V2 result sets (PlayerStats/TeamStats, what our capture holds) and V3's
 * {@code boxScoreTraditional} object (home/away teams with nested players).
 */
public final class NbacBoxScoreParser implements PayloadParser {
    public static final String PLAYERS = "nbac_box_score_player";
    public static final String TEAMS = "nbac_box_score_team";
    private static final String[][] V2 = {{"FGM", "fgm"}, {"FGA", "fga"}, {"FG3M", "fg3m"}, {"FG3A", "fg3a"}, {"FTM", "ftm"},
        {"FTA", "fta"}, {"OREB", "oreb"}, {"DREB", "dreb"}, {"REB", "reb"}, {"AST", "ast"}, {"STL", "stl"}, {"BLK", "blk"},
        {"TO", "turnover"}, {"PF", "pf"}, {"PTS", "pts"}, {"PLUS_MINUS", "plus_minus"}};
    private static final String[][] V3 = {{"fieldGoalsMade", "fgm"}, {"fieldGoalsAttempted", "fga"},
        {"threePointersMade", "fg3m"}, {"threePointersAttempted", "fg3a"}, {"freeThrowsMade", "ftm"},
        {"freeThrowsAttempted", "fta"}, {"reboundsOffensive", "oreb"}, {"reboundsDefensive", "dreb"},
        {"reboundsTotal", "reb"}, {"assists", "ast"}, {"steals", "stl"}, {"blocks", "blk"}, {"turnovers", "turnover"},
        {"foulsPersonal", "pf"}, {"points", "pts"}, {"plusMinusPoints", "plus_minus"}};

    @Override
    public String name() {
        return "nbac_team_boxscore";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        JsonNode root = json.root(payload);
        json.requireObject(root, "");
        ParsedRows out = new ParsedRows().table(PLAYERS).table(TEAMS);
        if (root.has("boxScoreTraditional")) {
            v3(json, json.object(root, "boxScoreTraditional", ""), ctx, out);
        } else {
            v2(json, root, ctx, out);
        }
        return out;
    }

    private static void v2(JsonPayload json, JsonNode root, ParseContext ctx, ParsedRows out) {
        ResultSets sets = ResultSets.of(json, root);
        ResultSets.Table players = sets.require("PlayerStats");
        for (int i = 0; i < players.size(); i++) {
            ResultSets.Row row = players.row(i);
            JsonNode c = row.cells();
            String p = row.path();
            String name = json.text(c, "PLAYER_NAME", p);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", json.text(c, "GAME_ID", p));
            r.put("player_id", json.longValue(c, "PLAYER_ID", p));
            r.put("team", NbacTeams.byId(json, c, "TEAM_ID", p));
            r.put("is_home", null);
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            String start = NbacScheduleParser.blankToNull(json.optText(c, "START_POSITION", p));
            r.put("start_position", start);
            r.put("is_starter", start != null);
            Double minutes = NbacTeams.minutes(json, c, "MIN", p);
            String comment = NbacScheduleParser.blankToNull(json.optText(c, "COMMENT", p));
            r.put("minutes", minutes);
            r.put("played", minutes != null && minutes > 0);
            r.put("comment", comment);
            for (String[] k : V2) {
                r.put(k[1], json.optInt(c, k[0], p));
            }
            r.put("payload_id", ctx.payloadId());
            out.add(PLAYERS, r);
        }
        ResultSets.Table teams = sets.optional("TeamStats");
        if (teams == null) {
            out.skip("no TeamStats result set; team totals not stored");
            return;
        }
        for (int i = 0; i < teams.size(); i++) {
            ResultSets.Row row = teams.row(i);
            JsonNode c = row.cells();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", json.text(c, "GAME_ID", row.path()));
            r.put("team", NbacTeams.byId(json, c, "TEAM_ID", row.path()));
            r.put("is_home", null);
            r.put("minutes", NbacTeams.minutes(json, c, "MIN", row.path()));
            for (String[] k : V2) {
                r.put(k[1], json.optInt(c, k[0], row.path()));
            }
            r.put("payload_id", ctx.payloadId());
            out.add(TEAMS, r);
        }
    }

    private static void v3(JsonPayload json, JsonNode box, ParseContext ctx, ParsedRows out) {
        String gameId = json.text(box, "gameId", "boxScoreTraditional");
        for (String side : new String[] {"homeTeam", "awayTeam"}) {
            String tp = "boxScoreTraditional." + side;
            JsonNode team = json.object(box, side, "boxScoreTraditional");
            String code = NbacTeams.byId(json, team, "teamId", tp);
            boolean home = side.equals("homeTeam");
            JsonNode players = json.array(team, "players", tp);
            for (int i = 0; i < players.size(); i++) {
                String p = JsonPayload.index(tp + ".players", i);
                JsonNode pl = json.objectAt(players, i, tp + ".players");
                String first = json.optText(pl, "firstName", p);
                String family = json.optText(pl, "familyName", p);
                String name = ((first == null ? "" : first) + " " + (family == null ? "" : family)).strip();
                if (name.isEmpty()) {
                    throw json.fail(p, "player has no name", null);
                }
                JsonNode st = json.object(pl, "statistics", p);
                String sp = JsonPayload.join(p, "statistics");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("game_id", gameId);
                r.put("player_id", json.longValue(pl, "personId", p));
                r.put("team", code);
                r.put("is_home", home);
                r.put("player_name", name);
                r.put("player_lookup", PlayerLookup.of(name));
                String start = NbacScheduleParser.blankToNull(json.optText(pl, "position", p));
                r.put("start_position", start);
                r.put("is_starter", start != null);
                Double minutes = NbacTeams.minutes(json, st, "minutes", sp);
                r.put("minutes", minutes);
                r.put("played", minutes != null && minutes > 0);
                r.put("comment", NbacScheduleParser.blankToNull(json.optText(pl, "comment", p)));
                for (String[] k : V3) {
                    r.put(k[1], json.optInt(st, k[0], sp));
                }
                r.put("payload_id", ctx.payloadId());
                out.add(PLAYERS, r);
            }
            JsonNode st = json.optObject(team, "statistics", tp);
            if (st != null) {
                String sp = tp + ".statistics";
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("game_id", gameId);
                r.put("team", code);
                r.put("is_home", home);
                r.put("minutes", NbacTeams.minutes(json, st, "minutes", sp));
                for (String[] k : V3) {
                    r.put(k[1], json.optInt(st, k[0], sp));
                }
                r.put("payload_id", ctx.payloadId());
                out.add(TEAMS, r);
            }
        }
    }
}
