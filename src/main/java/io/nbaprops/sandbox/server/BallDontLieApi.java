package io.nbaprops.sandbox.server;

import static io.nbaprops.sandbox.server.Json.obj;

import io.javalin.http.Context;
import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.InjuryReport;
import io.nbaprops.sandbox.InjuryStatus;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.LeagueTeam;
import io.nbaprops.sandbox.SandboxLeague;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * balldontlie's v1 API over the sandbox league, field for field as the real responses: games,
 * box scores, per-player stats, players, teams and the injury list, with cursor pagination
 * ({@code meta.next_cursor} is the id of the page's last item; the next page starts after it).
 * Box scores and stats appear only once a game has ended.
 */
final class BallDontLieApi {
    static final long STAT_ID_BASE = 20_000_000L;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final String[] QUARTERS = {"1st Qtr", "2nd Qtr", "3rd Qtr", "4th Qtr"};

    private final SandboxLeague league;
    private final ResponseCache cache;

    BallDontLieApi(SandboxLeague league, ResponseCache cache) {
        this.league = league;
        this.cache = cache;
    }

    Map<String, Object> team(LeagueTeam t) {
        return obj("id", t.bdlId(), "conference", t.conference(), "division", t.division(), "city", t.city(), "name",
                t.name(), "full_name", t.fullName(), "abbreviation", t.tricode());
    }

    private Map<String, Object> player(LeaguePlayer p) {
        return obj("id", p.bdlId(), "first_name", p.firstName(), "last_name", p.lastName(), "position", p.position(),
                "height", p.height(), "weight", p.weight(), "jersey_number", p.jersey(), "college", p.college(), "country",
                p.country(), "draft_year", p.draftYear(), "draft_round", p.draftRound(), "draft_number", p.draftNumber());
    }

    private Map<String, Object> playerWithTeamId(LeaguePlayer p) {
        Map<String, Object> m = player(p);
        m.put("team_id", league.team(p.team()).bdlId());
        return m;
    }

    private Map<String, Object> playerWithTeam(LeaguePlayer p) {
        Map<String, Object> m = player(p);
        m.put("team", team(league.team(p.team())));
        return m;
    }

    /** The game as balldontlie shows it at {@code now}: scheduled (status = tip-off), in a quarter, or Final. */
    private Map<String, Object> game(LeagueGame g, Instant now, boolean nestedTeams) {
        Map<String, Object> m = obj("id", g.bdlId(), "date", g.date().toString(), "season", SandboxLeague.SEASON_YEAR);
        gameState(m, g, now);
        m.put("datetime", g.tipoff().toString().replace("Z", ".000Z"));
        if (nestedTeams) {
            m.put("home_team", team(league.team(g.home())));
            m.put("visitor_team", team(league.team(g.away())));
        } else {
            m.put("home_team_id", league.team(g.home()).bdlId());
            m.put("visitor_team_id", league.team(g.away()).bdlId());
        }
        return m;
    }

    private void gameState(Map<String, Object> m, LeagueGame g, Instant now) {
        boolean ended = g.hasEnded(now);
        boolean started = g.hasStarted(now);
        int period = 0;
        String status = g.tipoff().toString();
        if (ended) {
            period = g.periods();
            status = "Final";
        } else if (started) {
            // Live scores are not modelled: the box score only exists once the game has ended.
            double elapsed = (now.getEpochSecond() - g.tipoff().getEpochSecond()) / 1800.0;
            period = Math.min(4, 1 + (int) elapsed);
            status = QUARTERS[period - 1];
        }
        m.put("status", status);
        m.put("period", period);
        m.put("time", ended ? "Final" : "");
        m.put("postseason", false);
        m.put("home_team_score", ended ? g.homeScore() : 0);
        m.put("visitor_team_score", ended ? g.awayScore() : 0);
    }

    private Map<String, Object> line(BoxLine l) {
        return obj("min", l.minutesRounded(), "fgm", l.fgm(), "fga", l.fga(), "fg_pct", Json.pct(l.fgm(), l.fga()), "fg3m",
                l.fg3m(), "fg3a", l.fg3a(), "fg3_pct", Json.pct(l.fg3m(), l.fg3a()), "ftm", l.ftm(), "fta", l.fta(), "ft_pct",
                Json.pct(l.ftm(), l.fta()), "oreb", l.oreb(), "dreb", l.dreb(), "reb", l.reb(), "ast", l.ast(), "stl", l.stl(),
                "blk", l.blk(), "turnover", l.tov(), "pf", l.pf(), "pts", l.pts());
    }

    // ---- endpoints ----

    byte[] teams() {
        return cache.get("bdl:teams", () -> obj("data", league.teams().stream().map(this::team).toList()));
    }

    byte[] teamById(long id) {
        LeagueTeam t = league.teams().stream().filter(x -> x.bdlId() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("no team with id " + id));
        return Json.bytes(obj("data", team(t)));
    }

    byte[] players(Context ctx) {
        List<Long> teamIds = Params.longs(ctx, "team_ids");
        List<Long> playerIds = Params.longs(ctx, "player_ids");
        String search = ctx.queryParam("search");
        List<LeaguePlayer> all = league.players().stream()
                .filter(p -> teamIds.isEmpty() || teamIds.contains((long) league.team(p.team()).bdlId()))
                .filter(p -> playerIds.isEmpty() || playerIds.contains(p.bdlId()))
                .filter(p -> search == null || search.isBlank()
                        || p.fullName().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)))
                .sorted((a, b) -> Long.compare(a.bdlId(), b.bdlId())).toList();
        return Json.bytes(Page.of(ctx, all, LeaguePlayer::bdlId, this::playerWithTeam).body());
    }

    byte[] playerById(long id) {
        LeaguePlayer p = league.playerByBdlId(id).orElseThrow(() -> ApiException.notFound("no player with id " + id));
        return Json.bytes(obj("data", playerWithTeam(p)));
    }

    byte[] games(Context ctx, Instant now) {
        List<LocalDate> dates = Params.dates(ctx, "dates");
        LocalDate start = Params.optDate(ctx, "start_date");
        LocalDate end = Params.optDate(ctx, "end_date");
        List<Long> seasons = Params.longs(ctx, "seasons");
        List<Long> teamIds = Params.longs(ctx, "team_ids");
        String post = ctx.queryParam("postseason");
        boolean postseasonOnly = "true".equalsIgnoreCase(post);
        List<LeagueGame> games = league.games().stream()
                .filter(g -> !postseasonOnly)
                .filter(g -> dates.isEmpty() || dates.contains(g.date()))
                .filter(g -> start == null || !g.date().isBefore(start))
                .filter(g -> end == null || !g.date().isAfter(end))
                .filter(g -> seasons.isEmpty() || seasons.contains((long) SandboxLeague.SEASON_YEAR))
                .filter(g -> teamIds.isEmpty() || teamIds.contains((long) league.team(g.home()).bdlId())
                        || teamIds.contains((long) league.team(g.away()).bdlId()))
                .toList();
        return Json.bytes(Page.of(ctx, games, LeagueGame::bdlId, g -> game(g, now, true)).body());
    }

    byte[] gameById(long id, Instant now) {
        LeagueGame g = league.gameByBdlId(id).orElseThrow(() -> ApiException.notFound("no game with id " + id));
        return Json.bytes(obj("data", game(g, now, true)));
    }

    /** A day's box scores: only the games that have ended by {@code now}; cached per set of ended games. */
    byte[] boxScores(Context ctx, Instant now) {
        return boxScores(Params.date("date", Params.required(ctx, "date")), now);
    }

    byte[] boxScores(LocalDate date, Instant now) {
        List<LeagueGame> ended = league.gamesOn(date).stream().filter(g -> g.hasEnded(now)).toList();
        String key = "bdl:box:" + date + ":" + ended.size();
        return cache.get(key, () -> {
            List<Object> data = new ArrayList<>();
            for (LeagueGame g : ended) {
                BoxScore box = league.boxScore(g.index());
                Map<String, Object> m = obj("date", g.date().toString(), "season", SandboxLeague.SEASON_YEAR);
                gameState(m, g, now);
                Map<String, Object> home = team(league.team(g.home()));
                home.put("players", box.home().stream().map(l -> withPlayer(l)).toList());
                Map<String, Object> away = team(league.team(g.away()));
                away.put("players", box.away().stream().map(l -> withPlayer(l)).toList());
                m.put("home_team", home);
                m.put("visitor_team", away);
                data.add(m);
            }
            return obj("data", data);
        });
    }

    private Map<String, Object> withPlayer(BoxLine l) {
        Map<String, Object> m = line(l);
        m.put("player", player(league.player(l.playerIndex())));
        return m;
    }

    /** One stat line per player and ended game, with its id {@code STAT_ID_BASE + game*40 + slot}. */
    private record StatRef(long id, LeagueGame game, BoxLine line) {}

    byte[] stats(Context ctx, Instant now) {
        List<LocalDate> dates = Params.dates(ctx, "dates");
        List<Long> gameIds = Params.longs(ctx, "game_ids");
        List<Long> playerIds = Params.longs(ctx, "player_ids");
        List<Long> seasons = Params.longs(ctx, "seasons");
        LocalDate start = Params.optDate(ctx, "start_date");
        LocalDate end = Params.optDate(ctx, "end_date");
        if (!seasons.isEmpty() && !seasons.contains((long) SandboxLeague.SEASON_YEAR)) {
            return Json.bytes(obj("data", List.of(), "meta", obj("per_page", Page.perPage(ctx))));
        }
        Set<Long> players = new HashSet<>(playerIds);
        List<StatRef> refs = new ArrayList<>();
        for (LeagueGame g : league.games()) {
            if (!g.hasEnded(now) || !dates.isEmpty() && !dates.contains(g.date()) || !gameIds.isEmpty() && !gameIds.contains(g.bdlId())
                    || start != null && g.date().isBefore(start) || end != null && g.date().isAfter(end)) {
                continue;
            }
            BoxScore box = league.boxScore(g.index());
            int slot = 0;
            for (List<BoxLine> side : List.of(box.home(), box.away())) {
                for (BoxLine l : side) {
                    if (players.isEmpty() || players.contains(league.player(l.playerIndex()).bdlId())) {
                        refs.add(new StatRef(STAT_ID_BASE + g.index() * 60L + slot, g, l));
                    }
                    slot++;
                }
            }
        }
        return Json.bytes(Page.of(ctx, refs, StatRef::id, r -> {
            Map<String, Object> m = obj("id", r.id());
            m.putAll(line(r.line()));
            LeaguePlayer p = league.player(r.line().playerIndex());
            m.put("player", playerWithTeamId(p));
            m.put("team", team(league.team(r.line().team())));
            m.put("game", game(r.game(), now, false));
            return m;
        }).body());
    }

    /** The injury list as of {@code now}; each entry's id (for the cursor) is the player's id. */
    byte[] injuries(Context ctx, Instant now) {
        List<Long> teamIds = Params.longs(ctx, "team_ids");
        List<Long> playerIds = Params.longs(ctx, "player_ids");
        List<InjuryReport> list = league.injuryListAsOf(now).stream()
                .filter(r -> teamIds.isEmpty() || teamIds.contains((long) league.team(r.team()).bdlId()))
                .filter(r -> playerIds.isEmpty() || playerIds.contains(league.player(r.playerIndex()).bdlId()))
                .sorted((a, b) -> Long.compare(league.player(a.playerIndex()).bdlId(), league.player(b.playerIndex()).bdlId()))
                .toList();
        return Json.bytes(Page.of(ctx, list, r -> league.player(r.playerIndex()).bdlId(), r -> {
            LeaguePlayer p = league.player(r.playerIndex());
            LocalDate back = r.expectedReturn();
            String when = r.reportedAt().atZone(SandboxLeague.EASTERN).format(MONTH_DAY);
            String game = r.gameDate().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
            String verb = r.status() == InjuryStatus.OUT ? "has been ruled out for" : "is " + r.status().name().toLowerCase(Locale.ROOT) + " for";
            String why = r.reason() == null ? "" : " (" + shortReason(r.reason()) + ")";
            return obj("player", playerWithTeamId(p), "return_date", back == null ? null : back.format(MONTH_DAY),
                    "description", when + ": " + p.lastName() + why + " " + verb + " " + game + "'s game.",
                    "status", r.status().balldontlie());
        }).body());
    }

    private static String shortReason(String reason) {
        int semi = reason.indexOf(';');
        return (semi > 0 ? reason.substring(0, semi) : reason).toLowerCase(Locale.ROOT);
    }
}
