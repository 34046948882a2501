package io.nbaprops.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Typed, path-aware access to a JSON payload: every accessor names the field path in its error, so
 * a parser never throws anything but a {@link ParseException} on a bad payload.
 */
public final class JsonPayload {
    // Trailing garbage after the document is a broken payload, not something to ignore.
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        PayloadLimits.check(payload, ctx);
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
            JsonLocation at = e.getLocation();
            throw fail("", "malformed JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage(), e);
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
            if (!n.canConvertToLong()) {
                throw fail(join(path, field), "number out of range: " + n.asText(), null);
            }
            return n.asLong();
        }
        if (n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) && Math.abs(n.asDouble()) < 9.0e15) {
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
            double d = n.asDouble();
            if (!Double.isFinite(d)) {
                throw fail(join(path, field), "number out of range: " + n.asText(), null);
            }
            return d;
        }
        if (n.isTextual()) {
            if (n.asText().isBlank()) {
                return null;
            }
            try {
                double d = Double.parseDouble(n.asText().trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException("not finite");
                }
                return d;
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

    public double doubleValue(JsonNode parent, String field, String path) {
        Double v = optDouble(parent, field, path);
        if (v == null) {
            throw fail(join(path, field), "missing number", null);
        }
        return v;
    }

    /** The element at {@code i} of an array, which must be an object. */
    public JsonNode objectAt(JsonNode array, int i, String path) {
        JsonNode n = array.get(i);
        String p = index(path, i);
        if (n == null || n.isNull()) {
            throw fail(p, "missing object", null);
        }
        if (!n.isObject()) {
            throw fail(p, "expected an object but found " + n.getNodeType(), null);
        }
        return n;
    }

    /** An optional array: null when absent or null. */
    public JsonNode optArray(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw fail(join(path, field), "expected an array but found " + n.getNodeType(), null);
        }
        return n;
    }

    /** An optional object: null when absent or null. */
    public JsonNode optObject(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw fail(join(path, field), "expected an object but found " + n.getNodeType(), null);
        }
        return n;
    }

    /** A timestamp in any of the shapes our sources use (see {@link Timestamps}); null when absent or blank. */
    public Instant optInstant(JsonNode parent, String field, String path) {
        String t = optText(parent, field, path);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(t);
        } catch (DateTimeParseException e) {
            throw fail(join(path, field), "not a timestamp: \"" + abbreviate(t) + "\"", e);
        }
    }

    public Instant instant(JsonNode parent, String field, String path) {
        Instant i = optInstant(parent, field, path);
        if (i == null) {
            throw fail(join(path, field), "missing timestamp", null);
        }
        return i;
    }

    /** A date "2025-01-15" (a longer "2025-01-15T00:00:00..." keeps its date part); null when absent. */
    public LocalDate optDate(JsonNode parent, String field, String path) {
        String t = optText(parent, field, path);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw fail(join(path, field), "not a date: \"" + abbreviate(t) + "\"", e);
        }
    }

    public static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    public ParseContext context() {
        return ctx;
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
