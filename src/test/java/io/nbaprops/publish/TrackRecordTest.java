package io.nbaprops.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The track record's intervals against published values: Wilson score intervals and a mean's normal interval. */
class TrackRecordTest {
    @Test
    void wilsonIntervalsMatchTheTextbookValues() {
        // 95% Wilson score intervals (e.g. Newcombe 1998, table I): 5/10 -> 0.2366-0.7634, 0/10 -> 0-0.2775, 81/263 -> 0.2553-0.3662.
        assertThat(TrackRecord.wilson(5, 10)).containsExactly(0.2366, 0.7634);
        assertThat(TrackRecord.wilson(0, 10).get(0)).isEqualTo(0.0);
        assertThat(TrackRecord.wilson(0, 10).get(1)).isCloseTo(0.2775, within(1e-4));
        assertThat(TrackRecord.wilson(81, 263)).containsExactly(0.2553, 0.3662);
        assertThat(TrackRecord.wilson(0, 0)).isNull();
    }

    @Test
    void roiIntervalComesFromTheProfitsSpreadAndNeedsEnoughPicks() {
        // Ten picks at even money, five won: mean 0, sample sd sqrt(10/9), half-width 1.96 * sd / sqrt(10) = 0.6533.
        List<Double> ci = TrackRecord.meanInterval(0, 10, 10);
        assertThat(ci.get(0)).isCloseTo(-0.6533, within(1e-4));
        assertThat(ci.get(1)).isCloseTo(0.6533, within(1e-4));
        // The same spread over 40 picks with 8 units won: centred on 0.2, half as wide.
        List<Double> wider = TrackRecord.meanInterval(8, 40, 40);
        double sd = Math.sqrt((40 - 40 * 0.04) / 39);
        assertThat(wider.get(0)).isCloseTo(0.2 - 1.959964 * sd / Math.sqrt(40), within(1e-4));
        assertThat(TrackRecord.meanInterval(-2, 2, 2)).as("two picks: no interval").isNull();
    }
}
