package io.nbaprops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.testing.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nbaprops parse SOURCE FILE} and {@code parse --list}. */
class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ParseCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listNamesEverySampleFolder() throws IOException {
        Run r = run("--list");
        assertThat(r.code()).isZero();
        List<String> names = r.out().lines().toList();
        try (Stream<Path> folders = Files.list(Samples.dir())) {
            for (Path f : folders.filter(Files::isDirectory).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("_format_examples")) {
                    assertThat(names).as("parse --list").contains(name);
                }
            }
        }
        assertThat(names).contains("oddsa_player_props", "br_roster", "bp_player_props");
    }

    @Test
    void parsesAGzippedSampleIntoJsonLinesWithATableField() throws IOException {
        Path file = Samples.dir().resolve("nbac_play_by_play").resolve("raw_14ecf360.json.gz");
        Run r = run("nbac_play_by_play", file.toString());
        assertThat(r.code()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            rows.add(JSON.readTree(line));
        }
        assertThat(rows).hasSize(571).allMatch(n -> n.get("table").asText().equals("nbac_play_by_play"));
        JsonNode end = rows.stream().filter(n -> n.get("action_type").asText().equals("game")).findFirst().orElseThrow();
        assertThat(end.get("score_home").asInt()).isEqualTo(108);
        assertThat(end.get("time_actual").asText()).isEqualTo("2025-01-07T03:28:06.700Z");
    }

    @Test
    void formatExamplesParseWithTheirParser() {
        Path file = Samples.dir().resolve("_format_examples").resolve("oddsa_player_props_raw.json");
        Run r = run("oddsa_player_props", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"table\":\"oddsa_player_prop\"").contains("\"player_lookup\":\"lebronjames\"")
                .contains("\"over_american\":-115");
        Run br = run("br_roster", Samples.dir().resolve("_format_examples").resolve("br_roster_suffix.html").toString());
        assertThat(br.code()).isZero();
        assertThat(br.err()).contains("skipped: heading");
    }

    @Test
    void aParseErrorPrintsTheMessageAndExitsWith2(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("box.json");
        Files.writeString(bad, "{\"data\": [{\"date\": \"2024-01-15\", \"home_team\": 7}]}");
        Run r = run("bdl_box_scores", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("bdl_box_scores box.json at data[0].home_team: expected an object but found NUMBER");
        assertThat(r.out()).isEmpty();
        Run damaged = run("nbac_gamebook_pdf", Samples.dir().resolve("nbac_gamebook_pdf").resolve("raw_0173bcd1.pdf").toString());
        assertThat(damaged.code()).isEqualTo(2);
        assertThat(damaged.err()).contains("no extractable text");
    }

    @Test
    void unknownSourceAndMissingFile(@TempDir Path tmp) {
        Run r = run("no_such_source", tmp.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown source 'no_such_source'");
        Run missing = run("bdl_games", tmp.resolve("missing.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read");
    }
}
