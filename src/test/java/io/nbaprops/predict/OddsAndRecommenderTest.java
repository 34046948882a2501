package io.nbaprops.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nbaprops.predict.Recommendation.Side;
import io.nbaprops.predict.calibrate.ResidualDistribution.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OddsAndRecommenderTest {
    static final Instant SNAP = Instant.parse("2025-01-15T17:00:00Z");
    final Recommender rec = new Recommender(Recommender.Settings.defaults());

    @Test
    void americanOddsArithmetic() {
        assertThat(Odds.profitPerUnit(-110)).isCloseTo(0.90909, within(1e-5));
        assertThat(Odds.profitPerUnit(150)).isEqualTo(1.5);
        assertThat(Odds.impliedProbability(-110)).isCloseTo(0.52381, within(1e-5));
        assertThat(Odds.fromDecimal(2.5)).isEqualTo(150);
        assertThat(Odds.fromDecimal(1.909)).isEqualTo(-110);
        assertThat(Odds.toDecimal(-200)).isEqualTo(1.5);
        // 60% to win at -110 (no push): EV = 0.6 * 0.909 - 0.4 = +0.1455; Kelly = (0.909*0.6 - 0.4)/0.909 = 0.16.
        assertThat(Odds.expectedValue(0.6, 0.4, -110)).isCloseTo(0.14545, within(1e-5));
        assertThat(Odds.kelly(0.6, 0.4, -110, 1.0)).isCloseTo(0.16, within(1e-9));
        assertThat(Odds.kelly(0.6, 0.4, -110, 0.25)).isCloseTo(0.04, within(1e-9));
        assertThat(Odds.kelly(0.45, 0.55, -110, 1.0)).isZero();
        assertThatThrownBy(() -> Odds.profitPerUnit(50)).hasMessageContaining("not an American price");
    }

    @Test
    void eachMarketNeedsItsOwnEdge() {
        Recommender byMarket = new Recommender(new Recommender.Settings(1.5, java.util.Map.of("threes", 0.3), 0.56, 0.25, 0.02, 300));
        LineQuote threes = new LineQuote("draftkings", 1.5, -110, -110, SNAP, false, null);
        Outcome likely = new Outcome(0.6, 0.4, 0);
        // A 0.5-three edge is a pick in threes; the same edge in points (no entry: min_edge) is not.
        assertThat(byMarket.recommend("threes", 2.0, threes, likely, 0, 1000).side()).isEqualTo(Side.OVER);
        assertThat(byMarket.recommend("points", 2.0, threes, likely, 0, 1000).reason()).isEqualTo("edge 0.5 below 1.5");
        assertThat(byMarket.recommend("threes", 1.7, threes, likely, 0, 1000).reason()).isEqualTo("edge 0.2 below 0.3");
        assertThatThrownBy(() -> new Recommender.Settings(1.5, java.util.Map.of("threes", -1.0), 0.56, 0.25, 0.02, 300))
                .hasMessageContaining("min_edge_by_market.threes");
    }

    @Test
    void picksOnlyWithEnoughEdgeProbabilityAndValue() {
        LineQuote line = new LineQuote("draftkings", 24.5, -110, -110, SNAP, false, null);
        Recommendation over = rec.recommend(27.0, line, new Outcome(0.62, 0.38, 0), 0, 1000);
        assertThat(over.side()).isEqualTo(Side.OVER);
        assertThat(over.edge()).isEqualTo(2.5);
        assertThat(over.expectedValue()).isCloseTo(0.62 * 0.90909 - 0.38, within(1e-4));
        // Quarter Kelly is 0.0495 of the bankroll: capped at the default 2%.
        assertThat(0.25 * (0.90909 * 0.62 - 0.38) / 0.90909).isGreaterThan(0.02);
        assertThat(over.kellyStake()).isEqualTo(0.02);
        assertThat(over.reason()).startsWith("edge +2.5, P 0.620");
        // Below the cap the stake is the configured fraction of Kelly; fraction and cap are settings.
        Recommender tenth = new Recommender(new Recommender.Settings(1.5, 0.56, 0.1, 0.05, 300));
        assertThat(tenth.recommend(27.0, line, new Outcome(0.62, 0.38, 0), 0, 1000).kellyStake())
                .isCloseTo(0.1 * (0.90909 * 0.62 - 0.38) / 0.90909, within(1e-4));
        Recommender loose = new Recommender(new Recommender.Settings(1.5, 0.56, 1.0, 0.5, 300));
        assertThat(loose.recommend(27.0, line, new Outcome(0.9, 0.1, 0), 0, 1000).kellyStake()).isEqualTo(0.5);
        assertThatThrownBy(() -> new Recommender.Settings(1.5, 0.56, 0.25, 0, 300)).hasMessageContaining("max_stake");
        assertThatThrownBy(() -> new Recommender.Settings(1.5, 0.56, 1.5, 0.02, 300)).hasMessageContaining("kelly_fraction");

        Recommendation under = rec.recommend(21.0, line, new Outcome(0.36, 0.64, 0), 0, 1000);
        assertThat(under.side()).isEqualTo(Side.UNDER);
        assertThat(under.probability()).isEqualTo(0.64);

        assertThat(rec.recommend(25.5, line, new Outcome(0.6, 0.4, 0), 0, 1000).reason()).isEqualTo("edge 1.0 below 1.5");
        assertThat(rec.recommend(27.0, line, new Outcome(0.55, 0.45, 0), 0, 1000).reason()).isEqualTo("P(over) 0.550 below 0.560");
        LineQuote juiced = new LineQuote("fanduel", 24.5, -300, 220, SNAP, false, null);
        assertThat(rec.recommend(27.0, juiced, new Outcome(0.7, 0.3, 0), 0, 1000).reason()).startsWith("no value at -300");
    }

    @Test
    void neverAgainstAFlaggedOrMissingLineAnOutPlayerOrBeforeCalibration() {
        LineQuote placeholder = new LineQuote("bookx", 20.0, -110, -110, SNAP, true, "same 20.0 for every player of the snapshot");
        Recommendation r = rec.recommend(30.0, placeholder, new Outcome(0.9, 0.1, 0), 0, 1000);
        assertThat(r.side()).isEqualTo(Side.PASS);
        assertThat(r.reason()).isEqualTo("line flagged: same 20.0 for every player of the snapshot");
        assertThat(rec.recommend(30.0, null, new Outcome(0, 0, 0), 0, 1000).reason()).isEqualTo("no line from any book");
        LineQuote ok = new LineQuote("draftkings", 24.5, -110, -110, SNAP, false, null);
        assertThat(rec.recommend(30.0, ok, new Outcome(0.9, 0.1, 0), 4, 1000).reason()).isEqualTo("player listed out");
        assertThat(rec.recommend(30.0, ok, new Outcome(0.9, 0.1, 0), 0, 120).reason())
                .isEqualTo("not calibrated yet: 120 graded picks, need 300");
        assertThat(ok.key()).isEqualTo("draftkings@2025-01-15T17:00:00Z");
    }
}
