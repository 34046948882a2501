package io.nbaprops.predict;

import io.nbaprops.config.AppConfig.PredictConfig;
import io.nbaprops.predict.model.ModelRegistry;
import io.nbaprops.predict.model.XgbTrainer;
import io.nbaprops.store.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Everything predictions need, built once from the configuration: systems, models, dispatcher, batch. */
public final class PredictionService implements AutoCloseable {
    private final PredictConfig config;
    private final ModelRegistry models;
    private final Systems systems;
    private final WorkDispatcher dispatcher;
    private final PredictionBatch batch;
    private final XgbTrainer trainer;
    private final Warehouse warehouse;
    private final LineSource lines;
    private final Clock clock;

    public PredictionService(PredictConfig config, Warehouse warehouse, LineSource lines, Clock clock, WorkDispatcher dispatcher) {
        this.config = config;
        this.warehouse = warehouse;
        this.lines = lines;
        this.clock = clock;
        this.models = new ModelRegistry(warehouse);
        this.systems = Systems.standard(models);
        this.dispatcher = dispatcher != null ? dispatcher : new InProcessDispatcher(new PredictionWorker(systems), config.workerThreads());
        this.batch = batch(this.dispatcher);
        this.trainer = new XgbTrainer(warehouse, clock);
    }

    /** A batch coordinator on another dispatcher (the distributed one, or a test's). */
    public PredictionBatch batch(WorkDispatcher with) {
        return new PredictionBatch(warehouse, systems, with, new Recommender(new Recommender.Settings(config.minEdge(),
                minEdgeByMarket(), config.minProbability(), config.kellyFraction(), config.maxStake(), config.minCalibrationSamples())), lines, models, clock,
                new PredictionBatch.Settings(Duration.ofSeconds(config.batchDeadlineSeconds()), config.calibrationDays(),
                        config.ensembleDays(), 150));
    }

    /** predict.min_edge_by_market with each key checked to be a market (a misspelt one would silently use min_edge). */
    private java.util.Map<String, Double> minEdgeByMarket() {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        if (config.minEdgeByMarket() != null) {
            config.minEdgeByMarket().forEach((k, v) -> {
                if (v == null) {
                    throw new IllegalArgumentException("predict.min_edge_by_market." + k + " has no value");
                }
                try {
                    out.put(Market.of(k).key(), v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("predict.min_edge_by_market: " + e.getMessage(), e);
                }
            });
        }
        return out;
    }

    /** The in-process worker: what a dispatcher runs for each item. */
    public PredictionWorker worker() {
        return new PredictionWorker(systems);
    }

    public List<Market> markets() {
        return config.markets().stream().map(Market::of).toList();
    }

    public Systems systems() {
        return systems;
    }

    public ModelRegistry models() {
        return models;
    }

    public XgbTrainer trainer() {
        return trainer;
    }

    public XgbTrainer.Params trainingParams() {
        XgbTrainer.Params d = XgbTrainer.Params.defaults();
        return new XgbTrainer.Params(config.xgbRounds(), config.xgbEta(), config.xgbMaxDepth(), d.subsample(), d.colsample(),
                d.minChildWeight(), d.threads());
    }

    public PredictConfig config() {
        return config;
    }

    /** Predicts every configured market for the date (or only {@code players}) against lines known at {@code asOf}. */
    public List<BatchResult> predict(LocalDate date, Set<String> players, Instant asOf, Runnable checkCancelled) {
        List<BatchResult> out = new ArrayList<>();
        for (Market m : markets()) {
            out.add(batch.run(date, m, players, asOf, checkCancelled));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            dispatcher.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the work dispatcher failed", e);
        }
    }
}
