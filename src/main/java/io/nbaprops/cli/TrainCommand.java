package io.nbaprops.cli;

import io.nbaprops.app.Platform;
import io.nbaprops.predict.Market;
import io.nbaprops.predict.model.XgbModel;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the gradient-boosted model walk-forward on the feature store: only games strictly before --before",
            "(the last two weeks held out to measure it), then registers it as a versioned artifact that records its",
            "feature version and names. Predictions for a date use the newest model trained before that date."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--before", paramLabel = "YYYY-MM-DD", description = "Train on games before this date (default: today).")
    LocalDate before;

    @Option(names = "--market", defaultValue = "points", description = "points, rebounds, assists, threes or pra (default ${DEFAULT-VALUE}).")
    String market;

    @Option(names = "--min-rows", defaultValue = "500", description = "Refuse to train on fewer rows (default ${DEFAULT-VALUE}).")
    int minRows;

    @Override
    public Integer call() {
        try (Platform p = config.open()) {
            LocalDate cutoff = before != null ? before : LocalDate.now(p.config().zone());
            var service = p.predictions();
            XgbModel m = service.trainer().train(Market.of(market), cutoff, service.trainingParams(), minRows);
            if (m == null) {
                System.err.println("train: fewer than " + minRows + " graded feature rows before " + cutoff + "; run the pipeline first");
                return 3;
            }
            service.models().save(m);
            System.out.println("trained " + m.meta().modelVersion() + " on " + m.meta().trainRows() + " rows before " + cutoff);
            System.out.println("metrics " + m.meta().metrics());
            return 0;
        }
    }
}
