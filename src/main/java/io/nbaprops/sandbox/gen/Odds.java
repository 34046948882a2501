package io.nbaprops.sandbox.gen;

/** Converting probabilities to American odds with the book's margin. */
public final class Odds {
    /** Two-way overround: -110 / -110 is 1.0476. */
    static final double OVERROUND = 1.0476;

    private Odds() {}

    /** American odds for a side whose fair probability is {@code fair} (of the two sides' fair total 1). */
    static int american(double fair, boolean roundToFive) {
        double implied = Math.max(0.08, Math.min(0.92, fair * OVERROUND));
        double raw = implied >= 0.5 ? -100 * implied / (1 - implied) : 100 * (1 - implied) / implied;
        long price = Math.round(raw);
        if (roundToFive) {
            price = Math.round(raw / 5.0) * 5;
        }
        if (price > -100 && price < 100) {
            price = raw < 0 ? -100 : 100;
        }
        return (int) price;
    }

    /** Decimal odds for an American price (The Odds API's default format). */
    public static double decimal(int american) {
        double d = american > 0 ? 1 + american / 100.0 : 1 + 100.0 / -american;
        return Math.round(d * 100) / 100.0;
    }
}
