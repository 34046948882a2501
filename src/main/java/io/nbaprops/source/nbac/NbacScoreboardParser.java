package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * stats.nba.com {@code scoreboardV2?GameDate=}: the GameHeader and LineScore result sets into
 * {@code nbac_scoreboard_game} (one row per game, with the final score) and {@code nbac_line_score}
 * (one row per team and game, points by quarter).
 */
public final class NbacScoreboardParser implements PayloadParser {
    public static final String GAMES = "nbac_scoreboard_game";
    public static final String LINES = "nbac_line_score";

    @Override
    public String name() {
        return "nbac_scoreboard_v2";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        ResultSets sets = ResultSets.of(json, json.root(payload));
        ResultSets.Table header = sets.require("GameHeader");
        ResultSets.Table lines = sets.require("LineScore");
        ParsedRows out = new ParsedRows().table(GAMES).table(LINES);
        Map<String, Map<String, Integer>> points = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ResultSets.Row row = lines.row(i);
            JsonNode c = row.cells();
            String gameId = json.text(c, "GAME_ID", row.path());
            String team = NbacTeams.byId(json, c, "TEAM_ID", row.path());
            Integer pts = json.optInt(c, "PTS", row.path());
            points.computeIfAbsent(gameId, k -> new HashMap<>()).put(team, pts);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", gameId);
            r.put("team", team);
            r.put("game_date", json.optDate(c, "GAME_DATE_EST", row.path()));
            r.put("wins_losses", json.optText(c, "TEAM_WINS_LOSSES", row.path()));
            for (int q = 1; q <= 4; q++) {
                r.put("pts_q" + q, json.optInt(c, "PTS_QTR" + q, row.path()));
            }
            int ot = 0;
            for (int o = 1; o <= 10; o++) {
                Integer v = json.optInt(c, "PTS_OT" + o, row.path());
                ot += v == null ? 0 : v;
            }
            r.put("pts_ot", ot);
            r.put("pts", pts);
            r.put("payload_id", ctx.payloadId());
            out.add(LINES, r);
        }
        for (int i = 0; i < header.size(); i++) {
            ResultSets.Row row = header.row(i);
            JsonNode c = row.cells();
            String gameId = json.text(c, "GAME_ID", row.path());
            LocalDate date = json.optDate(c, "GAME_DATE_EST", row.path());
            if (date == null) {
                throw json.fail(row.path() + ".GAME_DATE_EST", "missing date", null);
            }
            String home = NbacTeams.byId(json, c, "HOME_TEAM_ID", row.path());
            String away = NbacTeams.byId(json, c, "VISITOR_TEAM_ID", row.path());
            Integer status = json.optInt(c, "GAME_STATUS_ID", row.path());
            Map<String, Integer> pts = points.getOrDefault(gameId, Map.of());
            boolean started = status != null && status >= 2;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", gameId);
            r.put("game_date", date);
            r.put("game_key", GameKey.of(date, away, home));
            r.put("game_code", json.optText(c, "GAMECODE", row.path()));
            r.put("season", json.optText(c, "SEASON", row.path()));
            r.put("status_id", status);
            r.put("status_text", NbacScheduleParser.blankToNull(json.optText(c, "GAME_STATUS_TEXT", row.path())));
            r.put("home_team", home);
            r.put("away_team", away);
            r.put("home_score", started ? pts.get(home) : null);
            r.put("away_score", started ? pts.get(away) : null);
            r.put("live_period", json.optInt(c, "LIVE_PERIOD", row.path()));
            r.put("arena_name", json.optText(c, "ARENA_NAME", row.path()));
            r.put("payload_id", ctx.payloadId());
            out.add(GAMES, r);
        }
        return out;
    }
}
