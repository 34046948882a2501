package io.nbaprops.sandbox.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON for the sandbox: ordered maps serialised by Jackson, so bytes are identical run to run. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** An ordered object from alternating keys and values. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a sandbox response: " + e.getMessage(), e);
        }
    }

    /** A shooting percentage as the APIs print it: 0 when nothing was attempted, else 7 decimals. */
    static double pct(int made, int attempted) {
        return attempted == 0 ? 0.0 : Math.round(1e7 * made / attempted) / 1e7;
    }
}
