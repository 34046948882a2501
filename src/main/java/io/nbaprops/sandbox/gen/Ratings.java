package io.nbaprops.sandbox.gen;

/**
 * A player's latent per-minute rates when healthy, before matchup, rest and drift:
 * {@code usage} field-goal attempts per minute (his claim on his team's shots), {@code threeShare}
 * of attempts that are threes, make rates {@code p2}/{@code p3}, {@code ftRate} free-throw
 * attempts per field-goal attempt, rebounds/assists/steals/blocks/fouls per minute, turnovers per
 * attempt and per minute. {@code efficiencyFixed} marks a player whose shooting came from real data
 * (the team calibration leaves it alone). {@code paintShare}: of his two-point attempts, the share
 * taken in the paint (the rest are mid-range jumpers).
 */
public record Ratings(double usage, double threeShare, double p2, double p3, double ftRate, double ftPct, double reb,
        double orebShare, double ast, double stl, double blk, double tovPerFga, double tovPerMin, double pf,
        boolean efficiencyFixed, double paintShare) {

    /** Gap between make rates in the paint and from mid-range (league: about 0.62 vs 0.42). */
    static final double PAINT_MID_GAP = 0.2;

    /**
     * Make rates in the paint and from mid-range for a two-point make rate {@code p2} and a paint
     * share {@code s}: {@code s * paint + (1 - s) * mid == p2} exactly, so splitting the attempts
     * never moves the expected points.
     */
    static double[] paintAndMid(double p2, double s) {
        double gap = Math.min(PAINT_MID_GAP, Math.min((p2 - 0.2) / Math.max(s, 1e-9), (0.9 - p2) / Math.max(1 - s, 1e-9)));
        gap = Math.max(0, gap);
        return new double[] {p2 + gap * (1 - s), p2 - gap * s};
    }

    /** Expected points per field-goal attempt, free throws included. */
    public double pointsPerAttempt() {
        return 2 * (1 - threeShare) * p2 + 3 * threeShare * p3 + ftRate * ftPct;
    }

    public Ratings withShooting(double newP2, double newP3) {
        return new Ratings(usage, threeShare, newP2, newP3, ftRate, ftPct, reb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed, paintShare);
    }

    public Ratings withUsage(double newUsage) {
        return new Ratings(newUsage, threeShare, p2, p3, ftRate, ftPct, reb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed, paintShare);
    }

    public Ratings withReb(double newReb) {
        return new Ratings(usage, threeShare, p2, p3, ftRate, ftPct, newReb, orebShare, ast, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed, paintShare);
    }

    public Ratings withAst(double newAst) {
        return new Ratings(usage, threeShare, p2, p3, ftRate, ftPct, reb, orebShare, newAst, stl, blk, tovPerFga,
                tovPerMin, pf, efficiencyFixed, paintShare);
    }
}
