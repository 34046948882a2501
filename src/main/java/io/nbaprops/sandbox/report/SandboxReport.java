package io.nbaprops.sandbox.report;

import io.nbaprops.sandbox.Book;
import io.nbaprops.sandbox.BoxLine;
import io.nbaprops.sandbox.BoxScore;
import io.nbaprops.sandbox.LeagueGame;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.Market;
import io.nbaprops.sandbox.PlayerGameTruth;
import io.nbaprops.sandbox.PropLine;
import io.nbaprops.sandbox.PropSnapshot;
import io.nbaprops.sandbox.Role;
import io.nbaprops.sandbox.SandboxLeague;
import io.nbaprops.sandbox.facts.PlayerFact;
import io.nbaprops.sandbox.facts.ScheduleFact;
import io.nbaprops.sandbox.facts.TeamFact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes and prints how the generated season compares with the real 2024-25 season. */
public final class SandboxReport {
    private SandboxReport() {}

    public static SeasonFigures compute(SandboxLeague league) {
        int n = league.players().size();
        double[] pts = new double[n];
        double[] reb = new double[n];
        int[] gp = new int[n];
        List<Double> starterMin = new ArrayList<>();
        List<Double> benchMin = new ArrayList<>();
        int deepGames = 0;
        int deepDnp = 0;
        Map<String, double[]> teamPts = new HashMap<>();
        int homeWins = 0;
        double marginSq = 0;
        int overtime = 0;
        double[] bookErr = new double[Book.ALL.size()];
        int[] bookN = new int[Book.ALL.size()];
        double oracleErr = 0;
        int oracleN = 0;
        for (LeagueGame g : league.games()) {
            BoxScore box = league.boxScore(g.index());
            Map<Integer, BoxLine> lines = new HashMap<>();
            for (List<BoxLine> side : List.of(box.home(), box.away())) {
                for (BoxLine l : side) {
                    lines.put(l.playerIndex(), l);
                    LeaguePlayer p = league.player(l.playerIndex());
                    if (l.played()) {
                        pts[p.index()] += l.pts();
                        reb[p.index()] += l.reb();
                        gp[p.index()]++;
                        (l.starter() ? starterMin : benchMin).add(l.minutes());
                    }
                    if (p.role() == Role.DEEP_BENCH && l.dnpReason() == null | "DNP - Coach's Decision".equals(l.dnpReason())) {
                        deepGames++;
                        deepDnp += l.played() ? 0 : 1;
                    }
                }
            }
            teamPts.computeIfAbsent(g.home(), k -> new double[2])[0] += g.homeScore();
            teamPts.get(g.home())[1]++;
            teamPts.computeIfAbsent(g.away(), k -> new double[2])[0] += g.awayScore();
            teamPts.get(g.away())[1]++;
            homeWins += g.homeScore() > g.awayScore() ? 1 : 0;
            marginSq += Math.pow(g.homeScore() - g.awayScore(), 2);
            overtime += g.periods() > 4 ? 1 : 0;
            Map<Integer, PlayerGameTruth> truth = new HashMap<>();
            league.truth(g.index()).forEach(t -> truth.put(t.playerIndex(), t));
            Map<Integer, Boolean> anyLine = new HashMap<>();
            for (PropLine pl : league.propLines(g.index())) {
                PropSnapshot close = pl.closing();
                BoxLine l = lines.get(pl.playerIndex());
                if (pl.market() != Market.POINTS || close == null || l == null || !l.played()) {
                    continue;
                }
                bookErr[pl.book().index()] += Math.abs(l.pts() - close.line());
                bookN[pl.book().index()]++;
                anyLine.put(pl.playerIndex(), true);
            }
            for (int p : anyLine.keySet()) {
                oracleErr += Math.abs(lines.get(p).pts() - truth.get(p).expPts());
                oracleN++;
            }
        }
        List<SeasonFigures.PlayerRow> all = new ArrayList<>();
        List<SeasonFigures.PlayerRow> rebAll = new ArrayList<>();
        int within = 0;
        int compared = 0;
        for (LeaguePlayer p : league.players()) {
            PlayerFact f = league.facts().players().get(p.index());
            if (gp[p.index()] == 0) {
                continue;
            }
            double ppg = pts[p.index()] / gp[p.index()];
            double rpg = reb[p.index()] / gp[p.index()];
            all.add(new SeasonFigures.PlayerRow(p.fullName(), p.team(), gp[p.index()], ppg,
                    f.realPpg() == null ? Double.NaN : f.realPpg(), f.realGp()));
            if (f.realRpg() != null) {
                rebAll.add(new SeasonFigures.PlayerRow(p.fullName(), p.team(), gp[p.index()], rpg, f.realRpg(), f.realGp()));
                compared++;
                within += Math.abs(rpg - f.realRpg()) <= 0.1 * f.realRpg() ? 1 : 0;
            }
        }
        List<SeasonFigures.PlayerRow> scorers = new ArrayList<>(all.stream().filter(r -> !Double.isNaN(r.real())).toList());
        all.stream().filter(r -> r.gp() >= 40).sorted(Comparator.comparingDouble(r -> -r.generated())).limit(12)
                .filter(r -> Double.isNaN(r.real())).forEach(scorers::add);
        List<SeasonFigures.PlayerRow> rebounders = rebAll.stream().sorted(Comparator.comparingDouble(r -> -r.real()))
                .limit(12).toList();
        double[] ppgs = teamPts.values().stream().mapToDouble(v -> v[0] / v[1]).toArray();
        double realHome = 0;
        double realMarginSq = 0;
        for (ScheduleFact s : league.facts().schedule()) {
            realHome += s.realHomeScore() > s.realAwayScore() ? 1 : 0;
            realMarginSq += Math.pow(s.realHomeScore() - s.realAwayScore(), 2);
        }
        int games = league.games().size();
        List<SeasonFigures.BookRow> books = new ArrayList<>();
        for (Book b : Book.ALL) {
            books.add(new SeasonFigures.BookRow(b.key(), bookN[b.index()] == 0 ? Double.NaN : bookErr[b.index()] / bookN[b.index()],
                    bookN[b.index()]));
        }
        double[] realPpg = league.facts().teams().stream().mapToDouble(TeamFact::realPpg).toArray();
        return new SeasonFigures(league.seed(), scorers, rebounders, (double) within / Math.max(1, compared), compared,
                percentiles(starterMin), percentiles(benchMin), (double) deepDnp / Math.max(1, deepGames),
                Arrays.stream(ppgs).min().orElse(0), Arrays.stream(ppgs).max().orElse(0), Arrays.stream(ppgs).average().orElse(0),
                Arrays.stream(realPpg).min().orElse(0), Arrays.stream(realPpg).max().orElse(0),
                Arrays.stream(realPpg).average().orElse(0),
                league.teams().stream().mapToDouble(t -> t.pace()).min().orElse(0),
                league.teams().stream().mapToDouble(t -> t.pace()).max().orElse(0), (double) homeWins / games,
                realHome / league.facts().schedule().size(), Math.sqrt(marginSq / games),
                Math.sqrt(realMarginSq / league.facts().schedule().size()), overtime, games, List.copyOf(books),
                oracleErr / Math.max(1, oracleN), oracleN);
    }

    /** 10th, 50th and 90th percentiles and the mean. */
    private static double[] percentiles(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new double[] {0, 0, 0, 0};
        }
        return new double[] {v[v.length / 10], v[v.length / 2], v[v.length * 9 / 10], Arrays.stream(v).average().orElse(0)};
    }

    public static String render(SeasonFigures f) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sandbox league, seed %d: generated 2024-25 regular season vs the real one%n%n", f.seed()));
        sb.append("Points per game (real where the samples have it; the rest are the generated leaders)\n");
        sb.append(String.format(Locale.ROOT, "  %-26s %-4s %4s %9s %6s %6s%n", "player", "team", "gp", "generated", "real", "diff"));
        for (SeasonFigures.PlayerRow r : f.scorers()) {
            sb.append(String.format(Locale.ROOT, "  %-26s %-4s %4d %9.1f %6s %6s%n", r.name(), r.team(), r.gp(), r.generated(),
                    Double.isNaN(r.real()) ? "-" : String.format(Locale.ROOT, "%.1f", r.real()),
                    Double.isNaN(r.real()) ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * (r.generated() / r.real() - 1))));
        }
        sb.append("\nRebounds per game, real rebounding leaders\n");
        for (SeasonFigures.PlayerRow r : f.rebounders()) {
            sb.append(String.format(Locale.ROOT, "  %-26s %-4s %4d %9.1f %6.1f %+5.0f%%%n", r.name(), r.team(), r.gp(),
                    r.generated(), r.real(), 100 * (r.generated() / r.real() - 1)));
        }
        sb.append(String.format(Locale.ROOT, "  %d of the %d real rebounders within 10%% of their real rebounds per game (%.0f%%)%n",
                Math.round(f.rebWithin10Share() * f.rebCompared()), f.rebCompared(), 100 * f.rebWithin10Share()));
        sb.append("\nMinutes of players who played (p10 / median / p90 / mean)\n");
        sb.append(String.format(Locale.ROOT, "  starters %5.1f / %5.1f / %5.1f / %5.1f%n", f.starterMinutes()[0],
                f.starterMinutes()[1], f.starterMinutes()[2], f.starterMinutes()[3]));
        sb.append(String.format(Locale.ROOT, "  bench    %5.1f / %5.1f / %5.1f / %5.1f%n", f.benchMinutes()[0], f.benchMinutes()[1],
                f.benchMinutes()[2], f.benchMinutes()[3]));
        sb.append(String.format(Locale.ROOT, "  deep bench, active: DNP - coach's decision in %.0f%% of games%n", 100 * f.deepBenchDnpShare()));
        sb.append("\nTeams                      generated          real\n");
        sb.append(String.format(Locale.ROOT, "  points per game min/max   %5.1f / %5.1f    %5.1f / %5.1f%n", f.teamPpgMin(),
                f.teamPpgMax(), f.realTeamPpgMin(), f.realTeamPpgMax()));
        sb.append(String.format(Locale.ROOT, "  league points per game    %5.1f            %5.1f%n", f.teamPpgMean(), f.realTeamPpgMean()));
        sb.append(String.format(Locale.ROOT, "  pace (poss/48) min/max    %5.1f / %5.1f    (not in the samples)%n", f.paceMin(), f.paceMax()));
        sb.append(String.format(Locale.ROOT, "  home win rate             %5.1f%%           %5.1f%%%n", 100 * f.homeWinRate(),
                100 * f.realHomeWinRate()));
        sb.append(String.format(Locale.ROOT, "  home margin, rms          %5.1f            %5.1f%n", f.marginSd(), f.realMarginSd()));
        sb.append(String.format(Locale.ROOT, "  overtime games            %5d of %d%n", f.overtimeGames(), f.realGames()));
        sb.append("\nPoints lines: closing line vs actual points (player-games with a closing line)\n");
        for (SeasonFigures.BookRow b : f.books()) {
            sb.append(String.format(Locale.ROOT, "  %-16s MAE %.2f over %d lines%n", b.book(), b.mae(), b.lines()));
        }
        sb.append(String.format(Locale.ROOT, "  %-16s MAE %.2f over %d player-games (the generator's true mean)%n", "oracle",
                f.oracleMae(), f.linesCompared()));
        sb.append("  real market: books' MAE 4.3-5.3\n");
        return sb.toString();
    }
}
