package io.nbaprops.ops.heal;

import java.util.List;

/**
 * The outcome of a self-heal pass. Each entry reads {@code asset/date: what} (e.g. {@code feature_store/2025-01-05: missing}).
 * {@code gaveUp}: partitions past their attempt limit, alerted and left alone.
 */
public record HealReport(List<String> found, List<String> repaired, List<String> failed, List<String> gaveUp) {}
