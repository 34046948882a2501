package io.nbaprops.source.espn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.identity.GameKey;
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
 * An ESPN box-score page ({@code espn.com/nba/boxscore/_/gameId/{id}}) into
 * {@code espn_box_score_player} and {@code espn_box_score_team}. Each team's section
 * ({@code div.Boxscore} with a {@code .BoxscoreItem__TeamName}) holds two tables side by side: the
 * names (fixed-left) and the numbers, row for row; "starters"/"bench"/"team" rows separate groups,
 * and a player who did not play has one cell like "DNP-COACH'S DECISION". The game id comes from
 * og:url, the date from the game information block, home and away from the line-score table.
 */
public final class EspnBoxScoreParser implements PayloadParser {
    public static final String PLAYERS = "espn_box_score_player";
    public static final String TEAMS = "espn_box_score_team";
    private static final Pattern GAME_ID = Pattern.compile("gameId/(\\d{1,15})");
    private static final Pattern PLAYER_ID = Pattern.compile("/id/(\\d{1,15})");
    private static final Pattern TEAM_SLUG = Pattern.compile("/name/([a-z]{2,4})/");
    private static final Pattern LONG_DATE = Pattern.compile("([A-Z][a-z]+ \\d{1,2}, \\d{4})");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final ObjectMapper PAGE_STATE = new ObjectMapper();
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return "espn_game_boxscore";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        HtmlPayload html = HtmlPayload.parse(payload, ctx);
        String url = html.meta("og:url");
        Matcher gm = GAME_ID.matcher(url == null ? "" : url);
        if (!gm.find()) {
            throw html.fail("meta[property=og:url]", "no ESPN game id in \"" + url + "\"");
        }
        String gameId = gm.group(1);
        LocalDate date = gameDate(html);
        String[] awayHome = awayHome(html);
        String key = GameKey.of(date, awayHome[0], awayHome[1]);
        ParsedRows out = new ParsedRows().table(PLAYERS).table(TEAMS);
        Elements sections = html.require(html.document(), "div.Boxscore.flex-column:has(.BoxscoreItem__TeamName)");
        for (int s = 0; s < sections.size(); s++) {
            Element section = sections.get(s);
            String sp = "div.Boxscore[" + s + "]";
            String teamName = html.first(section, ".BoxscoreItem__TeamName").text().strip();
            String team = Teams.find(teamName).map(Teams.Team::tricode)
                    .orElseThrow(() -> html.fail(sp + " .BoxscoreItem__TeamName", "unknown team \"" + teamName + "\""));
            if (!team.equals(awayHome[0]) && !team.equals(awayHome[1])) {
                throw html.fail(sp, teamName + " is not in this game (" + awayHome[0] + "@" + awayHome[1] + ")");
            }
            Elements names = html.first(section, "table.Table--fixed-left").select("tbody > tr");
            Element statsTable = null;
            for (Element t : section.select("table.Table")) {
                if (!t.hasClass("Table--fixed-left")) {
                    statsTable = t;
                    break;
                }
            }
            if (statsTable == null) {
                throw html.fail(sp + " table.Table", "no statistics table beside the names");
            }
            Elements stats = statsTable.select("tbody > tr");
            if (stats.size() != names.size()) {
                throw html.fail(sp, names.size() + " name rows but " + stats.size() + " statistics rows");
            }
            List<String> labels = new ArrayList<>();
            boolean starters = true;
            for (int i = 0; i < names.size(); i++) {
                String rp = sp + " tr[" + i + "]";
                Element nameRow = names.get(i);
                Elements cells = stats.get(i).select("> td");
                String label = nameRow.text().strip().toLowerCase(Locale.ROOT);
                if (label.equals("starters") || label.equals("bench")) {
                    starters = label.equals("starters");
                    labels = texts(cells);
                    continue;
                }
                Element link = nameRow.selectFirst("a[href]");
                if (label.equals("team") || link == null) {
                    int pts = labels.indexOf("PTS");
                    boolean totals = pts >= 0 && cells.size() == labels.size() && cells.size() > 1
                            && !cells.get(pts).text().isBlank() && !cells.get(1).text().contains("%");
                    if (totals) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("espn_game_id", gameId);
                        t.put("team", team);
                        t.put("game_date", date);
                        t.put("game_key", key);
                        t.put("is_home", team.equals(awayHome[1]));
                        putStats(html, rp, labels, cells, t);
                        t.put("payload_id", ctx.payloadId());
                        out.add(TEAMS, t);
                    }
                    continue;
                }
                Matcher pm = PLAYER_ID.matcher(link.attr("href"));
                if (!pm.find()) {
                    throw html.fail(rp + " a", "no player id in \"" + link.attr("href") + "\"");
                }
                Element longName = nameRow.selectFirst(".Boxscore__AthleteName--long");
                String name = (longName != null ? longName.text() : link.text()).strip();
                Element jersey = nameRow.selectFirst(".playerJersey");
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("espn_game_id", gameId);
                r.put("espn_player_id", Long.parseLong(pm.group(1)));
                r.put("game_date", date);
                r.put("game_key", key);
                r.put("team", team);
                r.put("is_home", team.equals(awayHome[1]));
                r.put("is_starter", starters);
                r.put("player_name", name);
                r.put("player_lookup", PlayerLookup.of(name));
                r.put("jersey_number", jersey == null ? null : jersey.text().replace("#", "").strip());
                if (cells.size() == 1 || labels.isEmpty()) {
                    String why = cells.isEmpty() ? null : cells.get(0).text().strip();
                    r.put("dnp_reason", why == null || why.isEmpty() ? null : why);
                    putStats(html, rp, List.of(), cells, r);
                } else if (cells.size() != labels.size()) {
                    throw html.fail(rp, "row has " + cells.size() + " cells but the header has " + labels.size());
                } else {
                    r.put("dnp_reason", null);
                    putStats(html, rp, labels, cells, r);
                }
                r.put("payload_id", ctx.payloadId());
                out.add(PLAYERS, r);
            }
        }
        return out;
    }

    /** The numbers of one row by column label; "5-9" splits into made and attempted. */
    private static void putStats(HtmlPayload html, String path, List<String> labels, Elements cells, Map<String, Object> r) {
        String[][] pairs = {{"FG", "fgm", "fga"}, {"3PT", "fg3m", "fg3a"}, {"FT", "ftm", "fta"}};
        String[][] singles = {{"MIN", "minutes"}, {"OREB", "oreb"}, {"DREB", "dreb"}, {"REB", "reb"}, {"AST", "ast"},
            {"STL", "stl"}, {"BLK", "blk"}, {"TO", "turnover"}, {"PF", "pf"}, {"+/-", "plus_minus"}, {"PTS", "pts"}};
        for (String[] pr : pairs) {
            int i = labels.indexOf(pr[0]);
            String v = i < 0 ? null : cells.get(i).text().strip();
            if (v == null || v.isEmpty() || v.equals("--")) {
                r.put(pr[1], null);
                r.put(pr[2], null);
                continue;
            }
            String[] ma = v.split("-");
            if (ma.length != 2) {
                throw html.fail(path + " td." + pr[0], "expected made-attempted but found \"" + v + "\"");
            }
            r.put(pr[1], number(html, path + " td." + pr[0], ma[0]));
            r.put(pr[2], number(html, path + " td." + pr[0], ma[1]));
        }
        for (String[] sg : singles) {
            int i = labels.indexOf(sg[0]);
            String v = i < 0 ? null : cells.get(i).text().strip();
            r.put(sg[1], v == null || v.isEmpty() || v.equals("--") ? null : number(html, path + " td." + sg[0], v));
        }
        if (r.get("minutes") instanceof Integer m) {
            r.put("minutes", m.doubleValue());
        }
    }

    private static Integer number(HtmlPayload html, String path, String text) {
        String t = text.strip();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw html.fail(path, "expected a number but found \"" + text + "\"", e);
        }
    }

    private static List<String> texts(Elements cells) {
        List<String> l = new ArrayList<>();
        for (Element c : cells) {
            l.add(c.text().strip());
        }
        return l;
    }

    /** The US date of the game from "1:00 PM, January 15, 2024" in the game information, else og:title's "(Jan 15, 2024)". */
    private static LocalDate gameDate(HtmlPayload html) {
        Element meta = html.document().selectFirst(".GameInfo__Meta");
        String text = meta == null ? "" : meta.text();
        Matcher m = LONG_DATE.matcher(text);
        try {
            if (m.find()) {
                return LocalDate.parse(m.group(1), DATE);
            }
            String title = html.meta("og:title");
            Matcher t = Pattern.compile("\\(([A-Z][a-z]{2} \\d{1,2}, \\d{4})\\)").matcher(title == null ? "" : title);
            if (t.find()) {
                return LocalDate.parse(t.group(1), SHORT_DATE);
            }
        } catch (DateTimeParseException e) {
            throw html.fail(".GameInfo__Meta", "game date not understood: \"" + text + "\"", e);
        }
        throw html.fail(".GameInfo__Meta", "no game date on the page");
    }

    /** Away and home tricodes from the line-score table: away on the first row, home on the second. */
    private static String[] awayHome(HtmlPayload html) {
        for (Element table : html.document().select("table")) {
            Elements rows = table.select("tbody > tr");
            if (rows.size() != 2) {
                continue;
            }
            String[] codes = new String[2];
            for (int i = 0; i < 2; i++) {
                Element a = rows.get(i).selectFirst("a[href*=/nba/team/_/name/]");
                Matcher m = TEAM_SLUG.matcher(a == null ? "" : a.attr("href"));
                codes[i] = m.find() ? Teams.find(m.group(1)).map(Teams.Team::tricode).orElse(null) : null;
            }
            if (codes[0] != null && codes[1] != null) {
                return codes;
            }
        }
        String[] fromData = awayHomeFromPageData(html);
        if (fromData != null) {
            return fromData;
        }
        throw html.fail("table (line score)", "no line-score table with the two teams, and no team data in the page script");
    }

    /**
     * Some captures lack the game strip; the page's embedded state ({@code window['__espnfitt__']})
     * still lists both teams with {@code isHome} under {@code gmStrp.tms}.
     */
    private static String[] awayHomeFromPageData(HtmlPayload html) {
        for (Element script : html.document().select("script")) {
            String data = script.data();
            int at = data.indexOf("__espnfitt__']=");
            if (at < 0) {
                continue;
            }
            int start = data.indexOf('{', at);
            int end = data.lastIndexOf('}');
            if (start < 0 || end <= start) {
                return null;
            }
            try {
                JsonNode root = PAGE_STATE.readTree(data.substring(start, end + 1));
                JsonNode tms = root.path("page").path("content").path("gamepackage").path("gmStrp").path("tms");
                String[] codes = new String[2];
                for (JsonNode t : tms) {
                    String code = Teams.find(t.path("abbrev").asText(null)).map(Teams.Team::tricode).orElse(null);
                    if (t.path("isHome").isBoolean()) {
                        codes[t.path("isHome").asBoolean() ? 1 : 0] = code;
                    }
                }
                return codes[0] != null && codes[1] != null ? codes : null;
            } catch (JsonProcessingException e) {
                throw html.fail("script (__espnfitt__)", "page state is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return null;
    }
}
