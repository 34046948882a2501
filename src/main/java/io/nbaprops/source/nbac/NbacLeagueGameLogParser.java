package io.nbaprops.source.nbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.JsonPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * stats.nba.com {@code leaguegamelog?PlayerOrTeam=P}: every player's line in every game of the
 * date range, into {@code nbac_player_game_log}. MATCHUP ("GSW vs. NYK" at home, "IND @ MIL" away)
 * gives the opponent and home/away, hence the game key.
 */
public final class NbacLeagueGameLogParser implements PayloadParser {
    public static final String TABLE = "nbac_player_game_log";
    private static final Pattern MATCHUP = Pattern.compile("([A-Z]{2,4})\\s+(vs\\.|@)\\s+([A-Z]{2,4})");
    private static final String[][] COUNTS = {{"FGM", "fgm"}, {"FGA", "fga"}, {"FG3M", "fg3m"}, {"FG3A", "fg3a"},
        {"FTM", "ftm"}, {"FTA", "fta"}, {"OREB", "oreb"}, {"DREB", "dreb"}, {"REB", "reb"}, {"AST", "ast"},
        {"STL", "stl"}, {"BLK", "blk"}, {"TOV", "turnover"}, {"PF", "pf"}, {"PTS", "pts"}, {"PLUS_MINUS", "plus_minus"}};

    @Override
    public String name() {
        return "nbac_player_boxscore";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        JsonPayload json = JsonPayload.in(ctx);
        ResultSets.Table log = ResultSets.of(json, json.root(payload)).require("LeagueGameLog");
        log.requireColumns("PLAYER_ID", "PLAYER_NAME", "GAME_ID", "GAME_DATE", "MATCHUP", "TEAM_ABBREVIATION");
        ParsedRows out = new ParsedRows().table(TABLE);
        for (int i = 0; i < log.size(); i++) {
            ResultSets.Row row = log.row(i);
            JsonNode c = row.cells();
            String p = row.path();
            String team = NbacTeams.tricode(json, c, "TEAM_ABBREVIATION", p);
            String matchup = json.text(c, "MATCHUP", p);
            Matcher m = MATCHUP.matcher(matchup);
            if (!m.find() || Teams.find(m.group(3)).isEmpty()) {
                throw json.fail(p + ".MATCHUP", "matchup not understood: \"" + JsonPayload.abbreviate(matchup) + "\"", null);
            }
            boolean home = m.group(2).equals("vs.");
            String opp = Teams.tricode(m.group(3));
            LocalDate date = json.optDate(c, "GAME_DATE", p);
            if (date == null) {
                throw json.fail(p + ".GAME_DATE", "missing date", null);
            }
            String name = json.text(c, "PLAYER_NAME", p);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_id", json.text(c, "GAME_ID", p));
            r.put("player_id", json.longValue(c, "PLAYER_ID", p));
            r.put("game_date", date);
            r.put("game_key", home ? GameKey.of(date, opp, team) : GameKey.of(date, team, opp));
            r.put("season_id", json.optText(c, "SEASON_ID", p));
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("team", team);
            r.put("opponent", opp);
            r.put("is_home", home);
            r.put("wl", json.optText(c, "WL", p));
            r.put("minutes", NbacTeams.minutes(json, c, "MIN", p));
            for (String[] k : COUNTS) {
                r.put(k[1], json.optInt(c, k[0], p));
            }
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }
}
