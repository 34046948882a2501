package io.nbaprops.sandbox.gen;

/**
 * One team's side of one game as decided before tip-off: its active players (rotation order),
 * their planned minutes and their rates adjusted for this game (drift, matchup, home, rest).
 * Fringe players play only some nights ({@code playProb}); when they do they get
 * {@code minutes / playProb}. Deep-bench players have no planned minutes and appear in garbage time.
 */
public final class TeamGame {
    final int team;
    final int[] players;
    final double[] minutes;
    final boolean[] fringe;
    final double[] playProb;
    final boolean[] starter;
    final double[] usage;
    final double[] threeShare;
    final double[] p2;
    final double[] p3;
    /** Share of two-point attempts taken in the paint. */
    final double[] paintShare;
    final double[] ftRate;
    final double[] ftPct;
    final double[] reb;
    final double[] orebShare;
    final double[] ast;
    final double[] stl;
    final double[] blk;
    final double[] tovPerFga;
    final double[] tovPerMin;
    final double[] pf;
    /** Expected team field-goal attempts per 48 minutes at this game's pace. */
    double fgaPer48;
    double rebEnv = 1;
    /** Team rebound rate per player-minute of its healthy rotation: teammates absorb part of what absent players leave. */
    double healthyRebPerMin;

    TeamGame(int team, int n) {
        this.team = team;
        players = new int[n];
        minutes = new double[n];
        fringe = new boolean[n];
        playProb = new double[n];
        starter = new boolean[n];
        usage = new double[n];
        threeShare = new double[n];
        p2 = new double[n];
        p3 = new double[n];
        paintShare = new double[n];
        ftRate = new double[n];
        ftPct = new double[n];
        reb = new double[n];
        orebShare = new double[n];
        ast = new double[n];
        stl = new double[n];
        blk = new double[n];
        tovPerFga = new double[n];
        tovPerMin = new double[n];
        pf = new double[n];
    }

    int size() {
        return players.length;
    }

    /** Expected points of one field-goal attempt by player i, its free throws included. */
    double pointsPerAttempt(int i) {
        return 2 * (1 - threeShare[i]) * p2[i] + 3 * threeShare[i] * p3[i] + ftRate[i] * ftPct[i];
    }

    /** E[v^2] for the points v that follow one attempt by player i (for the score's variance). */
    double pointsPerAttemptSquared(int i) {
        double shot = 2 * (1 - threeShare[i]) * p2[i] + 3 * threeShare[i] * p3[i];
        double shotSq = 4 * (1 - threeShare[i]) * p2[i] + 9 * threeShare[i] * p3[i];
        double ftm = ftRate[i] * ftPct[i];
        return shotSq + 2 * shot * ftm + ftm + ftm * ftm;
    }
}
