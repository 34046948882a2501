package io.nbaprops.predict;

/** American odds arithmetic: payouts, implied probabilities, expected value and Kelly stakes per unit staked. */
public final class Odds {
    private Odds() {}

    /** Profit of a winning 1-unit bet: +150 pays 1.5, -110 pays 0.909... */
    public static double profitPerUnit(int american) {
        if (american == 0 || (american > -100 && american < 100)) {
            throw new IllegalArgumentException("not an American price: " + american);
        }
        return american > 0 ? american / 100.0 : 100.0 / -american;
    }

    public static double impliedProbability(int american) {
        double b = profitPerUnit(american);
        return 1 / (1 + b);
    }

    /** Decimal odds (stake included), as The Odds API's decimal format gives them. */
    public static double toDecimal(int american) {
        return 1 + profitPerUnit(american);
    }

    /** The American price of decimal odds (2.5 → +150, 1.909 → -110). */
    public static int fromDecimal(double decimal) {
        if (!(decimal > 1.0)) {
            throw new IllegalArgumentException("decimal odds must exceed 1.0: " + decimal);
        }
        return decimal >= 2.0 ? (int) Math.round((decimal - 1) * 100) : (int) Math.round(-100 / (decimal - 1));
    }

    /** Expected profit per unit: p(win) x payout - p(loss) x 1; a push returns the stake. */
    public static double expectedValue(double pWin, double pLoss, int american) {
        return pWin * profitPerUnit(american) - pLoss;
    }

    /** Kelly fraction of bankroll b·p − q over b, never negative, scaled by {@code fraction} (e.g. quarter Kelly). */
    public static double kelly(double pWin, double pLoss, int american, double fraction) {
        double b = profitPerUnit(american);
        double full = (b * pWin - pLoss) / b;
        return Math.max(0, full) * fraction;
    }
}
