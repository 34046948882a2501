package io.nbaprops.source.bref;

import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.HtmlPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
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
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A Basketball-Reference season roster page ({@code /teams/LAL/2025.html}) into {@code br_roster}.
 * The season ("2024-25") and team come from the page heading; each player's Basketball-Reference
 * id from his link ({@code /players/j/jamesle01.html}). Names keep their unicode and suffixes as
 * printed ("Dāvis Bertāns", "Kevin Porter Jr."); the lookup key folds both away. A heading without
 * a team name leaves {@code team} empty and says so in the skipped notes.
 */
public final class BrRosterParser implements PayloadParser {
    public static final String TABLE = "br_roster";
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(\\d{2})\\s+(.*?)\\s+Roster");
    private static final Pattern PLAYER_ID = Pattern.compile("/players/[a-z]/([a-z0-9.'-]{1,20})\\.html");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return "br_roster";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        HtmlPayload html = HtmlPayload.parse(payload, ctx);
        Element h1 = html.document().selectFirst("h1");
        String heading = h1 != null ? h1.text() : html.document().title();
        Matcher sm = SEASON.matcher(heading);
        if (!sm.find()) {
            throw html.fail("h1", "no \"yyyy-yy Team Roster\" heading (found \"" + heading + "\")");
        }
        String season = sm.group(1) + "-" + sm.group(2);
        String team = Teams.find(sm.group(3)).map(Teams.Team::tricode).orElse(null);
        ParsedRows out = new ParsedRows().table(TABLE);
        if (team == null) {
            out.skip("heading \"" + heading + "\" names no NBA team: rows have no team and cannot be stored");
        }
        Element table = html.first(html.document(), "table#roster");
        List<String> cols = new ArrayList<>();
        for (Element th : table.select("thead th")) {
            cols.add(th.text().strip());
        }
        if (!cols.contains("Player")) {
            throw html.fail("table#roster thead", "no Player column (columns: " + cols + ")");
        }
        Elements rows = table.select("tbody > tr");
        for (int i = 0; i < rows.size(); i++) {
            String rp = "table#roster tbody tr[" + i + "]";
            Elements cells = rows.get(i).select("> td, > th");
            if (cells.size() != cols.size()) {
                throw html.fail(rp, "row has " + cells.size() + " cells but the header has " + cols.size());
            }
            Element link = cells.get(cols.indexOf("Player")).selectFirst("a[href]");
            if (link == null) {
                throw html.fail(rp + " td.Player", "no link to the player page");
            }
            Matcher pm = PLAYER_ID.matcher(link.attr("href"));
            if (!pm.find()) {
                throw html.fail(rp + " td.Player a", "no player id in \"" + link.attr("href") + "\"");
            }
            String name = link.text().strip();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("season", season);
            r.put("team", team);
            r.put("br_player_id", pm.group(1));
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("jersey_number", cell(cells, cols, "No."));
            r.put("position", cell(cells, cols, "Pos"));
            r.put("height", cell(cells, cols, "Ht"));
            String wt = cell(cells, cols, "Wt");
            r.put("weight_lbs", wt == null || !wt.matches("\\d{2,3}") ? null : Integer.valueOf(wt));
            String birth = cell(cells, cols, "Birth Date");
            r.put("birth_date", birth == null ? null : birthDate(html, rp + " td.Birth Date", birth));
            String exp = cell(cells, cols, "Exp");
            r.put("experience_years", exp == null ? null : exp.equals("R") ? Integer.valueOf(0) : exp.matches("\\d{1,2}") ? Integer.valueOf(exp) : null);
            r.put("college", cell(cells, cols, "College"));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }

    private static String cell(Elements cells, List<String> cols, String col) {
        int i = cols.indexOf(col);
        if (i < 0) {
            return null;
        }
        String v = cells.get(i).text().strip();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate birthDate(HtmlPayload html, String path, String text) {
        try {
            return LocalDate.parse(text, BIRTH);
        } catch (DateTimeParseException e) {
            throw html.fail(path, "not a date: \"" + text + "\"", e);
        }
    }
}
