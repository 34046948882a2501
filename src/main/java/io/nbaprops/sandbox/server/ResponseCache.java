package io.nbaprops.sandbox.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serialised responses by a key that captures everything they depend on (endpoint, parameters and
 * the slice of "now" that matters, e.g. which games have ended). Least recently used entries go first.
 */
final class ResponseCache {
    private final Map<String, byte[]> entries;

    ResponseCache(int capacity) {
        entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    byte[] get(String key, Supplier<Object> build) {
        synchronized (entries) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] body = Json.bytes(build.get());
        synchronized (entries) {
            entries.put(key, body);
        }
        return body;
    }
}
