package io.nbaprops.predict;

/**
 * A way to predict a player's stat for a game. Systems are pure functions of the inputs the batch
 * loaded (the player-game's feature vector, his history, the day's league context) so the same
 * work item gives the same answer in any process.
 */
public interface PredictionSystem {
    String id();

    String version();

    /** The predicted value, or {@link SystemPrediction#abstain} with the reason when it cannot predict. */
    SystemPrediction predict(PlayerGame game, BatchContext context);
}
