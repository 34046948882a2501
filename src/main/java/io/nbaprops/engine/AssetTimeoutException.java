package io.nbaprops.engine;

import java.time.Duration;
import java.time.LocalDate;

/** A run went past its time budget and was stopped by the engine; nothing it wrote was committed. */
public class AssetTimeoutException extends RuntimeException {
    private final Duration budget;

    public AssetTimeoutException(String asset, LocalDate partition, Duration budget) {
        super(asset + " [" + partition + "] exceeded its time budget of " + budget.toMillis() + " ms");
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
