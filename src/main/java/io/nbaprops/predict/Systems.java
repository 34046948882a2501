package io.nbaprops.predict;

import io.nbaprops.predict.model.ModelRegistry;
import io.nbaprops.predict.systems.EnsembleSystem;
import io.nbaprops.predict.systems.GradientBoostedSystem;
import io.nbaprops.predict.systems.MovingAverageSystem;
import io.nbaprops.predict.systems.SimilarGamesSystem;
import io.nbaprops.predict.systems.ZoneMatchupSystem;
import java.util.ArrayList;
import java.util.List;

/** The prediction systems the platform runs: four base systems and the ensemble over them. */
public record Systems(List<PredictionSystem> base, EnsembleSystem ensemble) {
    public static Systems standard(ModelRegistry registry) {
        List<PredictionSystem> base = List.of(new MovingAverageSystem(), new ZoneMatchupSystem(), new SimilarGamesSystem(),
                new GradientBoostedSystem(registry));
        return new Systems(base, new EnsembleSystem(base));
    }

    public List<PredictionSystem> all() {
        List<PredictionSystem> all = new ArrayList<>(base);
        all.add(ensemble);
        return all;
    }

    public List<String> ids() {
        return all().stream().map(PredictionSystem::id).toList();
    }

    public PredictionSystem byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown system " + id + " (known: " + ids() + ")"));
    }
}
