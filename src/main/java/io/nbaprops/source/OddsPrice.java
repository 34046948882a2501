package io.nbaprops.source;

/**
 * A sportsbook price as given (American like -115/+130, or decimal like 1.91) and its American-odds
 * integer. American prices have |p| >= 100; decimal prices lie between 1 and 100, so the two never
 * overlap and the format can be told from the value itself.
 */
public record OddsPrice(double asGiven, String format, int american) {

    /** Null when the value is no valid price in either format (e.g. 0, 1.0, 50 American). */
    public static OddsPrice of(double price) {
        if (!Double.isFinite(price)) {
            return null;
        }
        if (Math.abs(price) >= 100) {
            if (price != Math.rint(price)) {
                return null;
            }
            return new OddsPrice(price, "american", (int) price);
        }
        if (price > 1.0) {
            return new OddsPrice(price, "decimal", decimalToAmerican(price));
        }
        return null;
    }

    /** 2.50 is +150; 1.91 is -110 (rounded to the nearest integer, as books quote). */
    public static int decimalToAmerican(double decimal) {
        if (decimal >= 2.0) {
            return (int) Math.round((decimal - 1.0) * 100.0);
        }
        return (int) -Math.round(100.0 / (decimal - 1.0));
    }

    /** Prices books never quote for a two-way player or game market: a sign the number is junk. */
    public boolean isAbsurd() {
        return american < -5000 || american > 5000;
    }
}
