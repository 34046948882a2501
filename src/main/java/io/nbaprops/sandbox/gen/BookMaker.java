package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.Book;
import io.nbaprops.sandbox.GameLine;
import io.nbaprops.sandbox.GameLineSnapshot;
import io.nbaprops.sandbox.Market;
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
 * The sportsbooks, as sharp as real ones. A book's line is the generator's expectation under what the
 * book knows at that moment plus a small error with no learnable structure, except for the
 * inefficiencies real markets show (each measured by {@code sandbox report}, see docs/sandbox.md):
 * <ul>
 * <li>a market-wide error per player-game that is a martingale: the line is the market's best guess
 *     given its information, which improves towards tip-off (sd {@link #CONSENSUS_SD_OPEN} points at
 *     {@link #HORIZON_HOURS} hours or more before tip, {@link #CONSENSUS_SD_CLOSE} at tip-off), so
 *     nothing in the line's history or in box scores predicts the remaining error;</li>
 * <li>books differ: a per-book error ({@link #BOOK_SD}, BetRivers the soft book) gives a cross-book
 *     spread for the same player at the same moment;</li>
 * <li>news (a player ruled out) reaches each book a few minutes late (BetRivers later), so lines of
 *     the player's teammates are stale for those minutes;</li>
 * <li>the public bets stars' OVERs: points lines of high scorers are shaded up to {@link #SHADE_MAX}.</li>
 * </ul>
 * Other markets scale the errors to their spread ({@link #MARKET_SCALE}). PRA (points + rebounds + assists) is priced
 * for every player whose points are, from its own random streams (so pricing it left every other line as it was), with
 * the same structure and no OVER shading. Lines sit at .5 (some books
 * sometimes hang whole numbers) with American prices around -110 that lean when the book's estimate
 * sits off the line. Lines sit at the book's estimate of the median, not the mean ({@link Market#medianOffset}).
 */
final class BookMaker {
    /** Sd (points, for a 16-point scorer) of the market's error at {@link #HORIZON_HOURS} or more hours before tip-off. */
    static final double CONSENSUS_SD_OPEN = 0.65;
    /** Sd of the market's error left at tip-off. */
    static final double CONSENSUS_SD_CLOSE = 0.3;
    /** Hours before tip-off over which the market's error variance shrinks linearly to the closing one. */
    static final double HORIZON_HOURS = 8;
    /** Per book (DraftKings, FanDuel, BetMGM, Caesars, BetRivers): sd of its own error around the market. */
    static final double[] BOOK_SD = {0.2, 0.2, 0.3, 0.25, 0.5};
    /** Per book: news reaches it after this many minutes plus an exponential delay of {@link #REACTION_MEAN_MIN}. */
    static final double[] REACTION_MIN = {1, 1, 2, 2, 5};
    static final double[] REACTION_MEAN_MIN = {3, 3, 6, 5, 20};
    /**
     * Errors of the markets (points, rebounds, assists, threes, PRA) relative to points. PRA's: its outcome's sd is
     * 1.18 times points' on the player-games books price (7.04 vs 5.95 on seed 2024, 1.18-1.19 on seeds 7 and 11), and
     * a typical 16-point scorer's PRA is about 25, so its error at 25 is 1.18 times points' error at 16.
     */
    static final double[] MARKET_SCALE = {1.0, 0.45, 0.38, 0.2, 1.18};
    /** A typical lined mean per market: the error grows with the square root of the mean relative to it. */
    private static final double[] TYPICAL_MEAN = {16, 6, 5, 2, 25};
    /** OVER shading of points lines: none below {@link #SHADE_FROM} expected points, {@link #SHADE_MAX} from {@link #SHADE_FULL}. */
    static final double SHADE_MAX = 1.0;
    static final double SHADE_FROM = 18;
    static final double SHADE_FULL = 25;
    /** Minutes between steps of the market's error path. */
    private static final int STEP_MIN = 20;
    private static final int[] OPEN_OFFSET_MIN = {0, 25, 45, 70, 95};

    private final long seed;
    private final Roster roster;
    private final LeagueGenerator league;

    BookMaker(long seed, Roster roster, LeagueGenerator league) {
        this.seed = seed;
        this.roster = roster;
        this.league = league;
    }

    /** The OVER shading a book puts on a points line for a player it expects to score {@code mean}. */
    static double overShade(double mean) {
        return SHADE_MAX * Math.max(0, Math.min(1, (mean - SHADE_FROM) / (SHADE_FULL - SHADE_FROM)));
    }

    /** Variance of the market's error (for a typical player) at {@code hours} before tip-off. */
    static double consensusVariance(double hours) {
        double c = CONSENSUS_SD_CLOSE * CONSENSUS_SD_CLOSE;
        return c + (CONSENSUS_SD_OPEN * CONSENSUS_SD_OPEN - c) * Math.max(0, Math.min(1, hours / HORIZON_HOURS));
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
        final Map<Integer, double[]> truth;

        Scenarios(int game, ScheduleFact sf, List<News> news, Map<Integer, double[]> truth) {
            this.game = game;
            this.sf = sf;
            this.news = news;
            this.truth = truth;
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
        Scenarios sc = new Scenarios(game, sf, news, byPlayer(h, a, exp));
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
        // The market's error paths, one per player and market, shared by every book: drawn backwards from tip-off
        // (the error left at the close, plus the independent part the market learns in each step before it).
        Map<Long, double[]> paths = new HashMap<>();
        Instant pathStart = propsOpen(sf, 0).minusSeconds(3600);
        int steps = (int) Math.max(1, (tip.getEpochSecond() - pathStart.getEpochSecond()) / (60L * STEP_MIN) + 1);
        for (Book book : Book.ALL) {
            int b = book.index();
            Rng r = Rng.of(seed, 61, game, b);
            Instant open = propsOpen(sf, b);
            Instant[] reaction = new Instant[sc.news.size()];
            for (int k = 0; k < sc.news.size(); k++) {
                double delay = REACTION_MIN[b] + REACTION_MEAN_MIN[b] * -StrictMath.log(1 - r.uniform());
                reaction[k] = sc.news.get(k).at().plusSeconds((long) (60 * delay));
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
            // Sharp books move with the market through the evening; the soft book less often.
            int every = b == 4 ? 90 : 40;
            for (Instant t = open.plusSeconds(60L * every); t.isBefore(tip); t = t.plusSeconds(60L * every)) {
                times.add(t.plusSeconds(60L * r.nextInt(10)));
            }
            Instant close = tip.minusSeconds(60L * (2 + r.nextInt(14)));
            times.add(close.isAfter(open) ? close : open.plusSeconds(60));
            times.removeIf(t -> !t.isBefore(tip));
            List<Instant> timeList = new ArrayList<>(times);
            Map<Integer, double[]> atOpen = sc.players(maskAt(open, reaction));
            List<Integer> candidates = new ArrayList<>(atOpen.keySet());
            candidates.sort(Integer::compare);
            for (int player : candidates) {
                double[] e = atOpen.get(player);
                if (e[GameModel.Expectation.MIN] < 20 && !(e[GameModel.Expectation.MIN] >= 15 && r.chance(0.4))) {
                    continue;
                }
                if (b >= 2 && r.chance(0.12)) {
                    continue;
                }
                Instant pulled = null;
                for (int k = 0; k < sc.news.size(); k++) {
                    if (sc.news.get(k).player() == player && reaction[k].isBefore(tip)) {
                        pulled = reaction[k].isAfter(open) ? reaction[k] : open.plusSeconds(1);
                    }
                }
                // What this book believes about this player at each of its update times.
                int nt = 0;
                double[][] views = new double[timeList.size()][];
                int[] step = new int[timeList.size()];
                for (Instant t : timeList) {
                    if (pulled != null && !t.isBefore(pulled)) {
                        break;
                    }
                    views[nt] = sc.players(maskAt(t, reaction)).get(player);
                    step[nt] = (int) Math.max(0, Math.min(steps - 1, (t.getEpochSecond() - pathStart.getEpochSecond()) / (60L * STEP_MIN)));
                    nt++;
                }
                for (Market m : Market.values()) {
                    int mi = m.ordinal();
                    double openMean = mean(m, e);
                    if (m == Market.REBOUNDS && openMean < 3 || m == Market.ASSISTS && openMean < 2
                            || m == Market.THREES && openMean < 0.7) {
                        continue;
                    }
                    double scale = MARKET_SCALE[mi] * StrictMath.sqrt(Math.max(TYPICAL_MEAN[mi] / 4, openMean) / TYPICAL_MEAN[mi]);
                    // Streams keyed by the market: PRA's numbers are its own, the other markets draw what they always drew.
                    double[] path = paths.computeIfAbsent(((long) player << 3) | mi,
                            k -> errorPath(Rng.of(seed, 64, game, player, mi), steps, pathStart, tip));
                    Rng pr = Rng.of(seed, 62, game, b, player, mi);
                    double bookError = pr.gaussian() * 0.8 * BOOK_SD[b];
                    boolean whole = pr.chance(m == Market.POINTS ? 0.1 : 0.05);
                    List<PropSnapshot> snaps = new ArrayList<>();
                    PropSnapshot last = null;
                    for (int ti = 0; ti < nt; ti++) {
                        if (views[ti] == null) {
                            continue;
                        }
                        double mean = mean(m, views[ti]);
                        // Lines sit at the book's estimate of the median (right-skewed stats: below the mean).
                        double belief = mean + m.medianOffset(mean) + scale * (path[step[ti]] + bookError + pr.gaussian() * 0.6 * BOOK_SD[b])
                                + (m == Market.POINTS ? overShade(mean) : 0);
                        PropSnapshot snap = price(timeList.get(ti), Math.max(0.3, belief), m, whole, b);
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

    /**
     * The market's error (for a typical player) at each step from {@code start} to tip-off: at the last step the
     * error left at the close; each earlier step adds an independent part whose variance is what the market learns
     * in between, so the line is a martingale whose error shrinks towards tip-off.
     */
    private static double[] errorPath(Rng r, int steps, Instant start, Instant tip) {
        double[] path = new double[steps];
        double[] hours = new double[steps];
        for (int i = 0; i < steps; i++) {
            hours[i] = Math.max(0, (tip.getEpochSecond() - start.getEpochSecond() - 60.0 * STEP_MIN * i) / 3600.0);
        }
        path[steps - 1] = r.gaussian() * Math.sqrt(consensusVariance(hours[steps - 1]));
        for (int i = steps - 2; i >= 0; i--) {
            double learned = Math.max(0, consensusVariance(hours[i]) - consensusVariance(hours[i + 1]));
            path[i] = path[i + 1] + r.gaussian() * Math.sqrt(learned);
        }
        return path;
    }

    private static int maskAt(Instant t, Instant[] reaction) {
        int mask = 0;
        for (int k = 0; k < reaction.length; k++) {
            if (!reaction[k].isAfter(t)) {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    /** The expectation of market {@code m}'s stat in a player's expectations {@code e}. */
    static double mean(Market m, double[] e) {
        return switch (m) {
            case POINTS -> e[GameModel.Expectation.PTS];
            case REBOUNDS -> e[GameModel.Expectation.REB];
            case ASSISTS -> e[GameModel.Expectation.AST];
            case THREES -> e[GameModel.Expectation.FG3M];
            case PRA -> e[GameModel.Expectation.PTS] + e[GameModel.Expectation.REB] + e[GameModel.Expectation.AST];
        };
    }

    private static PropSnapshot price(Instant t, double belief, Market m, boolean whole, int book) {
        double line = whole ? Math.max(1, Math.round(belief)) : Math.floor(belief) + 0.5;
        double sd = switch (m) {
            case POINTS -> 1.05 * StrictMath.sqrt(belief) + 1.5;
            case REBOUNDS, ASSISTS -> StrictMath.sqrt(1.3 * belief) + 0.3;
            case THREES -> StrictMath.sqrt(1.2 * belief) + 0.2;
            // Measured: PRA's outcome sd is 4.0 at 7.5, 5.2 at 12.6, 6.2 at 17, 7.3 at 22.6, 8.2 at 27.6, 9.1 at 32.
            case PRA -> 2.9 + 0.19 * belief;
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
                double[] pts = sc.points(maskAt(t, reaction));
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
