package io.nbaprops.sandbox.gen;

import java.util.HashMap;
import java.util.Map;

/**
 * How one game is played, and what the generator therefore expects of it.
 *
 * <p>The game runs in segments: quarters 1-3 with the planned rotation, the fourth quarter whose
 * rotation depends on the margin after three (a blowout sends the bench in), and overtime periods
 * when regulation ends tied. In each segment a team's attempts follow its pace and are shared out
 * by minutes x usage (with nightly form); threes, paint/mid-range splits, makes, free throws,
 * rebounds and the rest are drawn from binomial / Poisson / gamma-Poisson laws whose means are the
 * player's rates; assists are a share of the team's assisted baskets.
 *
 * <p>{@link #expect} gives each player's exact expected line given the pre-game plan: linear in the
 * segment plans, so the only approximation is the normal law used for the margin after three
 * quarters and for a tie at the end of regulation (checked against simulation by a test).
 */
public final class GameModel {
    static final double PACE_SD = 0.02;
    static final double MINUTES_SD = 0.10;
    static final double SHARE_FORM_SD = 0.12;
    static final double SHOOTING_FORM_SD = 0.04;
    static final double REB_SHAPE = 8;
    static final int MAX_OVERTIMES = 4;
    /** Share of made baskets that are assisted (NBA 2024-25: about 62%). */
    static final double ASSISTED = 0.62;

    private GameModel() {}

    /** Expected lines: [team 0 = home, 1 = away][player][PTS, REB, AST, FG3M, MIN]; plus expected team points and P(OT). */
    public record Expectation(double[][][] players, double homePoints, double awayPoints, double overtimeProbability) {
        public static final int PTS = 0;
        public static final int REB = 1;
        public static final int AST = 2;
        public static final int FG3M = 3;
        public static final int MIN = 4;
    }

    public static Expectation expect(TeamGame home, TeamGame away) {
        SegmentExpectation ah = new SegmentExpectation(home, Segment.firstThree(home));
        SegmentExpectation aa = new SegmentExpectation(away, Segment.firstThree(away));
        double mu3 = ah.meanPoints - aa.meanPoints;
        double sd3 = StrictMath.sqrt(ah.varPoints + aa.varPoints + square(PACE_SD * mu3) + 1);
        Map<Integer, SegmentExpectation[]> fourth = new HashMap<>();
        Map<Integer, Double> fourthWeight = new HashMap<>();
        double pTie = 0;
        double total = 0;
        int lo = (int) StrictMath.floor(mu3 - 5 * sd3);
        int hi = (int) StrictMath.ceil(mu3 + 5 * sd3);
        double[] mass = new double[hi - lo + 1];
        double below = Normal.cdf((lo - 0.5 - mu3) / sd3);
        for (int d = lo; d <= hi; d++) {
            double upTo = Normal.cdf((d + 0.5 - mu3) / sd3);
            mass[d - lo] = upTo - below;
            below = upTo;
            total += mass[d - lo];
        }
        for (int d = lo; d <= hi; d++) {
            double p = mass[d - lo] / total;
            int key = blowoutKey(d);
            SegmentExpectation[] q4 = fourth.computeIfAbsent(key, k -> {
                double normal = Segment.normalShare(k);
                return new SegmentExpectation[] {new SegmentExpectation(home, Segment.fourth(home, normal)),
                        new SegmentExpectation(away, Segment.fourth(away, normal))};
            });
            fourthWeight.merge(key, p, Double::sum);
            double muB = q4[0].meanPoints - q4[1].meanPoints;
            double sdB = StrictMath.sqrt(q4[0].varPoints + q4[1].varPoints + 0.5);
            pTie += p * Normal.pointMass(-d, muB, sdB);
        }
        SegmentExpectation oh = new SegmentExpectation(home, Segment.overtime(home));
        SegmentExpectation oa = new SegmentExpectation(away, Segment.overtime(away));
        double tieAgain = Normal.pointMass(0, oh.meanPoints - oa.meanPoints, StrictMath.sqrt(oh.varPoints + oa.varPoints + 0.5));
        double overtimes = 0;
        double reach = pTie;
        for (int k = 0; k < MAX_OVERTIMES; k++) {
            overtimes += reach;
            reach *= tieAgain;
        }
        double[][][] out = new double[2][][];
        double[] teamPoints = new double[2];
        TeamGame[] sides = {home, away};
        SegmentExpectation[] first = {ah, aa};
        SegmentExpectation[] ot = {oh, oa};
        for (int s = 0; s < 2; s++) {
            int n = sides[s].size();
            out[s] = new double[n][5];
            accumulate(out[s], first[s], 1);
            for (Map.Entry<Integer, Double> e : fourthWeight.entrySet()) {
                accumulate(out[s], fourth.get(e.getKey())[s], e.getValue());
            }
            accumulate(out[s], ot[s], overtimes);
            for (double[] line : out[s]) {
                teamPoints[s] += line[Expectation.PTS];
            }
        }
        return new Expectation(out, teamPoints[0], teamPoints[1], pTie);
    }

    private static void accumulate(double[][] out, SegmentExpectation e, double weight) {
        for (int i = 0; i < out.length; i++) {
            out[i][Expectation.PTS] += weight * e.pts[i];
            out[i][Expectation.REB] += weight * e.reb[i];
            out[i][Expectation.AST] += weight * e.ast[i];
            out[i][Expectation.FG3M] += weight * e.fg3m[i];
            out[i][Expectation.MIN] += weight * e.minutes[i];
        }
    }

    /**
     * Margins whose fourth-quarter plans are the same share one key: 0 for a game within 14, then
     * bins of three points up to 32+. Coaches react to "a big lead", not to each point, and the
     * expectation needs one fourth-quarter plan per key.
     */
    static int blowoutKey(int margin) {
        int m = Math.min(Math.abs(margin), 32);
        return m <= 14 ? 0 : 15 + 3 * ((m - 15) / 3);
    }

    private static double square(double x) {
        return x * x;
    }

    /** One simulated game: per side and player the counting stats and exact seconds, plus the periods played. */
    public record Played(int[][][] stats, int[][] seconds, int[][] plusMinus, int periods) {
        public static final int FGM = 0;
        public static final int FGA = 1;
        public static final int FG3M = 2;
        public static final int FG3A = 3;
        public static final int FTM = 4;
        public static final int FTA = 5;
        public static final int OREB = 6;
        public static final int DREB = 7;
        public static final int AST = 8;
        public static final int STL = 9;
        public static final int BLK = 10;
        public static final int TOV = 11;
        public static final int PF = 12;
        public static final int PTS = 13;
        public static final int COUNT = 14;

        public int points(int side) {
            int sum = 0;
            for (int[] line : stats[side]) {
                sum += line[PTS];
            }
            return sum;
        }
    }

    public static Played simulate(TeamGame home, TeamGame away, Rng rng) {
        double pace = 1 + rng.truncatedGaussian(PACE_SD, 2.5);
        TeamGame[] sides = {home, away};
        SideState[] st = {new SideState(home, rng), new SideState(away, rng)};
        for (SideState s : st) {
            s.play(Segment.firstThree(s.tg), pace, rng);
        }
        int margin3 = st[0].points - st[1].points;
        double normal = Segment.normalShare(blowoutKey(margin3));
        st[0].play(Segment.fourth(home, normal), pace, rng);
        st[1].play(Segment.fourth(away, normal), pace, rng);
        int periods = 4;
        while (st[0].points == st[1].points && periods < 4 + MAX_OVERTIMES) {
            st[0].play(Segment.overtime(home), pace, rng);
            st[1].play(Segment.overtime(away), pace, rng);
            periods++;
        }
        if (st[0].points == st[1].points) {
            // Still level after the last overtime we model: one more free throw decides it.
            st[rng.nextInt(2)].extraFreeThrow(rng);
        }
        int[][][] stats = new int[2][][];
        int[][] seconds = new int[2][];
        int[][] pm = new int[2][];
        int totalSeconds = (48 + 5 * (periods - 4)) * 60 * 5;
        for (int s = 0; s < 2; s++) {
            stats[s] = st[s].finish();
            seconds[s] = roundSeconds(st[s].minutes, totalSeconds);
        }
        int margin = st[0].points - st[1].points;
        for (int s = 0; s < 2; s++) {
            pm[s] = plusMinus(seconds[s], s == 0 ? margin : -margin, rng);
        }
        return new Played(stats, seconds, pm, periods);
    }

    /** Exact seconds summing to the team's total (largest remainder), so minutes add up to 240 (+25 per OT). */
    static int[] roundSeconds(double[] minutes, int total) {
        int n = minutes.length;
        int[] out = new int[n];
        double[] frac = new double[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            double s = minutes[i] * 60;
            out[i] = (int) StrictMath.floor(s);
            frac[i] = s - out[i];
            sum += out[i];
        }
        while (sum < total) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (minutes[i] > 0 && (best < 0 || frac[i] > frac[best])) {
                    best = i;
                }
            }
            out[best]++;
            frac[best] = -1;
            sum++;
        }
        while (sum > total) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (out[i] > 0 && (best < 0 || frac[i] < frac[best])) {
                    best = i;
                }
            }
            out[best]--;
            frac[best] = 2;
            sum--;
        }
        return out;
    }

    /** Plus-minus: the margin spread by time on court with noise, summing to five times the margin. */
    static int[] plusMinus(int[] seconds, int margin, Rng rng) {
        int n = seconds.length;
        double total = 0;
        for (int s : seconds) {
            total += s;
        }
        double[] raw = new double[n];
        double noiseSum = 0;
        for (int i = 0; i < n; i++) {
            if (seconds[i] > 0) {
                raw[i] = rng.gaussian() * 5 * StrictMath.sqrt(seconds[i] / 2880.0);
                noiseSum += raw[i];
            }
        }
        int[] out = new int[n];
        double[] target = new double[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            if (seconds[i] > 0) {
                target[i] = 5.0 * margin * seconds[i] / total + raw[i] - noiseSum * seconds[i] / total;
                out[i] = (int) StrictMath.floor(target[i]);
                sum += out[i];
            }
        }
        int want = 5 * margin;
        while (sum < want) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (seconds[i] > 0 && (best < 0 || target[i] - out[i] > target[best] - out[best])) {
                    best = i;
                }
            }
            out[best]++;
            sum++;
        }
        return out;
    }

    /** One team's running totals while a game is simulated. */
    private static final class SideState {
        final TeamGame tg;
        final int n;
        final double[] shareForm;
        final double[] shootingForm;
        final double[] rebForm;
        final boolean[] picked;
        final double[] minutes;
        final int[][] stats;
        int points;

        SideState(TeamGame tg, Rng rng) {
            this.tg = tg;
            n = tg.size();
            shareForm = new double[n];
            shootingForm = new double[n];
            rebForm = new double[n];
            picked = new boolean[n];
            minutes = new double[n];
            stats = new int[n][Played.COUNT];
            for (int i = 0; i < n; i++) {
                shareForm[i] = 1 + rng.truncatedGaussian(SHARE_FORM_SD, 2.5);
                shootingForm[i] = 1 + rng.truncatedGaussian(SHOOTING_FORM_SD, 2.5);
                rebForm[i] = rng.gammaMeanOne(REB_SHAPE);
                picked[i] = !tg.fringe[i] || rng.chance(tg.playProb[i]);
            }
        }

        void play(Segment seg, double pace, Rng rng) {
            SegmentExpectation e = new SegmentExpectation(tg, seg);
            double[] m = new double[n];
            double deviation = 0;
            double coreWeight = 0;
            for (int i = 0; i < n; i++) {
                double fixed = seg.fixed[i] > 0 ? seg.fixed[i] * (1 + rng.truncatedGaussian(MINUTES_SD, 2.5)) : 0;
                double gated = seg.gated[i] > 0 && picked[i]
                        ? seg.gated[i] / tg.playProb[i] * (1 + rng.truncatedGaussian(MINUTES_SD, 2.5)) : 0;
                m[i] = fixed + gated;
                deviation += m[i] - seg.planned(i);
                coreWeight += seg.fixed[i];
            }
            // The regular rotation absorbs the difference so the team plays exactly 5 x the segment.
            int longest = 0;
            for (int i = 0; i < n; i++) {
                m[i] -= seg.fixed[i] / coreWeight * deviation;
                if (m[i] > m[longest]) {
                    longest = i;
                }
            }
            for (int i = 0; i < n; i++) {
                if (m[i] < 0) {
                    m[longest] += m[i];
                    m[i] = 0;
                }
            }
            double[] share = new double[n];
            double shareDeviation = 0;
            double coreShare = 0;
            for (int i = 0; i < n; i++) {
                double planned = seg.planned(i);
                if (planned > 0) {
                    share[i] = e.share[i] * (m[i] / planned) * shareForm[i];
                    shareDeviation += share[i] - e.share[i];
                }
                if (seg.fixed[i] > 0) {
                    coreShare += e.share[i];
                }
            }
            double shareSum = 0;
            for (int i = 0; i < n; i++) {
                if (seg.fixed[i] > 0) {
                    share[i] -= e.share[i] / coreShare * shareDeviation;
                }
                share[i] = Math.max(0, share[i]);
                shareSum += share[i];
            }
            int attempts = rng.stochasticRound(e.teamAttempts * pace);
            int[] fga = new int[n];
            int segmentMakes = 0;
            for (int k = 0; k < attempts; k++) {
                double u = rng.uniform() * shareSum;
                int pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= share[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
                while (share[pick] == 0) {
                    pick--;
                }
                fga[pick]++;
            }
            for (int i = 0; i < n; i++) {
                minutes[i] += m[i];
                int[] s = stats[i];
                int fg3a = rng.binomial(fga[i], tg.threeShare[i]);
                int fg2a = fga[i] - fg3a;
                int fg3m = rng.binomial(fg3a, Math.min(0.97, tg.p3[i] * shootingForm[i]));
                // Two-pointers split into paint attempts and mid-range jumpers, each with its own make rate.
                int paint = rng.binomial(fg2a, tg.paintShare[i]);
                double[] rates = Ratings.paintAndMid(tg.p2[i], tg.paintShare[i]);
                int fg2m = rng.binomial(paint, Math.min(0.97, rates[0] * shootingForm[i]))
                        + rng.binomial(fg2a - paint, Math.min(0.97, rates[1] * shootingForm[i]));
                int fta = rng.poisson(fga[i] * tg.ftRate[i]);
                int ftm = rng.binomial(fta, tg.ftPct[i]);
                int reb = rng.poisson(m[i] * tg.reb[i] * tg.rebEnv * e.rebFactor * rebForm[i]);
                int oreb = rng.binomial(reb, tg.orebShare[i]);
                s[Played.FGA] += fga[i];
                s[Played.FGM] += fg2m + fg3m;
                s[Played.FG3A] += fg3a;
                s[Played.FG3M] += fg3m;
                s[Played.FTA] += fta;
                s[Played.FTM] += ftm;
                s[Played.OREB] += oreb;
                s[Played.DREB] += reb - oreb;
                s[Played.STL] += rng.poisson(m[i] * tg.stl[i]);
                s[Played.BLK] += rng.poisson(m[i] * tg.blk[i]);
                s[Played.TOV] += rng.poisson(fga[i] * tg.tovPerFga[i] + m[i] * tg.tovPerMin[i]);
                s[Played.PF] += rng.poisson(m[i] * tg.pf[i]);
                int pts = 2 * fg2m + 3 * fg3m + ftm;
                s[Played.PTS] += pts;
                points += pts;
                segmentMakes += fg2m + fg3m;
            }
            // Assist shares follow minutes actually played (a fringe player left out gets none), the
            // regular rotation absorbing the difference so each share keeps its expected value.
            double[] astShare = new double[n];
            double astDeviation = 0;
            double coreAst = 0;
            for (int i = 0; i < n; i++) {
                double planned = seg.planned(i);
                if (planned > 0) {
                    astShare[i] = e.assistShare[i] * m[i] / planned;
                    astDeviation += astShare[i] - e.assistShare[i];
                }
                if (seg.fixed[i] > 0) {
                    coreAst += e.assistShare[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (seg.fixed[i] > 0) {
                    astShare[i] = Math.max(0, astShare[i] - e.assistShare[i] / coreAst * astDeviation);
                }
            }
            int assisted = rng.binomial(segmentMakes, ASSISTED);
            for (int k = 0; k < assisted; k++) {
                double u = rng.uniform();
                int pick = -1;
                for (int i = 0; i < n; i++) {
                    u -= astShare[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
                if (pick < 0) {
                    pick = lastPositive(astShare);
                }
                stats[pick][Played.AST]++;
            }
        }

        private static int lastPositive(double[] shares) {
            for (int i = shares.length - 1; i >= 0; i--) {
                if (shares[i] > 0) {
                    return i;
                }
            }
            return 0;
        }

        void extraFreeThrow(Rng rng) {
            int best = 0;
            for (int i = 0; i < n; i++) {
                if (minutes[i] > minutes[best]) {
                    best = i;
                }
            }
            stats[best][Played.FTA]++;
            stats[best][Played.FTM]++;
            stats[best][Played.PTS]++;
            points++;
        }

        int[][] finish() {
            for (int[] s : stats) {
                s[Played.PF] = Math.min(6, s[Played.PF]);
            }
            return stats;
        }
    }
}
