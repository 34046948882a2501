package io.nbaprops.predict;

import io.nbaprops.predict.Recommendation.Side;
import io.nbaprops.predict.calibrate.ResidualDistribution.Outcome;
import java.util.Locale;

/**
 * OVER or UNDER only when both the edge (points between prediction and line) and the calibrated
 * probability of the side clear their thresholds, with a real usable line, a player not ruled out,
 * and a calibration fitted on enough graded picks; PASS otherwise, always with the reason. The stake is
 * fractional Kelly on the calibrated probability, capped at a share of the bankroll.
 */
public final class Recommender {
    /**
     * {@code minEdge}: the edge a pick needs in a market's own stat units, for every market not in {@code minEdgeByMarket}
     * (a 1.5-point edge is ordinary in points and far out in threes, whose lines sit at 0.5-3.5); {@code kellyFraction}:
     * the share of the Kelly stake suggested; {@code maxStake}: the cap on it, as a share of the bankroll.
     */
    public record Settings(double minEdge, java.util.Map<String, Double> minEdgeByMarket, double minProbability, double kellyFraction,
            double maxStake, int minCalibrationSamples) {
        public Settings(double minEdge, double minProbability, double kellyFraction, double maxStake, int minCalibrationSamples) {
            this(minEdge, java.util.Map.of(), minProbability, kellyFraction, maxStake, minCalibrationSamples);
        }

        public Settings {
            minEdgeByMarket = java.util.Map.copyOf(minEdgeByMarket == null ? java.util.Map.of() : minEdgeByMarket);
            for (var e : minEdgeByMarket.entrySet()) {
                if (!(e.getValue() >= 0)) {
                    throw new IllegalArgumentException("predict.min_edge_by_market." + e.getKey() + " must be >= 0: " + e.getValue());
                }
            }
            if (!(kellyFraction > 0 && kellyFraction <= 1)) {
                throw new IllegalArgumentException("predict.kelly_fraction must be in (0, 1]: " + kellyFraction);
            }
            if (!(maxStake > 0 && maxStake <= 1)) {
                throw new IllegalArgumentException("predict.max_stake must be in (0, 1]: " + maxStake);
            }
        }

        public static Settings defaults() {
            return new Settings(1.5, 0.56, 0.25, 0.02, 300);
        }

        /** The edge a pick in {@code market} (its key: points, threes...) needs. */
        public double minEdge(String market) {
            return minEdgeByMarket.getOrDefault(market, minEdge);
        }
    }

    private final Settings settings;

    public Recommender(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Recommendation recommend(double predicted, LineQuote line, Outcome calibrated, int injuryCode, int calibrationSamples) {
        return recommend(null, predicted, line, calibrated, injuryCode, calibrationSamples);
    }

    /** As {@link #recommend(double, LineQuote, Outcome, int, int)}, with {@code market}'s own minimum edge (null: the default). */
    public Recommendation recommend(String market, double predicted, LineQuote line, Outcome calibrated, int injuryCode,
            int calibrationSamples) {
        double minEdge = market == null ? settings.minEdge() : settings.minEdge(market);
        if (line == null) {
            return pass("no line from any book", Double.NaN, Double.NaN);
        }
        double edge = predicted - line.value();
        if (line.flagged()) {
            return pass("line flagged: " + line.flagReason(), edge, Double.NaN);
        }
        if (line.overPrice() == null || line.underPrice() == null) {
            return pass("line has no price", edge, Double.NaN);
        }
        if (Double.isNaN(predicted)) {
            return pass("system could not predict", Double.NaN, Double.NaN);
        }
        Side side = edge >= 0 ? Side.OVER : Side.UNDER;
        double p = side == Side.OVER ? calibrated.over() : calibrated.under();
        double pLose = side == Side.OVER ? calibrated.under() : calibrated.over();
        int price = side == Side.OVER ? line.overPrice() : line.underPrice();
        double ev = Odds.expectedValue(p, pLose, price);
        if (injuryCode >= 3) {
            return pass("player listed " + (injuryCode == 4 ? "out" : "doubtful"), edge, p);
        }
        if (calibrationSamples < settings.minCalibrationSamples()) {
            return pass("not calibrated yet: " + calibrationSamples + " graded picks, need " + settings.minCalibrationSamples(), edge, p);
        }
        if (Math.abs(edge) < minEdge) {
            return new Recommendation(Side.PASS, String.format(Locale.ROOT, "edge %.1f below %.1f", Math.abs(edge), minEdge),
                    edge, p, ev, 0.0);
        }
        if (p < settings.minProbability()) {
            return new Recommendation(Side.PASS, String.format(Locale.ROOT, "P(%s) %.3f below %.3f", side.name().toLowerCase(Locale.ROOT),
                    p, settings.minProbability()), edge, p, ev, 0.0);
        }
        if (ev <= 0) {
            return new Recommendation(Side.PASS, String.format(Locale.ROOT, "no value at %+d: EV %.3f", price, ev), edge, p, ev, 0.0);
        }
        double kelly = Math.min(settings.maxStake(), Odds.kelly(p, pLose, price, settings.kellyFraction()));
        return new Recommendation(side, String.format(Locale.ROOT, "edge %+.1f, P %.3f, EV %+.3f at %+d", edge, p, ev, price),
                edge, p, ev, kelly);
    }

    private static Recommendation pass(String why, double edge, double p) {
        return new Recommendation(Side.PASS, why, edge, p, null, null);
    }
}
