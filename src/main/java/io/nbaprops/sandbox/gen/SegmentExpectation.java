package io.nbaprops.sandbox.gen;

/**
 * Expected stats of one team's players over one segment, and the mean and variance of the team's
 * points in it (the variance feeds the margin distribution that decides blowouts and overtime).
 */
final class SegmentExpectation {
    final double[] minutes;
    final double[] fga;
    final double[] pts;
    final double[] fg3m;
    final double[] reb;
    final double[] ast;
    final double[] share;
    /** Each player's share of the team's assists in this segment (planned minutes x assist rate). */
    final double[] assistShare;
    final double teamMakes;
    final double teamAttempts;
    final double rebFactor;
    final double meanPoints;
    final double varPoints;

    SegmentExpectation(TeamGame tg, Segment seg) {
        int n = tg.size();
        minutes = new double[n];
        fga = new double[n];
        pts = new double[n];
        fg3m = new double[n];
        reb = new double[n];
        ast = new double[n];
        share = new double[n];
        assistShare = new double[n];
        double usageMinutes = 0;
        double rebRate = 0;
        double astRate = 0;
        for (int i = 0; i < n; i++) {
            minutes[i] = seg.planned(i);
            usageMinutes += minutes[i] * tg.usage[i];
            rebRate += minutes[i] * tg.reb[i];
            astRate += minutes[i] * tg.ast[i];
        }
        teamAttempts = tg.fgaPer48 * seg.length / 48;
        // Absent players' rebounds and assists are partly picked up by whoever plays instead.
        rebFactor = StrictMath.sqrt(tg.healthyRebPerMin * seg.length * 5 / rebRate);
        double mean = 0;
        double perShot = 0;
        double perShotSq = 0;
        double makes = 0;
        for (int i = 0; i < n; i++) {
            makes += teamAttempts * minutes[i] * tg.usage[i] / usageMinutes
                    * ((1 - tg.threeShare[i]) * tg.p2[i] + tg.threeShare[i] * tg.p3[i]);
        }
        teamMakes = makes;
        for (int i = 0; i < n; i++) {
            share[i] = minutes[i] * tg.usage[i] / usageMinutes;
            fga[i] = teamAttempts * share[i];
            pts[i] = fga[i] * tg.pointsPerAttempt(i);
            fg3m[i] = fga[i] * tg.threeShare[i] * tg.p3[i];
            reb[i] = minutes[i] * tg.reb[i] * tg.rebEnv * rebFactor;
            // Assists are a share of the team's assisted baskets, so they never outnumber its makes.
            assistShare[i] = minutes[i] * tg.ast[i] / astRate;
            ast[i] = GameModel.ASSISTED * teamMakes * assistShare[i];
            mean += pts[i];
            perShot += share[i] * tg.pointsPerAttempt(i);
            perShotSq += share[i] * tg.pointsPerAttemptSquared(i);
        }
        meanPoints = mean;
        varPoints = teamAttempts * (perShotSq - perShot * perShot) + 0.25 * perShot * perShot;
    }
}
