package io.nbaprops.source.nbac;

import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import io.nbaprops.source.PdfPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 * The league's official injury report PDF into {@code nbac_injury_report} (one row per listed
 * player) and {@code nbac_injury_report_team} (whether each team of each game has submitted).
 *
 * <p>The PDF is a table printed as text: the date, time and matchup appear only on the first row
 * of each game, the team only on its first row, and a long reason wraps onto continuation lines
 * ("Injury/Illness - Right Forearm;" / "Contusion"). So the parser carries the last date, time,
 * matchup and team forward, and appends any line that is not a new row to the previous reason.
 */
public final class NbacInjuryReportParser implements PayloadParser {
    public static final String PLAYERS = "nbac_injury_report";
    public static final String TEAMS = "nbac_injury_report_team";
    private static final Pattern HEADER = Pattern.compile("^Injury Report:\\s*(\\d{2}/\\d{2}/\\d{2,4})\\s+(\\d{1,2}:\\d{2}\\s*[AP]M)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE = Pattern.compile("^Page \\d+ of \\d+$");
    private static final Pattern DATE = Pattern.compile("^(\\d{2}/\\d{2}/\\d{4})(?:\\s+|$)");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d{2})\\s*\\(ET\\)(?:\\s+|$)");
    private static final Pattern MATCHUP = Pattern.compile("^([A-Z]{2,4})@([A-Z]{2,4})(?:\\s+|$)");
    private static final Pattern PLAYER = Pattern.compile(
            "^(?<last>[^,]+),\\s*(?<first>.+?)\\s+(?<status>Out|Questionable|Doubtful|Probable|Available)(?:\\s+(?<reason>.*))?$");
    private static final String NOT_SUBMITTED = "NOT YET SUBMITTED";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter US_SHORT = DateTimeFormatter.ofPattern("MM/dd/yy");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    @Override
    public String name() {
        return "nbac_injury_report";
    }

    /** One team of one game as the report lists it. */
    private static final class TeamEntry {
        LocalDate date;
        String time;
        Instant tip;
        String matchup;
        String gameKey;
        String team;
        boolean submitted = true;
        final List<PlayerEntry> players = new ArrayList<>();
    }

    private static final class PlayerEntry {
        String name;
        String status;
        StringBuilder reason = new StringBuilder();
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        List<String> lines = PdfPayload.lines(payload, ctx);
        Instant reportAt = null;
        LocalDate date = null;
        String time = null;
        String away = null;
        String home = null;
        TeamEntry team = null;
        PlayerEntry last = null;
        List<TeamEntry> entries = new ArrayList<>();
        ParsedRows out = new ParsedRows().table(PLAYERS).table(TEAMS);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1);
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                reportAt = reportTime(ctx, where, h.group(1), h.group(2));
                continue;
            }
            if (PAGE.matcher(line).matches() || line.startsWith("Game Date Game Time")) {
                continue;
            }
            String rest = line;
            boolean newContext = false;
            Matcher m = DATE.matcher(rest);
            if (m.find()) {
                date = parseDate(ctx, where, m.group(1));
                rest = rest.substring(m.end());
                newContext = true;
            }
            m = TIME.matcher(rest);
            if (m.find()) {
                time = m.group(1) + ":" + m.group(2);
                rest = rest.substring(m.end());
                newContext = true;
            }
            m = MATCHUP.matcher(rest);
            if (m.find()) {
                away = Teams.find(m.group(1)).map(Teams.Team::tricode).orElse(null);
                home = Teams.find(m.group(2)).map(Teams.Team::tricode).orElse(null);
                if (away == null || home == null) {
                    throw fail(ctx, where, "unknown team in matchup \"" + m.group() .strip() + "\"");
                }
                rest = rest.substring(m.end());
                newContext = true;
            }
            String teamName = PdfTeams.prefix(rest);
            if (teamName != null) {
                if (date == null || time == null || away == null) {
                    throw fail(ctx, where, "team \"" + teamName + "\" listed before any game date, time and matchup");
                }
                team = new TeamEntry();
                team.date = date;
                team.time = time;
                team.tip = tipOff(date, time);
                team.matchup = away + "@" + home;
                team.gameKey = GameKey.of(date, away, home);
                team.team = Teams.tricode(teamName);
                if (!team.team.equals(away) && !team.team.equals(home)) {
                    throw fail(ctx, where, teamName + " does not play in " + team.matchup);
                }
                entries.add(team);
                last = null;
                rest = rest.substring(teamName.length()).strip();
                newContext = true;
            }
            if (rest.isEmpty()) {
                continue;
            }
            if (rest.equals(NOT_SUBMITTED)) {
                if (team == null) {
                    throw fail(ctx, where, "\"NOT YET SUBMITTED\" before any team");
                }
                team.submitted = false;
                continue;
            }
            Matcher p = PLAYER.matcher(rest);
            if (p.matches()) {
                if (team == null) {
                    throw fail(ctx, where, "player listed before any game and team: \"" + rest + "\"");
                }
                last = new PlayerEntry();
                last.name = PlayerLookup.fromLastFirst(p.group("last") + ", " + p.group("first"));
                last.status = p.group("status");
                if (p.group("reason") != null) {
                    last.reason.append(p.group("reason").strip());
                }
                team.players.add(last);
                continue;
            }
            if (newContext || last == null) {
                out.skip(where + ": not understood: \"" + abbreviate(line) + "\"");
                continue;
            }
            // A wrapped reason: the rest of the previous player's cell.
            if (last.reason.length() > 0) {
                last.reason.append(' ');
            }
            last.reason.append(rest);
        }
        if (reportAt == null) {
            throw fail(ctx, "line 1", "no \"Injury Report: MM/dd/yy hh:mm AM\" header; is this the injury report?");
        }
        for (TeamEntry t : entries) {
            Map<String, Object> tr = new LinkedHashMap<>();
            tr.put("report_at", reportAt);
            tr.put("game_key", t.gameKey);
            tr.put("team", t.team);
            tr.put("game_date", t.date);
            tr.put("tip_off", t.tip);
            tr.put("submitted", t.submitted);
            tr.put("players_listed", t.players.size());
            tr.put("payload_id", ctx.payloadId());
            out.add(TEAMS, tr);
            for (PlayerEntry pe : t.players) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("report_at", reportAt);
                r.put("game_key", t.gameKey);
                r.put("team", t.team);
                r.put("player_lookup", PlayerLookup.of(pe.name));
                r.put("player_name", pe.name);
                r.put("game_date", t.date);
                r.put("game_time_et", t.time);
                r.put("tip_off", t.tip);
                r.put("matchup", t.matchup);
                r.put("status", pe.status);
                String reason = pe.reason.toString().strip();
                r.put("reason", reason.isEmpty() ? null : reason);
                r.put("reason_category", reason.contains(" - ") ? reason.substring(0, reason.indexOf(" - ")).strip()
                        : (reason.isEmpty() ? null : reason));
                r.put("payload_id", ctx.payloadId());
                out.add(PLAYERS, r);
            }
        }
        return out;
    }

    /**
     * The report prints "07:30 (ET)" without AM/PM; NBA games tip between late morning and 10:30 pm,
     * so 12 is noon, 11 is 11 am, and 1-10 are afternoon/evening.
     */
    static Instant tipOff(LocalDate date, String hhmm) {
        String[] p = hhmm.split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (h < 1 || h > 12 || m > 59) {
            return null;
        }
        int hour = h == 12 || h == 11 ? h : h + 12;
        return LocalDateTime.of(date, LocalTime.of(hour, m)).atZone(GameKey.EASTERN).toInstant();
    }

    private static Instant reportTime(ParseContext ctx, String where, String date, String clock) {
        try {
            LocalDate d = date.length() == 8 ? LocalDate.parse(date, US_SHORT) : LocalDate.parse(date, US_DATE);
            LocalTime t = LocalTime.parse(clock.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("(\\d)([AP]M)", "$1 $2"),
                    CLOCK);
            return LocalDateTime.of(d, t).atZone(GameKey.EASTERN).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParseException(ctx.source(), ctx.location(), where, "report time not understood: " + date + " " + clock, e);
        }
    }

    private static LocalDate parseDate(ParseContext ctx, String where, String text) {
        try {
            return LocalDate.parse(text, US_DATE);
        } catch (DateTimeParseException e) {
            throw new ParseException(ctx.source(), ctx.location(), where, "not a date: " + text, e);
        }
    }

    private static ParseException fail(ParseContext ctx, String where, String what) {
        return new ParseException(ctx.source(), ctx.location(), where, what, null);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
