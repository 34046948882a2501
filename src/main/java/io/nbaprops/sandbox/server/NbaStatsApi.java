package io.nbaprops.sandbox.server;

import static io.nbaprops.sandbox.server.Json.obj;

import io.javalin.http.Context;
import io.nbaprops.identity.Teams;
import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.LeagueTeam;
import io.nbaprops.sandbox.SandboxLeague;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * NBA.com stats over the sandbox league: the season schedule ({@code scheduleleaguev2int}, game
 * statuses, scores, records and points leaders as of "now") and the player game log
 * ({@code leaguegamelog}, ended games only), in the real responses' shapes.
 */
final class NbaStatsApi {
    static final List<String> GAMELOG_HEADERS = List.of("SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ID",
            "TEAM_ABBREVIATION", "TEAM_NAME", "GAME_ID", "GAME_DATE", "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG_PCT", "FG3M",
            "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS",
            "PLUS_MINUS", "FANTASY_PTS", "VIDEO_AVAILABLE");
    private static final DateTimeFormatter LOCAL_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter US_DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy 00:00:00");
    private static final ZoneId ET = SandboxLeague.EASTERN;

    private final SandboxLeague league;
    private final ResponseCache cache;

    NbaStatsApi(SandboxLeague league, ResponseCache cache) {
        this.league = league;
        this.cache = cache;
    }

    /** The schedule depends on now only through how many games have ended (and which have started). */
    byte[] schedule(Context ctx, Instant now) {
        String season = Params.required(ctx, "Season");
        if (!SandboxLeague.SEASON.equals(season)) {
            throw ApiException.badParameter("Season", "the sandbox serves " + SandboxLeague.SEASON + " only");
        }
        Params.required(ctx, "LeagueID");
        int ended = 0;
        int started = 0;
        Instant lastChange = league.game(0).tipoff().minusSeconds(86_400);
        for (LeagueGame g : league.games()) {
            ended += g.hasEnded(now) ? 1 : 0;
            started += g.hasStarted(now) ? 1 : 0;
            for (Instant t : new Instant[] {g.tipoff(), g.endsAt()}) {
                lastChange = !t.isAfter(now) && t.isAfter(lastChange) ? t : lastChange;
            }
        }
        // The response is stamped with the last change it reflects, so equal states give equal bytes.
        Instant stamp = lastChange;
        return cache.get("nba:schedule:" + ended + ":" + started, () -> buildSchedule(stamp));
    }

    private Map<String, Object> buildSchedule(Instant now) {
        Map<String, int[]> record = new HashMap<>();
        Map<LocalDate, List<Object>> byDate = new TreeMap<>();
        Map<Integer, LocalDate[]> weeks = new TreeMap<>();
        for (LeagueGame g : league.games()) {
            boolean ended = g.hasEnded(now);
            if (ended) {
                record.computeIfAbsent(g.winner(), k -> new int[2])[0]++;
                record.computeIfAbsent(g.winner().equals(g.home()) ? g.away() : g.home(), k -> new int[2])[1]++;
            }
            byDate.computeIfAbsent(g.date(), d -> new ArrayList<>()).add(scheduleGame(g, now, record));
            LocalDate[] w = weeks.computeIfAbsent(g.weekNumber(), k -> new LocalDate[] {g.date(), g.date()});
            w[0] = g.date().isBefore(w[0]) ? g.date() : w[0];
            w[1] = g.date().isAfter(w[1]) ? g.date() : w[1];
        }
        List<Object> gameDates = new ArrayList<>();
        byDate.forEach((d, games) -> gameDates.add(obj("gameDate", d.format(US_DAY), "games", games)));
        List<Object> weekList = new ArrayList<>();
        weeks.forEach((n, w) -> weekList.add(obj("weekNumber", n, "weekName", "Week " + n, "startDate",
                w[0] + "T00:00:00Z", "endDate", w[1] + "T00:00:00Z")));
        return obj("meta", obj("version", 1, "request", "http://nba.cloud/league/00/" + SandboxLeague.SEASON
                + "/scheduleleaguev2?Format=json", "time", now.toString()), "leagueSchedule", obj("seasonYear",
                SandboxLeague.SEASON, "leagueId", "00", "gameDates", gameDates, "weeks", weekList, "broadcasterList",
                List.of(obj("broadcasterId", 1, "broadcasterDisplay", "ESPN", "broadcasterAbbreviation", "ESPN",
                        "broadcasterDescription", "", "regionId", 1))));
    }

    private static Map<String, Object> broadcaster(String scope, String media, int id, String name, long teamId) {
        return obj("broadcasterScope", scope, "broadcasterMedia", media, "broadcasterId", id, "broadcasterDisplay", name,
                "broadcasterAbbreviation", name, "broadcasterDescription", "", "tapeDelayComments", "",
                "broadcasterVideoLink", "", "regionId", 1, "broadcasterTeamId", teamId, "broadcasterRanking",
                "natl".equals(scope) && "tv".equals(media) ? (Object) 1 : null,
                "localizationRegion", "");
    }

    private Map<String, Object> broadcasters(LeagueGame g) {
        long home = league.team(g.home()).nbaTeamId();
        long away = league.team(g.away()).nbaTeamId();
        boolean national = g.index() % 4 == 0;
        return obj("nationalTvBroadcasters", national ? List.of(broadcaster("natl", "tv", 1, "ESPN", -1)) : List.of(),
                "nationalRadioBroadcasters", national ? List.of(broadcaster("natl", "radio", 2, "ESPN Radio", -1)) : List.of(),
                "nationalOttBroadcasters", national ? List.of(broadcaster("natl", "ott", 3, "ESPN+", -1)) : List.of(),
                "homeTvBroadcasters", List.of(broadcaster("home", "tv", 100 + (int) (home % 100), g.home() + " TV", home)),
                "homeRadioBroadcasters", List.of(broadcaster("home", "radio", 200 + (int) (home % 100), g.home() + " Radio", home)),
                "homeOttBroadcasters", List.of(broadcaster("home", "ott", 300 + (int) (home % 100), g.home() + " Stream", home)),
                "awayTvBroadcasters", List.of(broadcaster("away", "tv", 100 + (int) (away % 100), g.away() + " TV", away)),
                "awayRadioBroadcasters", List.of(broadcaster("away", "radio", 200 + (int) (away % 100), g.away() + " Radio", away)),
                "awayOttBroadcasters", List.of(broadcaster("away", "ott", 300 + (int) (away % 100), g.away() + " Stream", away)),
                "intlRadioBroadcasters", List.of(broadcaster("intl", "radio", 400, "NBA Radio International", -1)),
                "intlTvBroadcasters", List.of(broadcaster("can", "tv", 181, "NBA TV Canada", -1)),
                "intlOttBroadcasters", List.of(broadcaster("intl", "ott", 1605, "NBA League Pass", -1)));
    }

    private Map<String, Object> scheduleGame(LeagueGame g, Instant now, Map<String, int[]> record) {
        LeagueTeam home = league.team(g.home());
        LeagueTeam away = league.team(g.away());
        ZonedDateTime et = g.tipoff().atZone(ET);
        ZonedDateTime utc = g.tipoff().atZone(ZoneId.of("UTC"));
        boolean ended = g.hasEnded(now);
        boolean started = g.hasStarted(now);
        int status = ended ? 3 : started ? 2 : 1;
        String statusText = ended ? (g.periods() > 4 ? "Final/OT" + (g.periods() > 5 ? g.periods() - 4 : "") : "Final")
                : started ? "In Progress" : et.format(DateTimeFormatter.ofPattern("h:mm a", Locale.US)).toLowerCase(Locale.ROOT) + " ET";
        Map<String, Object> m = obj("gameId", g.gameId(), "gameCode", g.date().format(DateTimeFormatter.BASIC_ISO_DATE) + "/"
                + g.away() + g.home(), "gameStatus", status, "gameStatusText", statusText, "gameSequence",
                league.gamesOn(g.date()).indexOf(g) + 1, "gameDateEst", g.date() + "T00:00:00Z", "gameTimeEst",
                "1900-01-01T" + et.toLocalTime() + ":00Z", "gameDateTimeEst", et.format(LOCAL_Z), "gameDateUTC",
                g.date().atStartOfDay(ET).toInstant().toString(), "gameTimeUTC", "1900-01-01T" + utc.toLocalTime() + ":00Z",
                "gameDateTimeUTC", g.tipoff().toString(), "awayTeamTime", localTime(g, g.away()), "homeTeamTime",
                localTime(g, g.home()), "day", g.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US), "monthNum",
                g.date().getMonthValue(), "weekNumber", g.weekNumber(), "weekName", "Week " + g.weekNumber(), "ifNecessary",
                false, "seriesGameNumber", "", "gameLabel", g.label(), "gameSubLabel", g.subLabel(), "seriesText", "",
                "arenaName", home.arena(), "arenaState", home.arenaState(), "arenaCity", home.arenaCity(), "postponedStatus",
                "N", "branchLink", "", "gameSubtype", g.neutral() ? "Global Games" : "", "isNeutral", g.neutral());
        if (g.neutral()) {
            var fact = league.facts().schedule().get(g.index());
            m.put("arenaName", fact.arena());
            m.put("arenaState", fact.arenaState());
            m.put("arenaCity", fact.arenaCity());
        }
        m.put("broadcasters", broadcasters(g));
        int[] hr = record.getOrDefault(g.home(), new int[2]);
        int[] ar = record.getOrDefault(g.away(), new int[2]);
        m.put("homeTeam", scheduleTeam(home, hr, ended ? g.homeScore() : 0));
        m.put("awayTeam", scheduleTeam(away, ar, ended ? g.awayScore() : 0));
        m.put("pointsLeaders", ended ? pointsLeaders(g) : List.of());
        return m;
    }

    private String localTime(LeagueGame g, String tricode) {
        String zone = Teams.byTricode(tricode).map(Teams.Team::timeZone).orElse("America/New_York");
        return g.tipoff().atZone(ZoneId.of(zone)).format(LOCAL_Z);
    }

    private static Map<String, Object> scheduleTeam(LeagueTeam t, int[] record, int score) {
        return obj("teamId", t.nbaTeamId(), "teamName", t.name(), "teamCity", t.city(), "teamTricode", t.tricode(),
                "teamSlug", t.slug(), "wins", record[0], "losses", record[1], "score", score, "seed", 0);
    }

    private List<Object> pointsLeaders(LeagueGame g) {
        BoxScore box = league.boxScore(g.index());
        int best = -1;
        List<BoxLine> top = new ArrayList<>();
        for (List<BoxLine> side : List.of(box.home(), box.away())) {
            for (BoxLine l : side) {
                if (l.pts() > best) {
                    best = l.pts();
                    top.clear();
                }
                if (l.pts() == best) {
                    top.add(l);
                }
            }
        }
        List<Object> out = new ArrayList<>();
        for (BoxLine l : top) {
            LeaguePlayer p = league.player(l.playerIndex());
            LeagueTeam t = league.team(p.team());
            out.add(obj("personId", p.personId(), "firstName", p.firstName(), "lastName", p.lastName(), "teamId",
                    t.nbaTeamId(), "teamCity", t.city(), "teamName", t.name(), "teamTricode", t.tricode(), "points",
                    (double) l.pts()));
        }
        return out;
    }

    /** leaguegamelog, player mode: one row per player who played in an ended game in [DateFrom, DateTo]. */
    byte[] gameLog(Context ctx, Instant now) {
        String leagueId = Params.required(ctx, "LeagueID");
        String season = Params.required(ctx, "Season");
        String seasonType = Params.required(ctx, "SeasonType");
        String mode = Params.required(ctx, "PlayerOrTeam");
        if (!"P".equals(mode)) {
            throw ApiException.badParameter("PlayerOrTeam", "the sandbox serves the player log (P) only");
        }
        if (!SandboxLeague.SEASON.equals(season)) {
            throw ApiException.badParameter("Season", "the sandbox serves " + SandboxLeague.SEASON + " only");
        }
        String counter = ctx.queryParam("Counter") == null ? "1000" : ctx.queryParam("Counter");
        Params.parseLong("Counter", counter);
        String direction = ctx.queryParam("Direction") == null ? "DESC" : ctx.queryParam("Direction");
        if (!direction.equals("DESC") && !direction.equals("ASC")) {
            throw ApiException.badParameter("Direction", "must be ASC or DESC");
        }
        String sorter = ctx.queryParam("Sorter") == null ? "DATE" : ctx.queryParam("Sorter");
        String fromText = ctx.queryParam("DateFrom") == null ? "" : ctx.queryParam("DateFrom");
        String toText = ctx.queryParam("DateTo") == null ? "" : ctx.queryParam("DateTo");
        LocalDate from = fromText.isBlank() ? null : Params.date("DateFrom", fromText);
        LocalDate to = toText.isBlank() ? null : Params.date("DateTo", toText);
        List<List<Object>> rows = new ArrayList<>();
        if ("Regular Season".equals(seasonType)) {
            for (LeagueGame g : league.games()) {
                if (!g.hasEnded(now) || from != null && g.date().isBefore(from) || to != null && g.date().isAfter(to)) {
                    continue;
                }
                BoxScore box = league.boxScore(g.index());
                for (BoxLine l : box.home()) {
                    if (l.played()) {
                        rows.add(row(g, l, true));
                    }
                }
                for (BoxLine l : box.away()) {
                    if (l.played()) {
                        rows.add(row(g, l, false));
                    }
                }
            }
        }
        if ("DESC".equals(direction)) {
            java.util.Collections.reverse(rows);
        }
        Map<String, Object> params = obj("LeagueID", leagueId, "Season", season, "SeasonType", seasonType, "PlayerOrTeam",
                mode, "Counter", Integer.valueOf((int) Params.parseLong("Counter", counter)), "Sorter", sorter, "Direction",
                direction, "DateFrom", fromText, "DateTo", toText);
        return Json.bytes(obj("resource", "leaguegamelog", "parameters", params, "resultSets",
                List.of(obj("name", "LeagueGameLog", "headers", GAMELOG_HEADERS, "rowSet", rows))));
    }

    private List<Object> row(LeagueGame g, BoxLine l, boolean home) {
        LeaguePlayer p = league.player(l.playerIndex());
        LeagueTeam t = league.team(p.team());
        boolean won = home == (g.homeScore() > g.awayScore());
        String matchup = home ? g.home() + " vs. " + g.away() : g.away() + " @ " + g.home();
        double fantasy = l.pts() + 1.2 * l.reb() + 1.5 * l.ast() + 3 * l.stl() + 3 * l.blk() - l.tov();
        List<Object> r = new ArrayList<>(List.of("2" + SandboxLeague.SEASON_YEAR, p.personId(), p.fullName(), t.nbaTeamId(),
                t.tricode(), t.fullName(), g.gameId(), g.date().toString(), matchup, won ? "W" : "L", l.wholeMinutes(),
                l.fgm(), l.fga()));
        r.add(pct3(l.fgm(), l.fga()));
        r.addAll(List.of(l.fg3m(), l.fg3a()));
        r.add(pct3(l.fg3m(), l.fg3a()));
        r.addAll(List.of(l.ftm(), l.fta()));
        r.add(pct3(l.ftm(), l.fta()));
        r.addAll(List.of(l.oreb(), l.dreb(), l.reb(), l.ast(), l.stl(), l.blk(), l.tov(), l.pf(), l.pts(), l.plusMinus(),
                Math.round(fantasy * 10) / 10.0, 1));
        return r;
    }

    private static Double pct3(int made, int attempted) {
        return attempted == 0 ? null : Math.round(1000.0 * made / attempted) / 1000.0;
    }
}
