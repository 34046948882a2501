package io.nbaprops.predict;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seam where a batch fans out per-player work: in-process threads by default, RabbitMQ workers
 * in distributed mode. A dispatcher runs every item through {@link PredictionWorker} and returns
 * one outcome per item, successful or failed with its reason, by the deadline.
 */
public interface WorkDispatcher extends AutoCloseable {
    List<WorkOutcome> dispatch(BatchShared shared, List<PlayerWork> items, Duration deadline);

    /** What every item of a batch shares (sent once per item in distributed mode: a few hundred bytes). */
    record BatchShared(String batchId, BatchContextNoHistory context) {}

    /** The batch context without the per-player history (that travels with each item). */
    record BatchContextNoHistory(java.time.LocalDate date, Market market, double[] featureMeans, double[] featureSds,
            Map<String, Double> ensembleWeights, String modelVersion) {
        public BatchContext with(String player, List<HistoryGame> history) {
            return new BatchContext(date, market, Map.of(player, history), featureMeans, featureSds, ensembleWeights, modelVersion);
        }
    }

    /** One player's work: his game and vector, and his past games. */
    record PlayerWork(String itemId, PlayerGame game, List<HistoryGame> history) {}

    /** The systems' predictions for one item, or why it failed. */
    record WorkOutcome(String itemId, Map<String, SystemPrediction> predictions, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    @Override
    default void close() {}
}
