package io.nbaprops.sandbox.gen;

/**
 * A player's latent per-minute rates when healthy, before matchup, rest and drift:
 * {@code usage} field-goal attempts per minute (his claim on his team's shots), {@code threeShare}
 * of attempts that are threes, make rates {@code p2}/{@code p3}, {@code ftRate} free-throw
 * attempts per field-goal attempt, rebounds/assists/steals/blocks/fouls per minute, turnovers per
 * attempt and per minute. {@code efficiencyFixed} marks a player whose shooting came from real data
 * (the team calibration leaves it alone).
 */
public record Ratings(double usage, double threeShare, double p2, double p3, double ftRate, double ftPct, double reb,
        double orebShare, double ast, double stl, double blk, double tovPerFga, double tovPerMin, double pf,
        boolean efficiencyFixed) {

    /** Expected points per field-goal attempt, free throws included. */
    public double pointsPerAttempt() {
        return 2 * (1 - threeShare) * p2 + 3 * threeShare * p3 + ftRate * ftPct;
    }

    public Ratings withShooting(double newP2, double newP3) {
        return new Ratings(usage, threeShare, newP2, newP3, ftRate, ftPct, reb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed);
    }

    public Ratings withUsage(double newUsage) {
        return new Ratings(newUsage, threeShare, p2, p3, ftRate, ftPct, reb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed);
    }

    public Ratings withReb(double newReb) {
        return new Ratings(usage, threeShare, p2, p3, ftRate, ftPct, newReb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed);
    }

    public Ratings withAst(double newAst) {
        return new Ratings(usage, threeShare, p2, p3, ftRate, ftPct, reb, orebShare, newAst, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed);
    }
}
