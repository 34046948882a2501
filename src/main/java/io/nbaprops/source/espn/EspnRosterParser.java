package io.nbaprops.source.espn;

import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.HtmlPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * An ESPN team roster page ({@code espn.com/nba/team/roster/_/name/{abbr}/...}) into
 * {@code espn_roster}. The team comes from og:url; in the Name cell the link holds the player's
 * name and id and a trailing span his jersey number; other columns are found by header.
 */
public final class EspnRosterParser implements PayloadParser {
    public static final String TABLE = "espn_roster";
    private static final Pattern TEAM = Pattern.compile("/name/([a-z]{2,4})(?:/|$)");
    private static final Pattern PLAYER_ID = Pattern.compile("/id/(\\d{1,15})");
    private static final Pattern INCHES = Pattern.compile("(\\d)'\\s*(\\d{1,2})\"");

    @Override
    public String name() {
        return "espn_roster";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        HtmlPayload html = HtmlPayload.parse(payload, ctx);
        String url = html.meta("og:url");
        Matcher tm = TEAM.matcher(url == null ? "" : url);
        if (!tm.find()) {
            throw html.fail("meta[property=og:url]", "no team in \"" + url + "\"");
        }
        String team = Teams.find(tm.group(1)).map(Teams.Team::tricode)
                .orElseThrow(() -> html.fail("meta[property=og:url]", "unknown team \"" + tm.group(1) + "\""));
        ParsedRows out = new ParsedRows().table(TABLE);
        int t = 0;
        for (Element table : html.require(html.document(), "table.Table")) {
            List<String> cols = new ArrayList<>();
            for (Element th : table.select("thead th")) {
                cols.add(th.text().strip());
            }
            if (!cols.contains("Name")) {
                continue;
            }
            Elements rows = table.select("tbody > tr");
            for (int i = 0; i < rows.size(); i++) {
                String rp = "table.Table[" + t + "] tr[" + i + "]";
                Elements tds = rows.get(i).select("> td");
                if (tds.size() != cols.size()) {
                    throw html.fail(rp, "row has " + tds.size() + " cells but the header has " + cols.size());
                }
                Element nameCell = tds.get(cols.indexOf("Name"));
                Element link = nameCell.selectFirst("a[href]");
                if (link == null) {
                    throw html.fail(rp + " td.Name", "no link to the player page");
                }
                Matcher pm = PLAYER_ID.matcher(link.attr("href"));
                if (!pm.find()) {
                    throw html.fail(rp + " td.Name a", "no player id in \"" + link.attr("href") + "\"");
                }
                String name = link.text().strip();
                Element jersey = nameCell.selectFirst("span");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("team", team);
                r.put("espn_player_id", Long.parseLong(pm.group(1)));
                r.put("as_of_date", ctx.partitionDate());
                r.put("player_name", name);
                r.put("player_lookup", PlayerLookup.of(name));
                r.put("jersey_number", jersey == null || jersey.text().isBlank() ? null : jersey.text().strip());
                r.put("position", cell(tds, cols, "POS"));
                String age = cell(tds, cols, "Age");
                r.put("age", age == null || !age.matches("\\d{1,3}") ? null : Integer.valueOf(age));
                String ht = cell(tds, cols, "HT");
                Matcher hm = INCHES.matcher(ht == null ? "" : ht);
                r.put("height_inches", hm.find() ? Integer.parseInt(hm.group(1)) * 12 + Integer.parseInt(hm.group(2)) : null);
                String wt = cell(tds, cols, "WT");
                r.put("weight_lbs", wt == null || !wt.matches("\\d{2,3} lbs") ? null : Integer.valueOf(wt.substring(0, wt.indexOf(' '))));
                r.put("college", cell(tds, cols, "College"));
                r.put("salary_text", cell(tds, cols, "Salary"));
                r.put("payload_id", ctx.payloadId());
                out.add(TABLE, r);
            }
            t++;
        }
        if (t == 0) {
            throw html.fail("table.Table", "no roster table (a table with a Name column)");
        }
        return out;
    }

    private static String cell(Elements tds, List<String> cols, String col) {
        int i = cols.indexOf(col);
        if (i < 0) {
            return null;
        }
        String v = tds.get(i).text().strip();
        return v.isEmpty() || v.equals("--") ? null : v;
    }
}
