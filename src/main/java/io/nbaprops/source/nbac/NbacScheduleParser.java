package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NBA.com league schedule ({@code scheduleleaguev2int} on stats.nba.com, or the CDN's
 * {@code scheduleLeagueV2.json}; same shape) into {@code nbac_schedule}, one row per game. Games
 * against non-NBA teams (All-Star, Rising Stars, international exhibitions) are skipped and reported.
 */
public final class NbacScheduleParser implements PayloadParser {
    public static final String TABLE = "nbac_schedule";
    private final String name;

    public NbacScheduleParser(String name) {
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
        JsonNode sched = json.object(root, "leagueSchedule", "");
        String season = json.optText(sched, "seasonYear", "leagueSchedule");
        JsonNode dates = json.array(sched, "gameDates", "leagueSchedule");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int d = 0; d < dates.size(); d++) {
            String dp = JsonPayload.index("leagueSchedule.gameDates", d);
            JsonNode games = json.array(json.objectAt(dates, d, "leagueSchedule.gameDates"), "games", dp);
            for (int g = 0; g < games.size(); g++) {
                String gp = JsonPayload.index(dp + ".games", g);
                game(json, json.objectAt(games, g, dp + ".games"), gp, season, ctx, out);
            }
        }
        return out;
    }

    private static void game(JsonPayload json, JsonNode g, String path, String season, ParseContext ctx, ParsedRows out) {
        String gameId = json.text(g, "gameId", path);
        JsonNode home = json.object(g, "homeTeam", path);
        JsonNode away = json.object(g, "awayTeam", path);
        String hp = JsonPayload.join(path, "homeTeam");
        String ap = JsonPayload.join(path, "awayTeam");
        String homeCode = json.optText(home, "teamTricode", hp);
        String awayCode = json.optText(away, "teamTricode", ap);
        if (Teams.find(homeCode).isEmpty() || Teams.find(awayCode).isEmpty()) {
            out.skip("game " + gameId + " (" + awayCode + "@" + homeCode + ", " + json.optText(g, "gameLabel", path)
                    + "): not between two NBA teams");
            return;
        }
        homeCode = Teams.tricode(homeCode);
        awayCode = Teams.tricode(awayCode);
        // gameDateEst is midnight of the US-Eastern game date written as "...T00:00:00Z".
        LocalDate date = json.optDate(g, "gameDateEst", path);
        Instant tip = json.optInstant(g, "gameDateTimeUTC", path);
        if (date == null && tip != null) {
            date = GameKey.easternDate(tip);
        }
        if (date == null) {
            throw json.fail(JsonPayload.join(path, "gameDateEst"), "game has no date", null);
        }
        Integer status = json.optInt(g, "gameStatus", path);
        boolean played = status != null && status >= 2;
        String postponed = json.optText(g, "postponedStatus", path);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("game_id", gameId);
        r.put("game_code", json.optText(g, "gameCode", path));
        r.put("game_date", date);
        r.put("game_key", GameKey.of(date, awayCode, homeCode));
        r.put("season_year", season);
        r.put("tip_off", tip);
        r.put("home_team", homeCode);
        r.put("away_team", awayCode);
        r.put("game_status", status);
        r.put("game_status_text", json.optText(g, "gameStatusText", path));
        // Scheduled games carry score 0; that is no score.
        r.put("home_score", played ? json.optInt(home, "score", hp) : null);
        r.put("away_score", played ? json.optInt(away, "score", ap) : null);
        r.put("postponed_status", postponed);
        r.put("is_postponed", postponed != null && !postponed.isBlank() && !postponed.equals("N"));
        r.put("game_label", blankToNull(json.optText(g, "gameLabel", path)));
        r.put("game_sub_label", blankToNull(json.optText(g, "gameSubLabel", path)));
        r.put("arena_name", blankToNull(json.optText(g, "arenaName", path)));
        r.put("is_neutral", json.optBool(g, "isNeutral", path));
        r.put("payload_id", ctx.payloadId());
        out.add(TABLE, r);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
