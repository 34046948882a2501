package io.nbaprops.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.bus.WorkCodec;
import io.nbaprops.predict.HistoryGame;
import io.nbaprops.predict.Market;
import io.nbaprops.predict.PlayerGame;
import io.nbaprops.predict.SystemPrediction;
import io.nbaprops.predict.WorkDispatcher.BatchContextNoHistory;
import io.nbaprops.predict.WorkDispatcher.BatchShared;
import io.nbaprops.predict.WorkDispatcher.PlayerWork;
import io.nbaprops.predict.WorkDispatcher.WorkOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bus's JSON: every double (NaN, awkward fractions) and time survives the trip bit for bit. */
class WorkCodecTest {
    @Test
    void workItemsRoundTripExactlyIncludingNaN() {
        double[] features = {0.1 + 0.2, Double.NaN, -0.0, 1e-300, 23.456789012345678};
        PlayerGame game = new PlayerGame("20241022_BOS_NYK", "jaysontatum", "Jayson Tatum", "BOS", "NYK", LocalDate.of(2024, 10, 22),
                Instant.parse("2024-10-22T23:30:00Z"), 0, 0.875, features);
        PlayerWork item = new PlayerWork("20241022_BOS_NYK|jaysontatum|points", game,
                List.of(new HistoryGame("jaysontatum", LocalDate.of(2024, 4, 1), new double[] {Double.NaN, 2.5}, 31.0)));
        BatchShared shared = new BatchShared("2024-10-22/points/2024-10-22T22:00:00Z", new BatchContextNoHistory(LocalDate.of(2024, 10, 22),
                Market.POINTS, new double[] {1.0 / 3, Double.NaN}, new double[] {2.0 / 3, 1}, Map.of("moving_average", 0.6), null));

        WorkCodec.WorkMessage back = WorkCodec.readWork(WorkCodec.work(shared, item));

        assertThat(back.item().game().features()).containsExactly(features);
        assertThat(Double.doubleToRawLongBits(back.item().game().features()[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.item().game().tipOff()).isEqualTo(game.tipOff());
        assertThat(back.item().history().get(0).features()[0]).isNaN();
        assertThat(back.shared().context().featureMeans()).containsExactly(1.0 / 3, Double.NaN);
        assertThat(back.shared().context().market()).isEqualTo(Market.POINTS);
        assertThat(back.shared().batchId()).isEqualTo(shared.batchId());
        // Encoding again gives the same bytes: nothing was lost or rounded.
        assertThat(WorkCodec.work(back.shared(), back.item())).isEqualTo(WorkCodec.work(shared, item));
    }

    @Test
    void outcomesRoundTripWithAbstentionsAndErrors() {
        Map<String, SystemPrediction> p = new LinkedHashMap<>();
        p.put("moving_average", SystemPrediction.of(21.08));
        p.put("similar_games", SystemPrediction.abstain("too few past games"));
        p.put("xgboost", new SystemPrediction(19.9, "xgb-2024-11-01", Map.of("pts_avg_l5", 1.25), null));
        WorkOutcome ok = WorkCodec.readOutcome(WorkCodec.outcome(new WorkOutcome("i1", p, null)));
        assertThat(ok.failed()).isFalse();
        assertThat(ok.predictions().get("moving_average").value()).isEqualTo(21.08);
        assertThat(ok.predictions().get("similar_games").abstained()).isTrue();
        assertThat(ok.predictions().get("similar_games").note()).isEqualTo("too few past games");
        assertThat(ok.predictions().get("xgboost").contributions()).containsEntry("pts_avg_l5", 1.25);
        WorkOutcome bad = WorkCodec.readOutcome(WorkCodec.outcome(new WorkOutcome("i2", Map.of(), "boom")));
        assertThat(bad.failed()).isTrue();
        assertThat(bad.error()).isEqualTo("boom");
    }

    @Test
    void aMalformedMessageNamesWhatItIsAndItsSize() {
        assertThatThrownBy(() -> WorkCodec.readWork("{not json".getBytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed WorkMessage message (9 bytes)");
    }
}
