package io.nbaprops.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.archive.PayloadMeta;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.raw.lines.LineHistoryAsset;
import io.nbaprops.raw.lines.PropLines;
import io.nbaprops.source.Parsers;
import io.nbaprops.store.Warehouse;
import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Samples;
import io.nbaprops.testing.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source migrations and write paths on a real PostgreSQL (portable SQL): a fresh schema is
 * migrated, samples of each provider are parsed into it twice with the same result, and the line
 * history and its usable-lines query run. Skipped when no PostgreSQL is reachable (CI requires it).
 */
class PostgresSourcesTest {
    @TempDir
    Path dir;

    private record Sample(String parser, String folder, String file, LocalDate day, Map<String, String> tables) {}

    @Test
    void samplesParseIdenticallyTwiceOnPostgres() throws Exception {
        Samples.dir(); // skips before any set-up when the samples are absent
        try (PgSchema schema = PgSchema.create("sources"); Warehouse w = Warehouse.open(schema.url(), Services.PG_USER, null, 2)) {
            RawArchive archive = new RawArchive(dir.resolve("raw"), w);
            Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            List<Sample> samples = List.of(
                    new Sample("bdl_box_scores", "bdl_box_scores", "raw_7a649e12.json", LocalDate.of(2024, 1, 15),
                            Map.of("bdl_box_score_game", "game_date", "bdl_box_score_player", "game_date")),
                    new Sample("nbac_schedule_cdn", "nbac_schedule_cdn", "raw_68953816.json", LocalDate.of(2025, 10, 2),
                            RawFixture.upsert("nbac_schedule")),
                    new Sample("nbac_injury_report", "nbac_injury_report", "raw_f4391904.pdf", LocalDate.of(2024, 1, 4),
                            RawFixture.upsert("nbac_injury_report", "nbac_injury_report_team")),
                    new Sample("espn_game_boxscore", "espn_game_boxscore", "raw_6f34c64b.html.gz", LocalDate.of(2024, 1, 15),
                            RawFixture.upsert("espn_box_score_player", "espn_box_score_team")),
                    new Sample("bp_events", "bp_events", "raw_75470647.json", LocalDate.of(2021, 10, 21),
                            RawFixture.upsert("bp_event", "bp_event_lineup")),
                    new Sample("bigdataball_pbp", "bigdataball_pbp", "raw_746cfbef.csv", LocalDate.of(2025, 6, 22),
                            RawFixture.upsert("bdb_play_by_play")),
                    new Sample("oddsa_player_props", "_format_examples", "oddsa_player_props_raw.json", LocalDate.of(2025, 1, 20),
                            RawFixture.upsert("oddsa_player_prop", "oddsa_game_line")),
                    new Sample("br_roster", "_format_examples", "br_roster_unicode.html", LocalDate.of(2025, 1, 20),
                            RawFixture.upsert("br_roster")));
            for (Sample s : samples) {
                archive.store(new PayloadMeta("samples", s.parser(), Map.of(), "file://" + s.file(), s.day(),
                        Instant.parse("2025-01-20T18:30:00Z"), 200, null, "c1"), Samples.read(s.folder(), s.file()));
                CollectAsset collect = new CollectAsset("collect_" + s.parser(), "samples", s.parser(), null,
                        (ctx, f, cid) -> List.of(), List.of());
                ParseAsset parse = new ParseAsset("raw_" + s.parser(), collect, Parsers.get(s.parser()), archive, s.tables(),
                        ParseAsset.Options.defaults().identity(s.tables().keySet().toArray(String[]::new)));
                parse.materialize(AssetContext.standalone(parse.name(), s.day(), w, clock));
                List<List<String>> first = s.tables().keySet().stream().map(t -> snapshot(w, t)).toList();
                parse.materialize(AssetContext.standalone(parse.name(), s.day(), w, clock));
                assertThat(s.tables().keySet().stream().map(t -> snapshot(w, t)).toList()).as(s.parser()).isEqualTo(first);
                assertThat(first.get(0)).as(s.parser() + " rows").isNotEmpty();
            }
            LineHistoryAsset lines = LineHistoryAsset.propLines(List.of());
            lines.materialize(AssetContext.standalone("prop_line", LocalDate.of(2025, 1, 20), w, clock));
            assertThat(PropLines.usable(w, LocalDate.of(2025, 1, 20))).hasSize(5);
            assertThat(PropLines.closing(w, LocalDate.of(2025, 1, 20))).hasSize(5);
        }
    }

    private static List<String> snapshot(Warehouse w, String table) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list()).stream()
                .map(r -> new java.util.TreeMap<>(r).toString()).sorted().toList();
    }
}
