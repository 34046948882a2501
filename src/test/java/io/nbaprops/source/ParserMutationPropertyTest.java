package io.nbaprops.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbaprops.source.SampleCases.Case;
import io.nbaprops.source.SampleCases.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Mutates the real samples and feeds them to their parsers: truncation at any point, a value
 * replaced by the wrong type or null, random bytes overwritten, and (for JSON) unknown fields
 * injected. A parser may accept the result or fail with a {@link ParseException} naming its source;
 * any other exception is a bug. Unknown fields must be accepted and change nothing.
 *
 * <p>Tries are counted over all (parser, sample) cases: about 50 JSON cases get ~40 truncations, ~40
 * replacements and ~25 injections each (~100 per parser); the 9 documents (HTML, PDF, CSV), whose
 * parses cost 50-200 ms, get ~35 truncations or overwrites each. The whole class runs in about
 * half a minute on a 2-core box.
 */
class ParserMutationPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Map<Case, Integer> BASELINE = new java.util.concurrent.ConcurrentHashMap<>();

    @Provide
    Arbitrary<Case> jsonCases() {
        return Arbitraries.of(SampleCases.of(Kind.JSON));
    }

    @Provide
    Arbitrary<Case> byteCases() {
        List<Case> c = new ArrayList<>(SampleCases.of(Kind.HTML));
        c.addAll(SampleCases.of(Kind.CSV));
        c.addAll(SampleCases.of(Kind.PDF));
        return Arbitraries.of(c);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void jsonTruncatedAnywhere(@ForAll("jsonCases") Case c, @ForAll long seed) {
        byte[] base = c.base();
        int cut = (int) Math.floorMod(seed, (long) Math.max(1, base.length));
        onlyParseExceptions(c, Arrays.copyOf(base, cut), "truncated at " + cut);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void jsonValueReplacedByWrongTypeOrNull(@ForAll("jsonCases") Case c, @ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        JsonNode tree = c.json().deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot s = slots.get(rnd.nextInt(slots.size()));
        JsonNode wrong = wrongValue(rnd);
        s.set(wrong);
        onlyParseExceptions(c, JSON.writeValueAsBytes(tree), "value at " + s + " replaced by " + wrong);
    }

    @Property(tries = 1200, shrinking = ShrinkingMode.OFF)
    void unknownFieldsAreAccepted(@ForAll("jsonCases") Case c, @ForAll long seed) throws IOException {
        int baseline = BASELINE.computeIfAbsent(c, k -> parse(k, k.base()).rowCount());
        Random rnd = new Random(seed);
        JsonNode tree = c.json().deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        objects(tree, objects);
        if (objects.isEmpty()) {
            return;
        }
        ObjectNode target = objects.get(rnd.nextInt(objects.size()));
        String field = "zz_unknown_" + rnd.nextInt(1000);
        target.set(field, wrongValue(rnd));
        ParsedRows rows;
        try {
            rows = parse(c, JSON.writeValueAsBytes(tree));
        } catch (RuntimeException e) {
            throw new AssertionError(c + ": an unknown field " + field + " was not accepted: " + e, e);
        }
        assertThat(rows.rowCount()).as(c + " row count after injecting " + field).isEqualTo(baseline);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void documentsTruncatedOrOverwritten(@ForAll("byteCases") Case c, @ForAll long seed) {
        Random rnd = new Random(seed);
        byte[] b = c.base().clone();
        if (rnd.nextBoolean()) {
            int cut = rnd.nextInt(b.length);
            onlyParseExceptions(c, Arrays.copyOf(b, cut), "truncated at " + cut);
            return;
        }
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        onlyParseExceptions(c, b, n + " random bytes overwritten (seed " + seed + ")");
    }

    private static ParsedRows parse(Case c, byte[] payload) {
        return Parsers.get(c.parser()).parse(payload, ParseContext.ofFile(c.parser(), c.file()));
    }

    private static void onlyParseExceptions(Case c, byte[] payload, String mutation) {
        try {
            parse(c, payload);
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo(c.parser());
            assertThat(e.getMessage()).contains(c.parser()).contains(c.file());
        } catch (Throwable t) {
            fail(c + ", " + mutation + ": expected only ParseException but got " + t, t);
        }
    }

    /** A place in the tree holding a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, String path) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private static void collect(JsonNode n, List<Slot> out) {
        collect(n, "", out);
    }

    private static void collect(JsonNode n, String path, List<Slot> out) {
        if (n instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                out.add(new Slot(o, f, -1, path + "." + f));
                collect(o.get(f), path + "." + f, out);
            });
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i, path + "[" + i + "]"));
                collect(a.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static void objects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.forEach(child -> objects(child, out));
    }

    private static JsonNode wrongValue(Random rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rnd.nextInt(11)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("not what you expected");
            case 2 -> f.numberNode(rnd.nextInt());
            case 3 -> f.numberNode(-1.5);
            case 4 -> f.booleanNode(rnd.nextBoolean());
            case 5 -> f.objectNode();
            case 6 -> f.arrayNode();
            case 7 -> f.textNode("");
            case 8 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 9 -> f.textNode("9".repeat(40));
            default -> f.numberNode(1e308);
        };
    }
}
