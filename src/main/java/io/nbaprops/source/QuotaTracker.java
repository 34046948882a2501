package io.nbaprops.source;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request quota sources report in response headers (The Odds API: {@code x-requests-remaining},
 * {@code x-requests-used}, {@code x-requests-last}), as last seen per source. The ops layer reads
 * {@link #get} (and the collect assets store it in {@code source_quota}) to alert before it runs out.
 */
public final class QuotaTracker {
    /** Below this fraction of the whole quota left, a source is "nearly used up". */
    public static final double NEARLY_USED_UP_FRACTION = 0.10;
    /** ... or below this many requests left, whatever the quota size. */
    public static final long NEARLY_USED_UP_MIN = 50;

    public record Quota(String source, Long remaining, Long used, Long lastCost, Instant observedAt) {
        /** True when few requests are left: under 10% of remaining+used, or under 50. */
        public boolean nearlyUsedUp() {
            if (remaining == null) {
                return false;
            }
            long total = remaining + (used == null ? 0 : used);
            return remaining < NEARLY_USED_UP_MIN || (total > 0 && remaining < total * NEARLY_USED_UP_FRACTION);
        }
    }

    private final Map<String, Quota> latest = new ConcurrentHashMap<>();

    /** Reads the quota headers of one response; responses without them change nothing. */
    public void observe(String source, HttpHeaders headers, Instant at) {
        OptionalLong remaining = number(headers, "x-requests-remaining");
        OptionalLong used = number(headers, "x-requests-used");
        if (remaining.isEmpty() && used.isEmpty()) {
            return;
        }
        OptionalLong last = number(headers, "x-requests-last");
        latest.put(source, new Quota(source, remaining.isPresent() ? remaining.getAsLong() : null,
                used.isPresent() ? used.getAsLong() : null, last.isPresent() ? last.getAsLong() : null, at));
    }

    public Optional<Quota> get(String source) {
        return Optional.ofNullable(latest.get(source));
    }

    public Map<String, Quota> all() {
        return Map.copyOf(latest);
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        Optional<String> v = headers.firstValue(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            // The Odds API sends whole numbers, sometimes as "499.0".
            return OptionalLong.of((long) Double.parseDouble(v.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
