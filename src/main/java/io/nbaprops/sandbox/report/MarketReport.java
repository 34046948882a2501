package io.nbaprops.sandbox.report;

import io.nbaprops.sandbox.Book;
import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.Market;
import io.nbaprops.sandbox.PlayerGameTruth;
import io.nbaprops.sandbox.PropLine;
import io.nbaprops.sandbox.PropSnapshot;
import io.nbaprops.sandbox.SandboxLeague;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How sharp the sandbox's books are, measured against the generator's truth on played player-games, for points and
 * for PRA (points + rebounds + assists): rms(line - truth) by book at the platform's prediction time and at the close,
 * and for DraftKings by hours before tip-off; the cross-book spread (sd of the books' lines for the same player at the
 * same moment); how often the oracle (betting the truth's side of the line) sees an edge of 1, 2 or 3 points and how
 * often it wins there. For points also the OVER shading by level of scorer (mean line - truth, and how often a blind
 * UNDER wins), and DraftKings' rms for every market at the prediction time.
 */
public final class MarketReport {
    /** Hours before tip-off at which DraftKings' lines are compared with the truth (0 = the closing line). */
    public static final double[] HOURS = {8, 6, 4, 3, 2, 1, 0.5, 0};
    /** The oracle's edge thresholds (in the market's unit). */
    public static final double[] EDGES = {1, 2, 3};

    private MarketReport() {}

    /**
     * One book's lines at the prediction time and at the close, over n lines: rms(line - true mean), and
     * rms and mean of (line - true median), the true median being the mean plus {@link Market#medianOffset}.
     */
    public record BookRow(String book, double rmsAtPrediction, double rmsMedianAtPrediction, double meanMedianAtPrediction, int n,
            double rmsAtClose, double rmsMedianAtClose, int nClose) {}

    /** rms(line - true mean) and rms(line - true median) of DraftKings' lines {@code hours} before tip-off. */
    public record HoursRow(double hours, double rms, double rmsMedian, int n) {}

    /** rms(line - true mean) and rms(line - true median) of DraftKings' lines of one market at the prediction time. */
    public record MarketRow(String market, double rms, double rmsMedian, double meanTruth, int n) {}

    /** OVER shading among players whose true mean is in [from, to): mean(line - true median) and the blind UNDER's win rate. */
    public record ShadeRow(String tier, double from, double to, double meanLineMinusTruth, double underWinRate, int n) {}

    /** The oracle against DraftKings' lines at the prediction time: share of lines with |truth - line| >= edge, and its hit rate there. */
    public record OracleRow(double edge, double share, double hitRate, int n) {}

    /** One market's sharpness: by book, DraftKings by hours before tip-off, the cross-book spread, the oracle. */
    public record Sharpness(String market, List<BookRow> books, List<HoursRow> hours, double crossBookSd, int crossBookN,
            List<OracleRow> oracle, int linesAtPrediction) {}

    /** Points and PRA in full; every market's DraftKings rms; the points OVER shading. */
    public record Figures(long seed, Sharpness points, Sharpness pra, List<MarketRow> markets, List<ShadeRow> shading) {}

    /**
     * When the platform predicts a game date in the sandbox replay ({@code demo}): an hour before the date's first
     * tip-off, at 18:00 Eastern at the latest.
     */
    public static Instant predictionTime(SandboxLeague league, LocalDate d) {
        Instant firstTip = league.gamesOn(d).stream().map(LeagueGame::tipoff).min(Comparator.naturalOrder())
                .orElse(d.atTime(19, 0).atZone(SandboxLeague.EASTERN).toInstant());
        Instant at = firstTip.minusSeconds(3600);
        Instant latest = ZonedDateTime.of(d, LocalTime.of(18, 0), SandboxLeague.EASTERN).toInstant();
        return at.isAfter(latest) ? latest : at;
    }

    static double truthOf(PlayerGameTruth t, Market m) {
        return switch (m) {
            case POINTS -> t.expPts();
            case REBOUNDS -> t.expReb();
            case ASSISTS -> t.expAst();
            case THREES -> t.expFg3m();
            case PRA -> t.expPts() + t.expReb() + t.expAst();
        };
    }

    static int actualOf(BoxLine l, Market m) {
        return switch (m) {
            case POINTS -> l.pts();
            case REBOUNDS -> l.reb();
            case ASSISTS -> l.ast();
            case THREES -> l.fg3m();
            case PRA -> l.pts() + l.reb() + l.ast();
        };
    }

    /** Sum of squares, sum and count. */
    private static final class Acc {
        double sq;
        double sum;
        int n;

        void add(double x) {
            sq += x * x;
            sum += x;
            n++;
        }

        double rms() {
            return n == 0 ? Double.NaN : Math.sqrt(sq / n);
        }

        double mean() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    private static Acc[] accs(int n) {
        Acc[] a = new Acc[n];
        for (int i = 0; i < n; i++) {
            a[i] = new Acc();
        }
        return a;
    }

    private static final double[][] TIERS = {{0, 15}, {15, 20}, {20, 24}, {24, 28}, {28, 99}};

    /** A line of a played player-game with what it is measured against. */
    private record Measured(LeagueGame game, PropLine line, double truth, double median, int actual, PropSnapshot atPrediction) {}

    /** Every prop line of played player-games, with its truth, its outcome and its snapshot at the prediction time. */
    private static List<Measured> measured(SandboxLeague league) {
        List<Measured> out = new ArrayList<>();
        Map<LocalDate, Instant> predAt = new HashMap<>();
        for (LeagueGame g : league.games()) {
            Instant pred = predAt.computeIfAbsent(g.date(), d -> predictionTime(league, d));
            BoxScore box = league.boxScore(g.index());
            Map<Integer, BoxLine> lines = new HashMap<>();
            for (List<BoxLine> side : List.of(box.home(), box.away())) {
                for (BoxLine l : side) {
                    lines.put(l.playerIndex(), l);
                }
            }
            Map<Integer, PlayerGameTruth> truth = new HashMap<>();
            league.truth(g.index()).forEach(t -> truth.put(t.playerIndex(), t));
            for (PropLine pl : league.propLines(g.index())) {
                PlayerGameTruth t = truth.get(pl.playerIndex());
                BoxLine l = lines.get(pl.playerIndex());
                if (t == null || l == null || !t.played() || !l.played()) {
                    continue;
                }
                Market m = pl.market();
                double tv = truthOf(t, m);
                out.add(new Measured(g, pl, tv, tv + m.medianOffset(tv), actualOf(l, m), pl.at(pred, g.tipoff())));
            }
        }
        return out;
    }

    public static Figures compute(SandboxLeague league) {
        List<Measured> all = measured(league);
        Acc[] byMarket = accs(Market.values().length);
        Acc[] byMarketMed = accs(Market.values().length);
        double[] truthSum = new double[Market.values().length];
        Acc[] shade = accs(TIERS.length);
        int[] underWins = new int[TIERS.length];
        int[] decided = new int[TIERS.length];
        for (Measured x : all) {
            PropSnapshot p = x.atPrediction();
            if (x.line().book().index() != 0 || p == null) {
                continue;
            }
            int mi = x.line().market().ordinal();
            byMarket[mi].add(p.line() - x.truth());
            byMarketMed[mi].add(p.line() - x.median());
            truthSum[mi] += x.truth();
            if (x.line().market() != Market.POINTS) {
                continue;
            }
            for (int i = 0; i < TIERS.length; i++) {
                if (x.truth() >= TIERS[i][0] && x.truth() < TIERS[i][1]) {
                    shade[i].add(p.line() - x.median());
                    if (x.actual() != p.line()) {
                        decided[i]++;
                        underWins[i] += x.actual() < p.line() ? 1 : 0;
                    }
                }
            }
        }
        List<MarketRow> markets = new ArrayList<>();
        for (Market m : Market.values()) {
            Acc a = byMarket[m.ordinal()];
            markets.add(new MarketRow(m.key(), a.rms(), byMarketMed[m.ordinal()].rms(), a.n == 0 ? Double.NaN : truthSum[m.ordinal()] / a.n,
                    a.n));
        }
        List<ShadeRow> shading = new ArrayList<>();
        for (int i = 0; i < TIERS.length; i++) {
            String tier = TIERS[i][1] >= 99 ? String.format(Locale.ROOT, "%.0f+", TIERS[i][0])
                    : String.format(Locale.ROOT, "%.0f-%.0f", TIERS[i][0], TIERS[i][1]);
            shading.add(new ShadeRow(tier, TIERS[i][0], TIERS[i][1], shade[i].mean(),
                    decided[i] == 0 ? Double.NaN : (double) underWins[i] / decided[i], shade[i].n));
        }
        return new Figures(league.seed(), sharpness(all, Market.POINTS), sharpness(all, Market.PRA), List.copyOf(markets),
                List.copyOf(shading));
    }

    /** By book, DraftKings by hours, the cross-book spread and the oracle, for one market's lines. */
    private static Sharpness sharpness(List<Measured> all, Market market) {
        int nb = Book.ALL.size();
        Acc[] atPred = accs(nb);
        Acc[] atClose = accs(nb);
        Acc[] atPredMed = accs(nb);
        Acc[] atCloseMed = accs(nb);
        Acc[] byHours = accs(HOURS.length);
        Acc[] byHoursMed = accs(HOURS.length);
        Acc cross = new Acc();
        int[] edgeN = new int[EDGES.length];
        int[] edgeWins = new int[EDGES.length];
        int[] edgeDecided = new int[EDGES.length];
        int dkAtPrediction = 0;
        // Lines in force at the prediction time, per game and player, across books (for the spread).
        Map<List<Integer>, List<Double>> sameMoment = new HashMap<>();
        for (Measured x : all) {
            PropLine pl = x.line();
            if (pl.market() != market) {
                continue;
            }
            double tv = x.truth();
            double med = x.median();
            int b = pl.book().index();
            PropSnapshot p = x.atPrediction();
            PropSnapshot close = pl.closing();
            if (p != null) {
                atPred[b].add(p.line() - tv);
                atPredMed[b].add(p.line() - med);
                sameMoment.computeIfAbsent(List.of(pl.gameIndex(), pl.playerIndex()), k -> new ArrayList<>()).add(p.line());
            }
            if (close != null) {
                atClose[b].add(close.line() - tv);
                atCloseMed[b].add(close.line() - med);
            }
            if (b != 0) {
                continue;
            }
            Instant tip = x.game().tipoff();
            for (int i = 0; i < HOURS.length; i++) {
                PropSnapshot s = HOURS[i] == 0 ? close : pl.at(tip.minusSeconds((long) (HOURS[i] * 3600)), tip);
                if (s != null) {
                    byHours[i].add(s.line() - tv);
                    byHoursMed[i].add(s.line() - med);
                }
            }
            if (p == null) {
                continue;
            }
            dkAtPrediction++;
            double edge = tv - p.line();
            for (int i = 0; i < EDGES.length; i++) {
                if (Math.abs(edge) >= EDGES[i]) {
                    edgeN[i]++;
                    if (x.actual() != p.line()) {
                        edgeDecided[i]++;
                        edgeWins[i] += (edge > 0) == (x.actual() > p.line()) ? 1 : 0;
                    }
                }
            }
        }
        // The spread as the root mean of the per-player sample variances, so it adds like an sd.
        for (List<Double> ls : sameMoment.values()) {
            if (ls.size() < 2) {
                continue;
            }
            double mean = ls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = ls.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (ls.size() - 1);
            cross.add(Math.sqrt(var));
        }
        List<BookRow> books = new ArrayList<>();
        for (Book b : Book.ALL) {
            Acc a = atPred[b.index()];
            books.add(new BookRow(b.key(), a.rms(), atPredMed[b.index()].rms(), atPredMed[b.index()].mean(), a.n,
                    atClose[b.index()].rms(), atCloseMed[b.index()].rms(), atClose[b.index()].n));
        }
        List<HoursRow> hours = new ArrayList<>();
        for (int i = 0; i < HOURS.length; i++) {
            hours.add(new HoursRow(HOURS[i], byHours[i].rms(), byHoursMed[i].rms(), byHours[i].n));
        }
        List<OracleRow> oracle = new ArrayList<>();
        for (int i = 0; i < EDGES.length; i++) {
            oracle.add(new OracleRow(EDGES[i], dkAtPrediction == 0 ? Double.NaN : (double) edgeN[i] / dkAtPrediction,
                    edgeDecided[i] == 0 ? Double.NaN : (double) edgeWins[i] / edgeDecided[i], edgeN[i]));
        }
        return new Sharpness(market.key(), List.copyOf(books), List.copyOf(hours), cross.rms(), cross.n, List.copyOf(oracle),
                dkAtPrediction);
    }

    public static String render(Figures f) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nThe market: prop lines vs the generator's true mean, played player-games\n");
        sb.append("  prediction time = 1 h before the date's first tip-off, 18:00 ET at the latest (as the demo predicts)\n");
        sb.append("  truth: the generator's mean; median = the mean + the stat's skew offset (points: -0.33 - 0.015 x mean,"
                + " PRA: -0.25 - 0.011 x mean)\n");
        renderSharpness(sb, f.points(), "points");
        sb.append("  draftkings by market at prediction time, rms vs mean (vs median):");
        for (MarketRow m : f.markets()) {
            sb.append(String.format(Locale.ROOT, "  %s %.2f (%.2f; mean %.1f, n %d)", m.market().replace("player_", ""), m.rms(),
                    m.rmsMedian(), m.meanTruth(), m.n()));
        }
        sb.append('\n');
        sb.append("  OVER shading of points by true mean (draftkings at prediction time): tier  mean(line - median)  blind UNDER wins  n\n");
        for (ShadeRow s : f.shading()) {
            sb.append(String.format(Locale.ROOT, "    %-6s %+6.2f  %5.1f%%  %6d%n", s.tier(), s.meanLineMinusTruth(), 100 * s.underWinRate(),
                    s.n()));
        }
        renderSharpness(sb, f.pra(), "PRA (points + rebounds + assists)");
        sb.append("  real markets: a strong model wins 52-58% at edge >= 3; -110 breaks even at 52.4%\n");
        return sb.toString();
    }

    private static void renderSharpness(StringBuilder sb, Sharpness s, String name) {
        sb.append("  ").append(name).append(":\n");
        sb.append(String.format(Locale.ROOT, "  %-16s %9s %9s %12s %7s %11s %11s%n", "book", "rms@pred", "vs median",
                "mean-median", "lines", "rms@close", "vs median"));
        for (BookRow b : s.books()) {
            sb.append(String.format(Locale.ROOT, "  %-16s %9.2f %9.2f %+12.2f %7d %11.2f %11.2f%n", b.book(), b.rmsAtPrediction(),
                    b.rmsMedianAtPrediction(), b.meanMedianAtPrediction(), b.n(), b.rmsAtClose(), b.rmsMedianAtClose()));
        }
        sb.append("  draftkings by hours before tip-off, rms vs mean (vs median):");
        for (HoursRow h : s.hours()) {
            sb.append(String.format(Locale.ROOT, "  %s %.2f (%.2f)", h.hours() == 0 ? "close" : fmtHours(h.hours()) + "h", h.rms(),
                    h.rmsMedian()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  cross-book spread (sd of the books' lines, same player, same moment): %.2f over %d player-games%n",
                s.crossBookSd(), s.crossBookN()));
        sb.append(String.format(Locale.ROOT, "  oracle (bets the true mean's side) vs draftkings at prediction time, %d lines:%n",
                s.linesAtPrediction()));
        for (OracleRow o : s.oracle()) {
            sb.append(String.format(Locale.ROOT, "    edge >= %.0f: %5.1f%% of lines (%d), hit rate %.1f%%%n", o.edge(), 100 * o.share(),
                    o.n(), 100 * o.hitRate()));
        }
    }

    private static String fmtHours(double h) {
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%.0f", h) : String.format(Locale.ROOT, "%.1f", h);
    }
}
