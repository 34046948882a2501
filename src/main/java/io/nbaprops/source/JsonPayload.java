package io.nbaprops.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Typed, path-aware access to a JSON payload: every accessor names the field path in its error, so
 * a parser never throws anything but a {@link ParseException} on a bad payload.
 */
public final class JsonPayload {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ParseContext ctx;

    private JsonPayload(ParseContext ctx) {
        this.ctx = ctx;
    }

    public static JsonPayload in(ParseContext ctx) {
        return new JsonPayload(ctx);
    }

    /** Parses the bytes; an empty body, an HTML page or broken JSON is a ParseException. */
    public JsonNode root(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw fail("", "empty body", null);
        }
        String head = new String(payload, 0, Math.min(payload.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<")) {
            throw fail("", "expected JSON but got HTML/XML (an error page?): " + head.replaceAll("\\s+", " "), null);
        }
        try {
            JsonNode n = MAPPER.readTree(payload);
            if (n == null || n.isMissingNode()) {
                throw fail("", "empty body", null);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw fail("", "malformed JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw fail("", "unreadable body: " + e.getMessage(), e);
        }
    }

    public JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        String p = join(path, field);
        if (n == null || n.isNull()) {
            throw fail(p, "missing object", null);
        }
        if (!n.isObject()) {
            throw fail(p, "expected an object but found " + n.getNodeType(), null);
        }
        return n;
    }

    public JsonNode array(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        String p = join(path, field);
        if (n == null || n.isNull()) {
            throw fail(p, "missing array", null);
        }
        if (!n.isArray()) {
            throw fail(p, "expected an array but found " + n.getNodeType(), null);
        }
        return n;
    }

    public void requireObject(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw fail(path, "expected an object but found " + (n == null ? "nothing" : n.getNodeType()), null);
        }
    }

    public String text(JsonNode parent, String field, String path) {
        String v = optText(parent, field, path);
        if (v == null) {
            throw fail(join(path, field), "missing text", null);
        }
        return v;
    }

    public String optText(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw fail(join(path, field), "expected text but found " + n.getNodeType(), null);
        }
        return n.asText();
    }

    public long longValue(JsonNode parent, String field, String path) {
        Long v = optLong(parent, field, path);
        if (v == null) {
            throw fail(join(path, field), "missing number", null);
        }
        return v;
    }

    public Long optLong(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber() && n.asDouble() == Math.rint(n.asDouble())) {
            return (long) n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                throw fail(join(path, field), "expected a whole number but found \"" + n.asText() + "\"", null);
            }
        }
        throw fail(join(path, field), "expected a whole number but found " + n.getNodeType(), null);
    }

    public Integer optInt(JsonNode parent, String field, String path) {
        Long v = optLong(parent, field, path);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw fail(join(path, field), "number out of range: " + v, null);
        }
        return v.intValue();
    }

    public Double optDouble(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                throw fail(join(path, field), "expected a number but found \"" + n.asText() + "\"", null);
            }
        }
        throw fail(join(path, field), "expected a number but found " + n.getNodeType(), null);
    }

    public Boolean optBool(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        throw fail(join(path, field), "expected true/false but found " + n.getNodeType(), null);
    }

    public ParseException fail(String path, String what, Throwable cause) {
        return new ParseException(ctx.source(), ctx.location(), path, what, cause);
    }

    public static String join(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
