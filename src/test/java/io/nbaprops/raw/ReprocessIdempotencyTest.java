package io.nbaprops.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.Parsers;
import io.nbaprops.source.PayloadParser;
import io.nbaprops.source.SampleCases;
import io.nbaprops.source.SampleCases.Case;
import io.nbaprops.store.WarehouseException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real sample, archived and parsed into the raw tables of a real DuckDB file twice: the
 * second run leaves the tables exactly as the first left them. This also proves every parser's
 * rows fit their tables (columns, types, keys). The endpoint definitions of {@link SourceAssets}
 * decide the tables and their partition columns; parsers without a collected endpoint (detail
 * endpoints, historical aliases) upsert every table they produce.
 */
class ReprocessIdempotencyTest {
    @TempDir
    static Path dir;
    private static RawFixture fx;

    @BeforeAll
    static void open() {
        fx = new RawFixture(dir);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static List<Case> cases() {
        return SampleCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parsingTheSamePayloadTwiceChangesNothing(Case c) throws Exception {
        PayloadParser parser = Parsers.get(c.parser());
        SourceAssets.Endpoint endpoint = SourceAssets.endpoints().stream().filter(e -> e.source().equals(c.parser())).findFirst()
                .orElse(null);
        ParsedRows preview;
        try {
            preview = parser.parse(c.bytes(), ParseContext.ofFile(c.parser(), c.file()));
        } catch (ParseException e) {
            // The damaged game book: archived, parsed, refused with the parser's message; nothing written.
            Map<String, String> bookTables = new LinkedHashMap<>();
            bookTables.put("nbac_gamebook_game", null);
            bookTables.put("nbac_gamebook_player", null);
            ParseAsset asset = fx.parseAsset("nba_statsdmz", "gamebook_pdf", parser, bookTables, ParseAsset.Options.defaults());
            LocalDate d = LocalDate.of(2024, 4, 10);
            fx.store("nba_statsdmz", "gamebook_pdf", d, "c1", Instant.parse("2024-04-11T02:00:00Z"), c.bytes());
            assertThat(catchThrowable(() -> fx.run(asset, d))).isInstanceOf(ParseException.class)
                    .hasMessageContaining("no extractable text");
            assertThat(fx.count("nbac_gamebook_game")).isZero();
            return;
        }
        Map<String, String> tables = new LinkedHashMap<>();
        if (endpoint != null) {
            tables.putAll(endpoint.tables());
        }
        preview.tables().keySet().forEach(t -> tables.putIfAbsent(t, null));
        assertThat(tables.keySet()).as("tables declared for " + c.parser()).containsAll(preview.tables().keySet());
        LocalDate partition = partition(preview, tables);
        String source = endpoint != null ? endpoint.httpSource() : "samples";
        String ep = (endpoint != null ? endpoint.endpoint() : "") + "_" + c.parser() + "_" + c.file();
        ParseAsset asset = fx.parseAsset(source, ep, parser, tables,
                endpoint != null ? endpoint.options().critical(null, false) : ParseAsset.Options.defaults());
        fx.store(source, ep, partition, "c1", Instant.parse("2025-01-15T20:00:00Z"), c.bytes());
        if (c.file().equals("br_roster_suffix.html")) {
            // An illustration whose heading names no team: the write refuses the null key and says why.
            assertThat(catchThrowable(() -> fx.run(asset, partition))).isInstanceOf(WarehouseException.class)
                    .hasMessageContaining("key column team is null");
            return;
        }
        fx.run(asset, partition);
        Map<String, List<String>> first = new LinkedHashMap<>();
        for (String t : tables.keySet()) {
            first.put(t, fx.snapshot(t));
        }
        for (String t : preview.tables().keySet()) {
            if (!preview.rows(t).isEmpty()) {
                assertThat(first.get(t)).as(t + " after " + c).isNotEmpty();
            }
        }
        fx.run(asset, partition);
        for (String t : tables.keySet()) {
            assertThat(fx.snapshot(t)).as(t + " after re-processing " + c).isEqualTo(first.get(t));
        }
    }

    /** The date of the rows' partition column when a table is replaced per date; otherwise any date. */
    private static LocalDate partition(ParsedRows rows, Map<String, String> tables) {
        for (var e : tables.entrySet()) {
            if (e.getValue() != null && !rows.rows(e.getKey()).isEmpty()) {
                Object v = rows.rows(e.getKey()).get(0).get(e.getValue());
                if (v instanceof LocalDate d) {
                    return d;
                }
            }
        }
        return LocalDate.of(2025, 1, 15);
    }
}
