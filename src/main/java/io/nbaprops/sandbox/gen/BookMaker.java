package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.Book;
import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.GameLine;
import io.nbaprops.sandbox.GameLineSnapshot;
import io.nbaprops.sandbox.Market;
import io.nbaprops.sandbox.PlayerGameTruth;
import io.nbaprops.sandbox.PropLine;
import io.nbaprops.sandbox.PropSnapshot;
import io.nbaprops.sandbox.facts.ScheduleFact;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sportsbooks. Each book's estimate of a player's mean is the generator's expectation under
 * what the book knows at that moment (news reaches it late, and some books never move a stale line
 * for a teammate), moved by its habits: it takes only part of the matchup / pace / rest effect,
 * chases recent results, carries a per-player bias and some noise that shrinks towards tip-off as
 * the market sharpens. Lines sit at .5 (some books sometimes hang whole numbers) with American
 * prices around -110 that lean when the book's estimate sits off the line.
 */
final class BookMaker {
    /** Share of the matchup / pace / rest effect a book prices in. */
    static final double CONTEXT_TAKEN = 0.55;
    /** How much of a player's recent over- or under-performance a book chases. */
    static final double FORM_CHASED = 0.6;
    private static final double[] BIAS_SD = {0.6, 0.3, 0.25, 0.12};
    private static final double[] NOISE_SD = {1.0, 0.5, 0.4, 0.2};
    private static final int[] OPEN_OFFSET_MIN = {0, 25, 45, 70, 95};

    private final long seed;
    private final Roster roster;
    private final LeagueGenerator league;
    /** Per player and market: an exponentially weighted average of (actual - expected). */
    private final double[][] form;

    BookMaker(long seed, Roster roster, LeagueGenerator league) {
        this.seed = seed;
        this.roster = roster;
        this.league = league;
        this.form = new double[roster.players().size()][4];
    }

    void recordResults(List<BoxScore> boxes, List<List<PlayerGameTruth>> truths) {
        for (int i = 0; i < boxes.size(); i++) {
            Map<Integer, BoxLine> byPlayer = new HashMap<>();
            for (BoxLine l : boxes.get(i).home()) {
                byPlayer.put(l.playerIndex(), l);
            }
            for (BoxLine l : boxes.get(i).away()) {
                byPlayer.put(l.playerIndex(), l);
            }
            for (PlayerGameTruth t : truths.get(i)) {
                BoxLine l = byPlayer.get(t.playerIndex());
                if (t.played() && l != null) {
                    double[] f = form[t.playerIndex()];
                    f[0] = 0.8 * f[0] + 0.2 * (l.pts() - t.expPts());
                    f[1] = 0.8 * f[1] + 0.2 * (l.reb() - t.expReb());
                    f[2] = 0.8 * f[2] + 0.2 * (l.ast() - t.expAst());
                    f[3] = 0.8 * f[3] + 0.2 * (l.fg3m() - t.expFg3m());
                }
            }
        }
    }

    /** The news of the game day that books learn about after opening: players ruled out, in time order. */
    private record News(int side, int rosterSlot, int player, Instant at) {}

    /** What the books can know: expectations under "these late scratches are known", cached by mask. */
    private final class Scenarios {
        final int game;
        final ScheduleFact sf;
        final List<News> news;
        final Map<Integer, Map<Integer, double[]>> byMask = new HashMap<>();
        final Map<Integer, double[]> teamPoints = new HashMap<>();
        final Map<Integer, double[]> neutral;
        final Map<Integer, double[]> truth;

        Scenarios(int game, ScheduleFact sf, List<News> news, Map<Integer, double[]> truth, Map<Integer, double[]> neutral) {
            this.game = game;
            this.sf = sf;
            this.news = news;
            this.truth = truth;
            this.neutral = neutral;
        }

        Map<Integer, double[]> players(int mask) {
            compute(mask);
            return byMask.get(mask);
        }

        double[] points(int mask) {
            compute(mask);
            return teamPoints.get(mask);
        }

        private void compute(int mask) {
            if (byMask.containsKey(mask)) {
                return;
            }
            int home = roster.team(sf.home()).index();
            int away = roster.team(sf.away()).index();
            boolean[][] assumed = {new boolean[roster.teamPlayers()[home].length], new boolean[roster.teamPlayers()[away].length]};
            for (int k = 0; k < news.size(); k++) {
                if ((mask & (1 << k)) == 0) {
                    assumed[news.get(k).side()][news.get(k).rosterSlot()] = true;
                }
            }
            TeamGame h = league.teamGame(home, away, game, true, assumed[0]);
            TeamGame a = league.teamGame(away, home, game, false, assumed[1]);
            GameModel.Expectation e = GameModel.expect(h, a);
            byMask.put(mask, byPlayer(h, a, e));
            teamPoints.put(mask, new double[] {e.homePoints(), e.awayPoints()});
        }
    }

    static Map<Integer, double[]> byPlayer(TeamGame h, TeamGame a, GameModel.Expectation e) {
        Map<Integer, double[]> out = new HashMap<>();
        for (int r = 0; r < h.size(); r++) {
            out.put(h.players[r], e.players()[0][r]);
        }
        for (int r = 0; r < a.size(); r++) {
            out.put(a.players[r], e.players()[1][r]);
        }
        return out;
    }

    private Scenarios scenarios(int game, ScheduleFact sf, TeamGame h, TeamGame a, GameModel.Expectation exp) {
        Instant earliestOpen = propsOpen(sf, 0);
        List<News> news = new ArrayList<>();
        String[] sides = {sf.home(), sf.away()};
        for (int s = 0; s < 2; s++) {
            int team = roster.team(sides[s]).index();
            int[] members = roster.teamPlayers()[team];
            for (int j = 0; j < members.length; j++) {
                Availability av = league.availability(members[j], team, game);
                if (av.out() && av.decidedAt().isAfter(earliestOpen.minusSeconds(6 * 3600)) && news.size() < 8) {
                    news.add(new News(s, j, members[j], av.decidedAt()));
                }
            }
        }
        news.sort((x, y) -> x.at().compareTo(y.at()));
        int home = roster.team(sf.home()).index();
        int away = roster.team(sf.away()).index();
        TeamGame nh = league.teamGame(home, away, game, true, null, true);
        TeamGame na = league.teamGame(away, home, game, false, null, true);
        Map<Integer, double[]> neutral = byPlayer(nh, na, GameModel.expect(nh, na));
        Scenarios sc = new Scenarios(game, sf, news, byPlayer(h, a, exp), neutral);
        // Once every piece of news is known the books see the final plan: no need to recompute it.
        int all = (1 << news.size()) - 1;
        sc.byMask.put(all, sc.truth);
        sc.teamPoints.put(all, new double[] {exp.homePoints(), exp.awayPoints()});
        return sc;
    }

    /** Both kinds of lines for one game, from one set of scenarios. */
    record Lines(List<PropLine> props, List<GameLine> games) {}

    Lines lines(int game, ScheduleFact sf, TeamGame h, TeamGame a, GameModel.Expectation exp) {
        Scenarios sc = scenarios(game, sf, h, a, exp);
        return new Lines(propLines(game, sf, sc), gameLines(game, sf, sc));
    }

    private List<PropLine> propLines(int game, ScheduleFact sf, Scenarios sc) {
        Instant tip = sf.tipoff();
        List<PropLine> out = new ArrayList<>();
        for (Book book : Book.ALL) {
            Rng r = Rng.of(seed, 61, game, book.index());
            Instant open = propsOpen(sf, book.index());
            Instant[] reaction = new Instant[sc.news.size()];
            boolean[] ignores = new boolean[sc.news.size()];
            for (int k = 0; k < sc.news.size(); k++) {
                reaction[k] = sc.news.get(k).at().plusSeconds((long) (60 * (3 + 25 * -StrictMath.log(1 - r.uniform()))));
                ignores[k] = r.chance(0.25);
            }
            TreeSet<Instant> times = new TreeSet<>();
            times.add(open);
            for (LocalTime lt : new LocalTime[] {LocalTime.of(13, 0), LocalTime.of(15, 30), LocalTime.of(17, 30)}) {
                Instant t = sf.date().atTime(lt).atZone(InjuryPlanner.ET).toInstant().plusSeconds(60L * r.nextInt(20));
                if (t.isAfter(open)) {
                    times.add(t);
                }
            }
            for (Instant t : reaction) {
                if (t.isAfter(open)) {
                    times.add(t);
                }
            }
            Instant close = tip.minusSeconds(60L * (2 + r.nextInt(14)));
            times.add(close.isAfter(open) ? close : open.plusSeconds(60));
            times.removeIf(t -> !t.isBefore(tip));
            List<Instant> timeList = new ArrayList<>(times);
            int openMask = maskAt(open, reaction, null);
            Map<Integer, double[]> atOpen = sc.players(openMask);
            List<Integer> candidates = new ArrayList<>(atOpen.keySet());
            candidates.sort(Integer::compare);
            for (int player : candidates) {
                double[] e = atOpen.get(player);
                if (e[GameModel.Expectation.MIN] < 20 && !(e[GameModel.Expectation.MIN] >= 15 && r.chance(0.4))) {
                    continue;
                }
                if (book.index() >= 2 && r.chance(0.12)) {
                    continue;
                }
                Instant pulled = null;
                for (int k = 0; k < sc.news.size(); k++) {
                    if (sc.news.get(k).player() == player && reaction[k].isBefore(tip)) {
                        pulled = reaction[k].isAfter(open) ? reaction[k] : open.plusSeconds(1);
                    }
                }
                // What this book believes about this player at each of its update times.
                boolean[] ignored = ignoresFor(player, sc.news, ignores);
                int nt = 0;
                double[][] views = new double[timeList.size()][];
                double[] progress = new double[timeList.size()];
                for (Instant t : timeList) {
                    if (pulled != null && !t.isBefore(pulled)) {
                        break;
                    }
                    views[nt] = sc.players(maskAt(t, reaction, ignored)).get(player);
                    progress[nt] = Math.max(0, Math.min(1, (double) (t.getEpochSecond() - open.getEpochSecond())
                            / Math.max(1, tip.getEpochSecond() - open.getEpochSecond())));
                    nt++;
                }
                for (Market m : Market.values()) {
                    int mi = m.ordinal();
                    int stat = statIndex(m);
                    double openMean = e[stat];
                    if (m == Market.REBOUNDS && openMean < 3 || m == Market.ASSISTS && openMean < 2
                            || m == Market.THREES && openMean < 0.7) {
                        continue;
                    }
                    Rng pr = Rng.of(seed, 62, game, book.index(), player, mi);
                    double bias = Rng.of(seed, 63, book.index(), roster.players().get(player).personId(), mi).gaussian() * BIAS_SD[mi];
                    double noise = pr.gaussian() * NOISE_SD[mi];
                    boolean whole = pr.chance(m == Market.POINTS ? 0.1 : 0.05);
                    double ctx = sc.neutral.containsKey(player) && sc.truth.containsKey(player)
                            ? sc.neutral.get(player)[stat] - sc.truth.get(player)[stat] : 0;
                    double fixedPart = (1 - CONTEXT_TAKEN) * ctx + FORM_CHASED * form[player][mi] + bias;
                    List<PropSnapshot> snaps = new ArrayList<>();
                    PropSnapshot last = null;
                    for (int ti = 0; ti < nt; ti++) {
                        if (views[ti] == null) {
                            continue;
                        }
                        double belief = views[ti][stat] + fixedPart + noise * (1 - 0.4 * progress[ti])
                                + pr.gaussian() * 0.12 * NOISE_SD[mi];
                        PropSnapshot snap = price(timeList.get(ti), Math.max(0.3, belief), m, whole, book.index());
                        if (last == null || snap.line() != last.line() || snap.overPrice() != last.overPrice()
                                || snap.underPrice() != last.underPrice()) {
                            snaps.add(snap);
                            last = snap;
                        }
                    }
                    if (!snaps.isEmpty()) {
                        out.add(new PropLine(game, player, m, book, List.copyOf(snaps), pulled));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** For a teammate's line a book that "ignores" a piece of news never moves on it; the player's own market always reacts. */
    private static boolean[] ignoresFor(int player, List<News> news, boolean[] ignores) {
        boolean[] out = ignores.clone();
        for (int k = 0; k < news.size(); k++) {
            if (news.get(k).player() == player) {
                out[k] = false;
            }
        }
        return out;
    }

    private static int maskAt(Instant t, Instant[] reaction, boolean[] ignores) {
        int mask = 0;
        for (int k = 0; k < reaction.length; k++) {
            if (!reaction[k].isAfter(t) && (ignores == null || !ignores[k])) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    static int statIndex(Market m) {
        return switch (m) {
            case POINTS -> GameModel.Expectation.PTS;
            case REBOUNDS -> GameModel.Expectation.REB;
            case ASSISTS -> GameModel.Expectation.AST;
            case THREES -> GameModel.Expectation.FG3M;
        };
    }

    private static PropSnapshot price(Instant t, double belief, Market m, boolean whole, int book) {
        double line = whole ? Math.max(1, Math.round(belief)) : Math.floor(belief) + 0.5;
        double sd = switch (m) {
            case POINTS -> 1.05 * StrictMath.sqrt(belief) + 1.5;
            case REBOUNDS, ASSISTS -> StrictMath.sqrt(1.3 * belief) + 0.3;
            case THREES -> StrictMath.sqrt(1.2 * belief) + 0.2;
        };
        double pOver;
        double pUnder;
        if (whole) {
            pOver = 1 - Normal.cdf((line + 0.5 - belief) / sd);
            pUnder = Normal.cdf((line - 0.5 - belief) / sd);
        } else {
            pOver = 1 - Normal.cdf((line - belief) / sd);
            pUnder = 1 - pOver;
        }
        double fairOver = pOver / (pOver + pUnder);
        boolean toFive = book == 0 || book == 2;
        return new PropSnapshot(t, line, Odds.american(fairOver, toFive), Odds.american(1 - fairOver, toFive));
    }

    /** Props open on game morning, each book at its own time (earlier for early tip-offs). */
    private static Instant propsOpen(ScheduleFact sf, int book) {
        Instant open = sf.date().atTime(LocalTime.of(10, 0)).atZone(InjuryPlanner.ET).toInstant()
                .plusSeconds(60L * OPEN_OFFSET_MIN[book]);
        Instant latest = sf.tipoff().minusSeconds(4 * 3600);
        return open.isAfter(latest) ? latest.plusSeconds(60L * OPEN_OFFSET_MIN[book] / 5) : open;
    }

    private List<GameLine> gameLines(int game, ScheduleFact sf, Scenarios sc) {
        Instant tip = sf.tipoff();
        List<GameLine> out = new ArrayList<>();
        for (Book book : Book.ALL) {
            Rng r = Rng.of(seed, 71, game, book.index());
            Instant open = sf.date().minusDays(1).atTime(LocalTime.of(15, 0)).atZone(InjuryPlanner.ET).toInstant()
                    .plusSeconds(60L * OPEN_OFFSET_MIN[book.index()]);
            Instant[] reaction = new Instant[sc.news.size()];
            for (int k = 0; k < reaction.length; k++) {
                reaction[k] = sc.news.get(k).at().plusSeconds((long) (60 * (2 + 15 * -StrictMath.log(1 - r.uniform()))));
            }
            TreeSet<Instant> times = new TreeSet<>();
            times.add(open);
            for (LocalTime lt : new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(17, 0)}) {
                times.add(sf.date().atTime(lt).atZone(InjuryPlanner.ET).toInstant().plusSeconds(60L * r.nextInt(30)));
            }
            for (Instant t : reaction) {
                times.add(t);
            }
            times.add(tip.minusSeconds(60L * (2 + r.nextInt(14))));
            times.removeIf(t -> !t.isBefore(tip));
            double marginNoise = r.gaussian() * 1.6;
            double totalNoise = r.gaussian() * 3.0;
            List<GameLineSnapshot> snaps = new ArrayList<>();
            GameLineSnapshot last = null;
            for (Instant t : times) {
                double progress = Math.max(0, Math.min(1, (double) (t.getEpochSecond() - open.getEpochSecond())
                        / Math.max(1, tip.getEpochSecond() - open.getEpochSecond())));
                double[] pts = sc.points(maskAt(t, reaction, null));
                double margin = pts[0] - pts[1] + marginNoise * (1 - 0.4 * progress);
                double total = pts[0] + pts[1] + totalNoise * (1 - 0.4 * progress);
                double spread = -(Math.floor(margin) + 0.5);
                double pHomeCovers = Normal.cdf((margin + spread) / 13.0);
                double totalLine = Math.floor(total) + 0.5;
                double pOver = 1 - Normal.cdf((totalLine - total) / 18.0);
                double pHomeWin = Normal.cdf(margin / 13.0);
                boolean five = book.index() != 1;
                GameLineSnapshot snap = new GameLineSnapshot(t, spread, Odds.american(pHomeCovers, five),
                        Odds.american(1 - pHomeCovers, five), totalLine, Odds.american(pOver, five),
                        Odds.american(1 - pOver, five), Odds.american(pHomeWin, five), Odds.american(1 - pHomeWin, five));
                if (last == null || !sameLines(last, snap)) {
                    snaps.add(snap);
                    last = snap;
                }
            }
            out.add(new GameLine(game, book, List.copyOf(snaps)));
        }
        return List.copyOf(out);
    }

    private static boolean sameLines(GameLineSnapshot a, GameLineSnapshot b) {
        return a.homeSpread() == b.homeSpread() && a.homeSpreadPrice() == b.homeSpreadPrice()
                && a.awaySpreadPrice() == b.awaySpreadPrice() && a.total() == b.total() && a.overPrice() == b.overPrice()
                && a.underPrice() == b.underPrice() && a.homeMoneyline() == b.homeMoneyline()
                && a.awayMoneyline() == b.awayMoneyline();
    }
}
