package io.nbaprops.engine;

/**
 * An upstream asset and which of its partitions a partition D needs: the same date, or every
 * earlier date of the partition calendar (history, e.g. rolling averages for D use all games before D).
 */
public record Dependency(String asset, Window window) {
    public enum Window { SAME_DATE, PRIOR_DATES }

    public static Dependency same(String asset) {
        return new Dependency(asset, Window.SAME_DATE);
    }

    public static Dependency prior(String asset) {
        return new Dependency(asset, Window.PRIOR_DATES);
    }
}
