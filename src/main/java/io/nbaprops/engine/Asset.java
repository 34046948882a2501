package io.nbaprops.engine;

import java.time.Duration;
import java.util.List;

/**
 * A table (or file) the platform produces, one partition (a game date) at a time. The engine does
 * ordering, readiness, retries, time budgets and run history; an asset only says what it needs and
 * how to build one partition. Materialising the same partition twice must leave the same rows.
 */
public interface Asset {
    String name();

    Phase phase();

    default List<Dependency> upstream() {
        return List.of();
    }

    /** Overrides the configured budget (null: use {@code engine.budget_seconds} or the default). */
    default Duration budget() {
        return null;
    }

    /** Completeness of this asset's own inputs beyond upstream run states (e.g. every game's box score). */
    default Readiness readiness(AssetContext ctx) throws Exception {
        return Readiness.ok();
    }

    /**
     * Assets built later in the graph whose earlier partitions this one reads without waiting for them
     * (predictions calibrate on the grades of the dates before). A backfill holding both must run date
     * by date, so each date sees what the dates before it produced.
     */
    default List<String> feedbackFrom() {
        return List.of();
    }

    AssetResult materialize(AssetContext ctx) throws Exception;
}
