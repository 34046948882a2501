package io.nbaprops.source.nbac;

import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.HtmlPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
 * An NBA.com team page ({@code www.nba.com/team/{id}/{slug}}): its roster table into
 * {@code nbac_roster}. The team comes from the page's canonical URL, each player's id from the link
 * to the player page; columns are found by their header text, not position.
 */
public final class NbacRosterParser implements PayloadParser {
    public static final String TABLE = "nbac_roster";
    private static final Pattern TEAM_URL = Pattern.compile("/team/(\\d{1,12})/");
    private static final Pattern PLAYER_URL = Pattern.compile("/player/(\\d{1,12})/");
    private static final DateTimeFormatter BIRTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM dd, yyyy").toFormatter(Locale.ENGLISH);

    @Override
    public String name() {
        return "nbac_roster";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        HtmlPayload html = HtmlPayload.parse(payload, ctx);
        String canonical = html.first(html.document(), "link[rel=canonical]").attr("href");
        Matcher tm = TEAM_URL.matcher(canonical);
        if (!tm.find()) {
            throw html.fail("link[rel=canonical]", "no team id in \"" + canonical + "\"");
        }
        String team = Teams.byNbaId(Long.parseLong(tm.group(1))).map(Teams.Team::tricode)
                .orElseThrow(() -> html.fail("link[rel=canonical]", "team id " + tm.group(1) + " is not an NBA team"));
        Element table = null;
        for (Element t : html.require(html.document(), "table")) {
            if (headers(t).contains("Player") && headers(t).contains("Pos")) {
                table = t;
                break;
            }
        }
        if (table == null) {
            throw html.fail("table", "no roster table (a table with Player and Pos columns)");
        }
        List<String> cols = headers(table);
        ParsedRows out = new ParsedRows().table(TABLE);
        Elements rows = table.select("tbody > tr");
        for (int i = 0; i < rows.size(); i++) {
            Element tr = rows.get(i);
            String path = "table.roster tbody tr[" + i + "]";
            Elements tds = tr.select("> td");
            if (tds.size() != cols.size()) {
                throw html.fail(path, "row has " + tds.size() + " cells but the header has " + cols.size());
            }
            Element link = tds.get(cols.indexOf("Player")).selectFirst("a[href]");
            if (link == null) {
                throw html.fail(path + " td.Player", "no link to the player page");
            }
            Matcher pm = PLAYER_URL.matcher(link.attr("href"));
            if (!pm.find()) {
                throw html.fail(path + " td.Player a", "no player id in \"" + link.attr("href") + "\"");
            }
            String name = link.text().strip();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("team", team);
            r.put("player_id", Long.parseLong(pm.group(1)));
            r.put("as_of_date", ctx.partitionDate());
            r.put("player_name", name);
            r.put("player_lookup", PlayerLookup.of(name));
            r.put("jersey_number", cell(tds, cols, "#"));
            r.put("position", cell(tds, cols, "Pos"));
            r.put("height", cell(tds, cols, "Height"));
            String weight = cell(tds, cols, "Weight");
            r.put("weight_lbs", weight == null ? null : intOrFail(html, path + " td.Weight", weight.replace("lbs", "").strip()));
            String birth = cell(tds, cols, "Birthdate");
            r.put("birth_date", birth == null ? null : date(html, path + " td.Birthdate", birth));
            String exp = cell(tds, cols, "Exp");
            r.put("experience_years", exp == null ? null : exp.equals("R") ? Integer.valueOf(0) : intOrFail(html, path + " td.Exp", exp));
            r.put("school", cell(tds, cols, "School"));
            r.put("how_acquired", cell(tds, cols, "How Acquired"));
            r.put("payload_id", ctx.payloadId());
            out.add(TABLE, r);
        }
        return out;
    }

    private static List<String> headers(Element table) {
        List<String> h = new ArrayList<>();
        for (Element th : table.select("thead th")) {
            h.add(th.text().strip());
        }
        return h;
    }

    private static String cell(Elements tds, List<String> cols, String col) {
        int i = cols.indexOf(col);
        if (i < 0) {
            return null;
        }
        String t = tds.get(i).text().strip();
        return t.isEmpty() ? null : t;
    }

    private static Integer intOrFail(HtmlPayload html, String path, String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw html.fail(path, "expected a whole number but found \"" + text + "\"", e);
        }
    }

    private static LocalDate date(HtmlPayload html, String path, String text) {
        try {
            return LocalDate.parse(text, BIRTH);
        } catch (DateTimeParseException e) {
            throw html.fail(path, "not a date: \"" + text + "\"", e);
        }
    }

}
