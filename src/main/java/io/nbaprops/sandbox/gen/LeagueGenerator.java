package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.GameLine;
import io.nbaprops.sandbox.InjuryReport;
import io.nbaprops.sandbox.InjuryStatus;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.LeagueTeam;
import io.nbaprops.sandbox.PlayerGameTruth;
import io.nbaprops.sandbox.PropLine;
import io.nbaprops.sandbox.facts.LeagueFacts;
import io.nbaprops.sandbox.facts.ScheduleFact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Plays the sandbox season day by day: for each game it fixes both teams' plans from availability,
 * drift, matchup and rest; computes the ground truth; lets the books post lines from what they know
 * that day; then simulates the box score. Deterministic for a seed.
 */
public final class LeagueGenerator {
    /** Regulation takes about 2h15 of clock time; each overtime about 15 minutes more. */
    static final Duration REGULATION = Duration.ofMinutes(135);
    static final Duration PER_OVERTIME = Duration.ofMinutes(15);
    static final long BDL_GAME_ID_BASE = 15_907_000L;
    /** Teammates compete for shots, so matching several scorers' targets takes a few rounds. */
    static final int CALIBRATION_PASSES = 5;
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final LeagueFacts facts;
    private final long seed;
    private Roster roster;
    private int[][] teamGames;
    private int[][] teamGameIndexOf;
    private boolean[][] backToBack;
    private int[][] restDays;
    private Availability[][] availability;
    private Drift[] drift;
    private List<ScheduleFact> schedule;

    public LeagueGenerator(LeagueFacts facts, long seed) {
        this.facts = facts;
        this.seed = seed;
    }

    public SeasonData generate() {
        prepare();
        return play();
    }

    /**
     * Everything decided before the first tip-off: ratings, each player's absences and their news,
     * his drift over the season, and the calibration to the real figures.
     */
    void prepare() {
        roster = new RatingsBuilder(facts, seed).build();
        schedule = facts.schedule();
        int nGames = schedule.size();
        indexTeamGames();
        LocalDate[] dates = new LocalDate[nGames];
        Instant[] tipoffs = new Instant[nGames];
        for (int g = 0; g < nGames; g++) {
            dates[g] = schedule.get(g).date();
            tipoffs[g] = schedule.get(g).tipoff();
        }
        availability = new InjuryPlanner(seed).plan(roster.players(), facts.players(), roster.teamPlayers(), teamGames, dates,
                tipoffs, backToBack);
        drift = new Drift[roster.players().size()];
        for (LeaguePlayer p : roster.players()) {
            int games = teamGames[roster.team(p.team()).index()].length;
            drift[p.index()] = new Drift(games, p.fromYear() >= 2023, Rng.of(seed, 31, p.personId()));
        }
        calibrate();
    }

    /** Plays the season day by day: truth, lines, then the box score of each game. */
    private SeasonData play() {
        int nGames = schedule.size();
        BookMaker books = new BookMaker(seed, roster, this);
        List<LeagueGame> games = new ArrayList<>(nGames);
        List<BoxScore> boxes = new ArrayList<>(nGames);
        List<List<PlayerGameTruth>> truths = new ArrayList<>(nGames);
        List<List<PropLine>> props = new ArrayList<>(nGames);
        List<List<GameLine>> gameLines = new ArrayList<>(nGames);
        int g = 0;
        while (g < nGames) {
            LocalDate day = schedule.get(g).date();
            int end = g;
            while (end < nGames && schedule.get(end).date().equals(day)) {
                end++;
            }
            for (int gi = g; gi < end; gi++) {
                ScheduleFact sf = schedule.get(gi);
                int home = roster.team(sf.home()).index();
                int away = roster.team(sf.away()).index();
                TeamGame h = teamGame(home, away, gi, true, null);
                TeamGame a = teamGame(away, home, gi, false, null);
                GameModel.Expectation exp = GameModel.expect(h, a);
                String key = gameKey(sf);
                BookMaker.Lines lines = books.lines(gi, sf, h, a, exp);
                props.add(lines.props());
                gameLines.add(lines.games());
                GameModel.Played played = GameModel.simulate(h, a, Rng.of(seed, 41, gi));
                BoxScore box = boxScore(gi, h, a, played);
                List<PlayerGameTruth> truth = truth(gi, key, sf, h, a, exp, box);
                int hs = played.points(0);
                int as = played.points(1);
                Instant ends = sf.tipoff().plus(REGULATION).plus(PER_OVERTIME.multipliedBy(played.periods() - 4));
                games.add(new LeagueGame(gi, key, sf.gameId(), BDL_GAME_ID_BASE + gi, eventId(sf.gameId()), sf.date(),
                        sf.tipoff(), ends, sf.home(), sf.away(), hs, as, played.periods(), sf.weekNumber(), sf.label(),
                        sf.subLabel(), sf.neutral()));
                boxes.add(box);
                truths.add(truth);
            }
            g = end;
        }
        return new SeasonData(roster, List.copyOf(games), List.copyOf(boxes), List.copyOf(truths), injuryReports(games),
                List.copyOf(props), List.copyOf(gameLines));
    }

    /**
     * Two passes over the season's expectations (no simulation) that scale each player's usage and
     * rebounding so that his expected per-game points and rebounds, over the games he plays, match
     * the real figures where the samples know them (and, for frequent game-high scorers, the level
     * their game-highs imply): minutes shifts from injuries and opponents otherwise pull them off.
     */
    private void calibrate() {
        int n = roster.players().size();
        for (int pass = 0; pass < CALIBRATION_PASSES; pass++) {
            double[] pts = new double[n];
            double[] reb = new double[n];
            int[] games = new int[n];
            double[] teamPts = new double[roster.teams().size()];
            int[] teamGamesPlayed = new int[roster.teams().size()];
            for (int gi = 0; gi < schedule.size(); gi++) {
                ScheduleFact sf = schedule.get(gi);
                int home = roster.team(sf.home()).index();
                int away = roster.team(sf.away()).index();
                TeamGame h = teamGame(home, away, gi, true, null);
                TeamGame a = teamGame(away, home, gi, false, null);
                GameModel.Expectation e = GameModel.expect(h, a);
                TeamGame[] sides = {h, a};
                teamPts[home] += e.homePoints();
                teamPts[away] += e.awayPoints();
                teamGamesPlayed[home]++;
                teamGamesPlayed[away]++;
                for (int s = 0; s < 2; s++) {
                    for (int r = 0; r < sides[s].size(); r++) {
                        int p = sides[s].players[r];
                        pts[p] += e.players()[s][r][GameModel.Expectation.PTS];
                        reb[p] += e.players()[s][r][GameModel.Expectation.REB];
                        games[p]++;
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                var f = facts.players().get(p);
                Ratings r = roster.ratings()[p];
                if (games[p] == 0 || pass == CALIBRATION_PASSES - 1) {
                    continue; // the last pass settles the team totals only
                }
                // Real scoring where known; for a frequent game-high scorer, the level his game-highs imply.
                double ppgTarget = f.realPpg() != null ? f.realPpg()
                        : f.leadGames() >= 5 ? RatingsBuilder.estimatePpg(f) : Double.NaN;
                if (!Double.isNaN(ppgTarget) && pts[p] > 0) {
                    // No one outside the real lines shoots more than 0.7 a minute (34 attempts per 48).
                    double usage = r.usage() * ppgTarget / (pts[p] / games[p]);
                    r = r.withUsage(r.efficiencyFixed() ? usage : Math.min(0.7, usage));
                }
                if (f.realRpg() != null && reb[p] > 0) {
                    r = r.withReb(r.reb() * f.realRpg() / (reb[p] / games[p]));
                }
                roster.ratings()[p] = r;
            }
            // Then each team's shooting, so that its expected season scoring (injuries included) is its real one.
            for (int t = 0; t < teamPts.length; t++) {
                // Targets are pulled slightly inside the real range so a season's sampling noise keeps
                // every team within the league's plausible 105-125 band.
                double target = Math.max(107.5, Math.min(122.5, facts.teams().get(t).realPpg()));
                double factor = target / (teamPts[t] / teamGamesPlayed[t]);
                for (int p : roster.teamPlayers()[t]) {
                    Ratings r = roster.ratings()[p];
                    if (!r.efficiencyFixed()) {
                        roster.ratings()[p] = r.withShooting(Math.min(0.72, r.p2() * factor), Math.min(0.47, r.p3() * factor));
                    }
                }
            }
        }
    }

    private void indexTeamGames() {
        int nTeams = roster.teams().size();
        List<List<Integer>> per = new ArrayList<>();
        for (int t = 0; t < nTeams; t++) {
            per.add(new ArrayList<>());
        }
        for (int g = 0; g < schedule.size(); g++) {
            per.get(roster.team(schedule.get(g).home()).index()).add(g);
            per.get(roster.team(schedule.get(g).away()).index()).add(g);
        }
        teamGames = new int[nTeams][];
        teamGameIndexOf = new int[nTeams][schedule.size()];
        backToBack = new boolean[nTeams][];
        restDays = new int[nTeams][];
        for (int t = 0; t < nTeams; t++) {
            teamGames[t] = per.get(t).stream().mapToInt(Integer::intValue).toArray();
            Arrays.fill(teamGameIndexOf[t], -1);
            backToBack[t] = new boolean[teamGames[t].length];
            restDays[t] = new int[teamGames[t].length];
            for (int k = 0; k < teamGames[t].length; k++) {
                teamGameIndexOf[t][teamGames[t][k]] = k;
                int days = k == 0 ? 4 : (int) ChronoUnit.DAYS.between(schedule.get(teamGames[t][k - 1]).date(),
                        schedule.get(teamGames[t][k]).date());
                restDays[t][k] = days;
                backToBack[t][k] = days == 1;
            }
        }
    }

    /** Whether the player is out of this game, as finally decided. */
    Availability availability(int player, int team, int game) {
        return availability[player][teamGameIndexOf[team][game]];
    }

    /**
     * One team's plan for one game. {@code assumedAvailable} (may be null) lists players to treat as
     * available even though they are out: the books' view before the news reaches them.
     */
    TeamGame teamGame(int team, int opponent, int game, boolean home, boolean[] assumedAvailable) {
        return teamGame(team, opponent, game, home, assumedAvailable, false);
    }

    /** With {@code neutral}: the same plan at league-average pace against an average defence, at home and rested. */
    TeamGame teamGame(int team, int opponent, int game, boolean home, boolean[] assumedAvailable, boolean neutral) {
        int k = teamGameIndexOf[team][game];
        int[] members = roster.teamPlayers()[team];
        List<Integer> active = new ArrayList<>();
        double[] target = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            int p = members[j];
            Availability av = availability[p][k];
            if (av.out() && (assumedAvailable == null || !assumedAvailable[j])) {
                continue;
            }
            LeaguePlayer lp = roster.players().get(p);
            double m = lp.baseMinutes() * StrictMath.exp(drift[p].minutes[k]) * (av.out() ? 1 : av.ramp());
            if (backToBack[team][k] && lp.baseMinutes() >= 28) {
                m *= 0.94;
            }
            if (av.listed() != null && !av.out()) {
                m *= 0.95;
            }
            target[j] = m;
            active.add(j);
        }
        double[] slots = Arrays.stream(members).mapToDouble(p -> roster.players().get(p).baseMinutes())
                .boxed().sorted(Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
        active.sort(Comparator.comparingDouble((Integer j) -> -target[j]).thenComparingInt(j -> j));
        int n = active.size();
        double[] minutes = new double[n];
        for (int r = 0; r < n; r++) {
            double t = target[active.get(r)];
            minutes[r] = Math.max(t, 0.55 * t + 0.45 * slots[r]);
        }
        fillMinutes(minutes, 240, 40);
        TeamGame tg = new TeamGame(team, n);
        LeagueTeam own = roster.teams().get(team);
        LeagueTeam opp = roster.teams().get(opponent);
        double pace = neutral ? own.pace() : own.pace() * opp.pace() / roster.leaguePace();
        tg.fgaPer48 = pace * Roster.FGA_PER_POSSESSION;
        tg.rebEnv = pace / roster.leaguePace();
        int rest = restDays[team][k];
        double context = neutral ? 1.0 : (home ? 1.013 : 0.987) * (rest == 1 ? 0.98 : rest >= 3 ? 1.005 : 1.0) * opp.defense();
        double healthyReb = 0;
        for (int p : members) {
            healthyReb += roster.players().get(p).baseMinutes() * roster.ratings()[p].reb();
        }
        tg.healthyRebPerMin = healthyReb / 240;
        for (int r = 0; r < n; r++) {
            int p = members[active.get(r)];
            Ratings rt = roster.ratings()[p];
            Drift d = drift[p];
            tg.players[r] = p;
            tg.minutes[r] = minutes[r];
            tg.fringe[r] = minutes[r] > 0 && minutes[r] < 12;
            tg.playProb[r] = tg.fringe[r] ? Math.min(0.95, 0.3 + minutes[r] / 15) : 1;
            tg.starter[r] = r < 5;
            tg.usage[r] = rt.usage() * StrictMath.exp(d.usage[k]);
            double shooting = StrictMath.exp(d.shooting[k]) * context;
            tg.threeShare[r] = rt.threeShare();
            tg.p2[r] = Math.min(0.75, rt.p2() * shooting);
            tg.p3[r] = Math.min(0.5, rt.p3() * shooting);
            tg.paintShare[r] = rt.paintShare();
            tg.ftRate[r] = rt.ftRate();
            tg.ftPct[r] = rt.ftPct();
            tg.reb[r] = rt.reb();
            tg.orebShare[r] = rt.orebShare();
            tg.ast[r] = rt.ast();
            tg.stl[r] = rt.stl();
            tg.blk[r] = rt.blk();
            tg.tovPerFga[r] = rt.tovPerFga();
            tg.tovPerMin[r] = rt.tovPerMin();
            tg.pf[r] = rt.pf();
        }
        return tg;
    }

    /**
     * Brings the plan to {@code total} minutes. Minutes left by absent players go mostly to those
     * with room to play more (the bench), as coaches do, rather than pro rata to the stars.
     */
    static void fillMinutes(double[] minutes, double total, double cap) {
        double sum = 0;
        for (double m : minutes) {
            sum += m;
        }
        if (sum < total) {
            double room = 0;
            for (double m : minutes) {
                room += m > 0 ? Math.max(0, 36 - m) : 0;
            }
            double missing = total - sum;
            for (int i = 0; i < minutes.length && room > 0; i++) {
                if (minutes[i] > 0) {
                    minutes[i] += missing * Math.max(0, 36 - minutes[i]) / room;
                }
            }
        }
        normaliseMinutes(minutes, total, cap);
    }

    /** Scales minutes to {@code total}, holding any player at {@code cap}. */
    static void normaliseMinutes(double[] minutes, double total, double cap) {
        for (int iter = 0; iter < 10; iter++) {
            double capped = 0;
            double free = 0;
            for (double m : minutes) {
                if (m >= cap) {
                    capped += cap;
                } else {
                    free += m;
                }
            }
            double scale = (total - capped) / free;
            boolean changed = false;
            for (int i = 0; i < minutes.length; i++) {
                if (minutes[i] >= cap) {
                    minutes[i] = cap;
                } else {
                    minutes[i] *= scale;
                    changed |= minutes[i] > cap;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private BoxScore boxScore(int game, TeamGame h, TeamGame a, GameModel.Played played) {
        return new BoxScore(game, lines(game, h, played, 0), lines(game, a, played, 1));
    }

    private List<BoxLine> lines(int game, TeamGame tg, GameModel.Played played, int side) {
        List<BoxLine> out = new ArrayList<>();
        for (int r = 0; r < tg.size(); r++) {
            int[] s = played.stats()[side][r];
            int sec = played.seconds()[side][r];
            boolean didPlay = sec > 0;
            out.add(new BoxLine(tg.players[r], roster.players().get(tg.players[r]).team(), tg.starter[r] && didPlay, didPlay,
                    didPlay ? null : "DNP - Coach's Decision", sec, s[GameModel.Played.FGM], s[GameModel.Played.FGA],
                    s[GameModel.Played.FG3M], s[GameModel.Played.FG3A], s[GameModel.Played.FTM], s[GameModel.Played.FTA],
                    s[GameModel.Played.OREB], s[GameModel.Played.DREB], s[GameModel.Played.AST], s[GameModel.Played.STL],
                    s[GameModel.Played.BLK], s[GameModel.Played.TOV], s[GameModel.Played.PF], s[GameModel.Played.PTS],
                    didPlay ? played.plusMinus()[side][r] : 0));
        }
        for (int p : roster.teamPlayers()[tg.team]) {
            Availability av = availability(p, tg.team, game);
            if (av.out()) {
                String why = "Rest".equals(av.reason()) ? "DND - Rest" : "DND - Injury/Illness - " + av.reason();
                out.add(new BoxLine(p, roster.players().get(p).team(), false, false, why, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0));
            }
        }
        return out;
    }

    private List<PlayerGameTruth> truth(int game, String key, ScheduleFact sf, TeamGame h, TeamGame a,
            GameModel.Expectation exp, BoxScore box) {
        List<PlayerGameTruth> out = new ArrayList<>();
        TeamGame[] sides = {h, a};
        List<List<BoxLine>> lines = List.of(box.home(), box.away());
        for (int s = 0; s < 2; s++) {
            TeamGame tg = sides[s];
            for (int r = 0; r < tg.size(); r++) {
                double[] e = exp.players()[s][r];
                LeaguePlayer p = roster.players().get(tg.players[r]);
                out.add(new PlayerGameTruth(key, sf.date(), game, p.index(), p.lookup(), p.personId(), p.team(),
                        e[GameModel.Expectation.PTS], e[GameModel.Expectation.REB], e[GameModel.Expectation.AST],
                        e[GameModel.Expectation.FG3M], e[GameModel.Expectation.MIN], true, lines.get(s).get(r).played()));
            }
            for (BoxLine l : lines.get(s)) {
                if (l.dnpReason() != null && l.dnpReason().startsWith("DND")) {
                    LeaguePlayer p = roster.players().get(l.playerIndex());
                    out.add(new PlayerGameTruth(key, sf.date(), game, p.index(), p.lookup(), p.personId(), p.team(), 0, 0, 0,
                            0, 0, false, false));
                }
            }
        }
        return out;
    }

    private List<InjuryReport> injuryReports(List<LeagueGame> games) {
        List<InjuryReport> out = new ArrayList<>();
        for (LeagueTeam team : roster.teams()) {
            int t = team.index();
            for (int p : roster.teamPlayers()[t]) {
                Availability[] a = availability[p];
                for (int k = 0; k < a.length; k++) {
                    Availability av = a[k];
                    if (av.listed() == null && !av.out()) {
                        continue;
                    }
                    LeagueGame g = games.get(teamGames[t][k]);
                    LocalDate back = null;
                    for (int j = k + 1; j < a.length && back == null; j++) {
                        if (!a[j].out()) {
                            back = games.get(teamGames[t][j]).date();
                        }
                    }
                    if (av.listed() != null && av.listedAt() != null) {
                        out.add(new InjuryReport(p, team.tricode(), g.gameKey(), g.date(), av.listedAt(), av.listed(),
                                av.reason(), av.listed() == InjuryStatus.OUT ? back : g.date()));
                    }
                    if (av.listed() != InjuryStatus.OUT) {
                        out.add(new InjuryReport(p, team.tricode(), g.gameKey(), g.date(), av.decidedAt(),
                                av.out() ? InjuryStatus.OUT : InjuryStatus.AVAILABLE, av.reason(), av.out() ? back : g.date()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(InjuryReport::reportedAt).thenComparingInt(InjuryReport::playerIndex));
        return List.copyOf(out);
    }

    static String gameKey(ScheduleFact sf) {
        return sf.date().format(KEY_DATE) + "_" + sf.away() + "_" + sf.home();
    }

    /** A stable 32-hex-digit Odds API event id for an NBA.com game id. */
    static String eventId(String gameId) {
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(("sandbox-event:" + gameId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    /** The rated league (available once {@link #prepare} has run). */
    Roster roster() {
        return roster;
    }
}
