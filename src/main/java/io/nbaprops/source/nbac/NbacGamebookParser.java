package io.nbaprops.source.nbac;

import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.IncompletePayloadException;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import io.nbaprops.source.PdfPayload;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NBA.com game book PDF ({@code statsdmz.nba.com/pdfs/yyyyMMdd/yyyyMMdd_AWYHOM.pdf}) into
 * {@code nbac_gamebook_game} and {@code nbac_gamebook_player}: every player of both teams with his
 * box line, or why he did not play (DNP/DND/NWT with the reason) or was inactive.
 *
 * <p>The text layout (PDFBox, one table row per line): "VISITOR: Memphis Grizzlies (27-54)" and
 * "HOME: ..." open each team's section; "45 GG Jackson F 35:42 7 21 2 10 6 6 0 2 2 2 2 2 1 1 -13 22"
 * is an active player (16 numbers after the minutes: FG FGA 3P 3PA FT FTA OR DR TOT A PF ST TO BS
 * +/- PTS); "24 Marcus Morris Sr. DNP - Coach's Decision" did not play; "Inactive: Grizzlies -
 * Morant (Injury/Illness - Right Shoulder; Labral Repair), Smart (...)" may wrap onto more lines and
 * often gives only last names, which are kept and marked partial.
 *
 * <p>A book with no active player is not an empty game but an incomplete document: it fails with
 * a retryable {@link IncompletePayloadException} so the book is fetched again later.
 */
public final class NbacGamebookParser implements PayloadParser {
    public static final String GAMES = "nbac_gamebook_game";
    public static final String PLAYERS = "nbac_gamebook_player";
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\\s+([A-Z][a-z]+ \\d{1,2}, \\d{4})\\s*(.*)$");
    private static final Pattern SIDE = Pattern.compile("^(VISITOR|HOME):\\s*(.+?)\\s*(?:\\((\\d+)-(\\d+)\\))?\\s*$");
    private static final Pattern NOT_PLAYED = Pattern.compile("^(\\d{1,2})\\s+(.+?)\\s+(DNP|DND|NWT)\\s*-\\s*(.*)$");
    private static final Pattern ACTIVE = Pattern.compile(
            "^(\\d{1,2})\\s+(.+?)\\s+(?:([FGC])\\s+)?(\\d{1,2}:\\d{2})((?:\\s+[+-]?\\d{1,3}){16})\\s*$");
    private static final Pattern ATTENDANCE = Pattern.compile("Attendance:\\s*(\\d{1,3}(?:,?\\d{3}){0,2})\\b");
    private static final Pattern DURATION = Pattern.compile("Game Duration:\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern INACTIVE = Pattern.compile("^Inactive:\\s*(.+?)\\s+-\\s*(.*)$");
    private static final Pattern STOP = Pattern.compile("^(Inactive:|VISITOR:|HOME:|Points in the Paint|SCORE BY|Technical|"
            + "Copyright|Officials:|Attendance:|Game Duration:|\\d{1,2}\\s+\\S)");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final String[] STATS = {"fgm", "fga", "fg3m", "fg3a", "ftm", "fta", "oreb", "dreb", "reb", "ast", "pf",
        "stl", "turnover", "blk", "plus_minus", "pts"};

    @Override
    public String name() {
        return "nbac_gamebook_pdf";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        List<String> lines = PdfPayload.lines(payload, ctx);
        LocalDate date = null;
        String arena = null;
        String away = null;
        String home = null;
        String team = null;
        String officials = null;
        Integer attendance = null;
        String duration = null;
        List<Map<String, Object>> players = new ArrayList<>();
        ParsedRows out = new ParsedRows().table(GAMES).table(PLAYERS);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1);
            Matcher m = DATE_LINE.matcher(line);
            if (date == null && m.find()) {
                date = longDate(ctx, where, m.group(1));
                arena = m.group(2).isBlank() ? null : m.group(2).strip();
                continue;
            }
            m = SIDE.matcher(line);
            if (m.matches()) {
                String teamName = m.group(2);
                String code = Teams.find(teamName).map(Teams.Team::tricode)
                        .orElseThrow(() -> fail(ctx, where, "unknown team \"" + teamName + "\""));
                if (m.group(1).equals("VISITOR")) {
                    away = code;
                } else {
                    home = code;
                }
                team = code;
                continue;
            }
            if (line.startsWith("Officials:")) {
                officials = line.substring("Officials:".length()).strip();
                continue;
            }
            m = ATTENDANCE.matcher(line);
            if (m.find()) {
                attendance = Integer.valueOf(m.group(1).replace(",", ""));
            }
            m = DURATION.matcher(line);
            if (m.find()) {
                duration = m.group(1);
            }
            m = INACTIVE.matcher(line);
            if (m.matches()) {
                String who = m.group(1);
                String inactiveTeam = Teams.find(who).map(Teams.Team::tricode)
                        .orElseThrow(() -> fail(ctx, where, "unknown team \"" + who + "\" in the inactive list"));
                StringBuilder list = new StringBuilder(m.group(2));
                while (i + 1 < lines.size() && !STOP.matcher(lines.get(i + 1)).find()) {
                    list.append(' ').append(lines.get(++i));
                }
                for (String entry : splitOutsideParentheses(list.toString())) {
                    players.add(inactive(inactiveTeam, entry));
                }
                continue;
            }
            m = NOT_PLAYED.matcher(line);
            if (m.matches()) {
                requireTeam(ctx, where, team);
                Map<String, Object> r = player(team, m.group(2), m.group(1));
                r.put("status", m.group(3).toLowerCase(Locale.ROOT));
                r.put("reason", m.group(3) + " - " + m.group(4).strip());
                players.add(r);
                continue;
            }
            m = ACTIVE.matcher(line);
            if (m.matches()) {
                requireTeam(ctx, where, team);
                Map<String, Object> r = player(team, m.group(2), m.group(1));
                r.put("status", "active");
                r.put("position", m.group(3));
                String[] mm = m.group(4).split(":");
                r.put("minutes", Integer.parseInt(mm[0]) + Integer.parseInt(mm[1]) / 60.0);
                String[] nums = m.group(5).strip().split("\\s+");
                for (int s = 0; s < STATS.length; s++) {
                    r.put(STATS[s], Integer.parseInt(nums[s]));
                }
                players.add(r);
            }
        }
        if (date == null || away == null || home == null) {
            throw fail(ctx, "header", "no game date or VISITOR/HOME team found; is this a game book?");
        }
        String key = GameKey.of(date, away, home);
        long active = players.stream().filter(p -> "active".equals(p.get("status"))).count();
        if (active == 0) {
            throw new IncompletePayloadException(ctx.source(), ctx.location(), "players", "the game book of " + key
                    + " lists no active player: an incomplete document, to be fetched again");
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("game_key", key);
        g.put("game_date", date);
        g.put("away_team", away);
        g.put("home_team", home);
        g.put("arena", arena);
        g.put("officials", officials);
        g.put("attendance", attendance);
        g.put("duration", duration);
        g.put("active_players", (int) active);
        g.put("not_playing_players", (int) (players.size() - active));
        g.put("payload_id", ctx.payloadId());
        out.add(GAMES, g);
        for (Map<String, Object> p : players) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("game_key", key);
            r.put("game_date", date);
            r.putAll(p);
            for (String s : STATS) {
                r.putIfAbsent(s, null);
            }
            r.putIfAbsent("position", null);
            r.putIfAbsent("minutes", null);
            r.putIfAbsent("reason", null);
            r.put("payload_id", ctx.payloadId());
            out.add(PLAYERS, r);
        }
        return out;
    }

    private static Map<String, Object> player(String team, String name, String jersey) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("team", team);
        r.put("player_lookup", PlayerLookup.of(name.strip()));
        r.put("player_name", name.strip());
        r.put("jersey_number", jersey);
        r.put("name_is_partial", !name.strip().contains(" "));
        return r;
    }

    private static Map<String, Object> inactive(String team, String entry) {
        String e = entry.strip();
        String name = e;
        String reason = null;
        int open = e.indexOf('(');
        if (open > 0 && e.endsWith(")")) {
            name = e.substring(0, open).strip();
            reason = e.substring(open + 1, e.length() - 1).strip();
        }
        Map<String, Object> r = player(team, name, null);
        r.put("status", "inactive");
        r.put("reason", reason == null || reason.isEmpty() ? null : reason);
        return r;
    }

    static List<String> splitOutsideParentheses(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                if (!cur.toString().isBlank()) {
                    parts.add(cur.toString().strip());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            parts.add(cur.toString().strip());
        }
        return parts;
    }

    private static void requireTeam(ParseContext ctx, String where, String team) {
        if (team == null) {
            throw fail(ctx, where, "player line before any VISITOR/HOME section");
        }
    }

    private static LocalDate longDate(ParseContext ctx, String where, String text) {
        try {
            return LocalDate.parse(text, LONG_DATE);
        } catch (DateTimeParseException e) {
            throw new ParseException(ctx.source(), ctx.location(), where, "not a date: " + text, e);
        }
    }

    private static ParseException fail(ParseContext ctx, String where, String what) {
        return new ParseException(ctx.source(), ctx.location(), where, what, null);
    }
}
