package io.nbaprops.bus;

import java.time.Instant;

/** A work item that failed every delivery it was allowed: what it was, why it failed, how often, and when. */
public record DeadLetter(String id, String queue, String itemId, String reason, int deliveries, Instant deadAt, String summary) {}
