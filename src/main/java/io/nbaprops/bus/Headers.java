package io.nbaprops.bus;

import java.util.List;
import java.util.Map;

/** Message header names used on the bus, and tolerant readers for the broker's typed header values. */
final class Headers {
    static final String ITEM_ID = "nbaprops-item-id";
    static final String BATCH_ID = "nbaprops-batch-id";
    static final String ERROR = "nbaprops-error";
    static final String DELIVERIES = "nbaprops-deliveries";
    static final String COMPUTE_NANOS = "nbaprops-compute-ns";
    static final String WORKER = "nbaprops-worker";
    static final String RETRY_OF = "nbaprops-retry-of";
    /** Set by quorum queues on a re-delivery: how many times the message was returned before. */
    static final String DELIVERY_COUNT = "x-delivery-count";

    private Headers() {}

    static String string(Map<String, Object> h, String key) {
        Object v = h == null ? null : h.get(key);
        return v == null ? null : v.toString(); // LongString and String both print their text
    }

    static long number(Map<String, Object> h, String key, long orElse) {
        Object v = h == null ? null : h.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v != null) {
            try {
                return Long.parseLong(v.toString());
            } catch (NumberFormatException e) {
                return orElse;
            }
        }
        return orElse;
    }

    /** The first x-death entry (the broker's record of why and from where a message was dead-lettered). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> firstDeath(Map<String, Object> h) {
        Object v = h == null ? null : h.get("x-death");
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }
}
