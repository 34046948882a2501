package io.nbaprops.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbaprops.source.SampleCases.Case;
import io.nbaprops.source.SampleCases.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classic broken inputs, for every parser: truncated, empty, {@code null}, a JSON value of the
 * wrong type, an HTML error page, a huge payload: each is a {@link ParseException} naming the
 * source and the payload; an extra unknown field is accepted and changes nothing.
 */
class BrokenInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_PAGE = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>"
            + "<body><h1>Service Unavailable</h1><p>Reference #18.4c3b</p></body></html>";
    private static byte[] huge;

    /** One real sample per parser (the first), for the truncation and unknown-field cases. */
    static Stream<Arguments> parsersWithASample() {
        Map<String, Case> first = new LinkedHashMap<>();
        for (Case c : SampleCases.all()) {
            first.putIfAbsent(c.parser(), c);
        }
        return first.values().stream().map(Arguments::of);
    }

    static List<String> allParsers() {
        return Parsers.names();
    }

    private static ParseException parseFails(String parser, byte[] payload) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Parsers.get(parser).parse(payload,
                ParseContext.ofFile(parser, "broken.bin")));
        assertThat(t).as(parser).isInstanceOf(ParseException.class);
        ParseException e = (ParseException) t;
        assertThat(e.source()).isEqualTo(parser);
        assertThat(e.getMessage()).startsWith(parser + " broken.bin");
        return e;
    }

    @ParameterizedTest
    @MethodSource("allParsers")
    void emptyBody(String parser) {
        assertThat(parseFails(parser, new byte[0]).getMessage()).contains("empty body");
    }

    @ParameterizedTest
    @MethodSource("allParsers")
    void jsonNull(String parser) {
        parseFails(parser, "null".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("allParsers")
    void wrongTypeAtTheTop(String parser) {
        parseFails(parser, "42".getBytes(StandardCharsets.UTF_8));
        parseFails(parser, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("allParsers")
    void htmlErrorPage(String parser) {
        ParseException e = parseFails(parser, ERROR_PAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(e.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("allParsers")
    void hugePayload(String parser) {
        synchronized (BrokenInputTest.class) {
            if (huge == null) {
                huge = new byte[PayloadLimits.MAX_BYTES + 1];
                Arrays.fill(huge, (byte) ' ');
                huge[0] = '{';
            }
        }
        assertThat(parseFails(parser, huge).getMessage()).contains("larger than the");
    }

    @ParameterizedTest
    @MethodSource("parsersWithASample")
    void truncatedHalfway(Case c) {
        byte[] base = c.base();
        ParseException e = parseFails(c.parser(), Arrays.copyOf(base, base.length / 2));
        assertThat(e.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("parsersWithASample")
    void wrongTypeInsideNamesTheFieldPath(Case c) throws Exception {
        if (c.kind() != Kind.JSON || !c.json().isObject() || c.json().isEmpty()) {
            return;
        }
        // The first field of the document becomes a number: the error must say which field.
        ObjectNode tree = (ObjectNode) c.json().deepCopy();
        String field = tree.fieldNames().next();
        tree.put(field, 7);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Parsers.get(c.parser())
                .parse(JSON.writeValueAsBytes(tree), ParseContext.ofFile(c.parser(), c.file())));
        if (t == null) {
            return; // the field was optional (e.g. meta)
        }
        assertThat(t).isInstanceOf(ParseException.class);
        assertThat(((ParseException) t).fieldPath()).as(c + ": " + t.getMessage()).contains(field);
    }

    @ParameterizedTest
    @MethodSource("parsersWithASample")
    void unknownFieldIsAccepted(Case c) throws Exception {
        if (c.kind() != Kind.JSON || !c.json().isObject()) {
            return;
        }
        ObjectNode tree = (ObjectNode) c.json().deepCopy();
        tree.putObject("zz_new_field").putArray("nested").add(1).add("two");
        PayloadParser p = Parsers.get(c.parser());
        int before = p.parse(c.base(), ParseContext.ofFile(c.parser(), c.file())).rowCount();
        int after = p.parse(JSON.writeValueAsBytes(tree), ParseContext.ofFile(c.parser(), c.file())).rowCount();
        assertThat(after).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> Parsers.get("bdl_games").parse("{\"data\": [ {\"id\": 1,, } ]}".getBytes(StandardCharsets.UTF_8),
                ParseContext.ofFile("bdl_games", "x.json")))
                .isInstanceOf(ParseException.class).hasMessageContaining("malformed JSON (line 1, column");
    }

    @org.junit.jupiter.api.Test
    void missingFieldNamesItsPath() {
        String noTeam = "{\"data\": [{\"id\": 1, \"date\": \"2025-01-20\", \"home_team\": {\"id\": 14}}]}";
        assertThatThrownBy(() -> Parsers.get("bdl_games").parse(noTeam.getBytes(StandardCharsets.UTF_8),
                ParseContext.ofFile("bdl_games", "x.json")))
                .isInstanceOf(ParseException.class)
                .hasMessage("bdl_games x.json at data[0].visitor_team: missing object");
    }
}
