package io.nbaprops.sandbox.server;

import java.time.Duration;

/**
 * Injected failures for reliability tests. With probability {@code rate} a request fails in one of
 * the enabled ways, chosen by the weights: 429 with Retry-After, 500, a slow answer (delayed by
 * {@code slowDelay}, then normal) or a truncated body (200 with the first half of the JSON).
 * Decisions are deterministic from {@code seed}, the request (method, path, sorted query) and how
 * many times that exact request has been made, so a retried request sees a fresh draw.
 */
public record FaultConfig(double rate, long seed, double weight429, double weight500, double weightSlow,
        double weightTruncated, Duration slowDelay, int retryAfterSeconds) {

    public static final FaultConfig OFF = new FaultConfig(0, 0, 0, 0, 0, 0, Duration.ZERO, 1);

    public FaultConfig {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("fault rate must be within [0, 1], was " + rate);
        }
        if (rate > 0 && weight429 + weight500 + weightSlow + weightTruncated <= 0) {
            throw new IllegalArgumentException("a fault rate needs at least one fault kind with a positive weight");
        }
    }

    /** Every kind equally likely, 1 s Retry-After, 2 s slow responses. */
    public static FaultConfig all(double rate, long seed) {
        return new FaultConfig(rate, seed, 1, 1, 1, 1, Duration.ofSeconds(2), 1);
    }

    /** Only one kind of fault, at the given rate. */
    public static FaultConfig only(Kind kind, double rate, long seed) {
        return new FaultConfig(rate, seed, kind == Kind.TOO_MANY_REQUESTS ? 1 : 0, kind == Kind.SERVER_ERROR ? 1 : 0,
                kind == Kind.SLOW ? 1 : 0, kind == Kind.TRUNCATED ? 1 : 0, Duration.ofSeconds(2), 1);
    }

    public FaultConfig withSlowDelay(Duration delay) {
        return new FaultConfig(rate, seed, weight429, weight500, weightSlow, weightTruncated, delay, retryAfterSeconds);
    }

    public FaultConfig withRetryAfter(int seconds) {
        return new FaultConfig(rate, seed, weight429, weight500, weightSlow, weightTruncated, slowDelay, seconds);
    }

    public boolean enabled() {
        return rate > 0;
    }

    public enum Kind { NONE, TOO_MANY_REQUESTS, SERVER_ERROR, SLOW, TRUNCATED }

    /** The fault for the {@code attempt}-th (0-based) occurrence of request {@code key}. */
    public Kind decide(String key, int attempt) {
        if (!enabled()) {
            return Kind.NONE;
        }
        long h = hash(seed, key, attempt);
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= rate) {
            return Kind.NONE;
        }
        double total = weight429 + weight500 + weightSlow + weightTruncated;
        double v = (hash(seed + 1, key, attempt) >>> 11) * 0x1.0p-53 * total;
        if ((v -= weight429) < 0) {
            return Kind.TOO_MANY_REQUESTS;
        }
        if ((v -= weight500) < 0) {
            return Kind.SERVER_ERROR;
        }
        if ((v -= weightSlow) < 0) {
            return Kind.SLOW;
        }
        return Kind.TRUNCATED;
    }

    private static long hash(long seed, String key, int attempt) {
        long h = seed * 0x9E3779B97F4A7C15L + attempt;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
