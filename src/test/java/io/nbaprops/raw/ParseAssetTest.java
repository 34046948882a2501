package io.nbaprops.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nbaprops.engine.RetryableError;
import io.nbaprops.engine.RetryableException;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.Parsers;
import io.nbaprops.source.bdl.BdlBoxScoresParser;
import io.nbaprops.source.nbac.NbacGamebookParser;
import io.nbaprops.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse step's promises: zero rows on a game day is a retryable failure, bad payloads never cost stored rows. */
class ParseAssetTest {
    private static final LocalDate JAN15_2024 = LocalDate.of(2024, 1, 15);
    private static final LocalDate JAN15_2025 = LocalDate.of(2025, 1, 15);

    @TempDir
    Path dir;
    private RawFixture fx;

    @BeforeEach
    void open() {
        fx = new RawFixture(dir);
        fx.clock = Clock.fixed(Instant.parse("2025-01-17T12:00:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ParseAsset boxScores() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("bdl_box_score_game", "game_date");
        t.put("bdl_box_score_player", "game_date");
        return fx.parseAsset("balldontlie", "box_scores", new BdlBoxScoresParser(), t,
                ParseAsset.Options.defaults().critical("bdl_box_score_player", true));
    }

    /** Loads the NBA.com season schedule (it knows the 11 games of 2025-01-15). */
    private void loadSchedule() throws Exception {
        fx.store("nba_stats", "schedule_api", JAN15_2025, "s1", Instant.parse("2025-01-15T10:00:00Z"),
                Samples.read("nbac_schedule_api", "raw_80cb1fd6.json.gz"));
        fx.run(fx.parseAsset("nba_stats", "schedule_api", Parsers.get("nbac_schedule_api"), RawFixture.upsert("nbac_schedule"),
                ParseAsset.Options.defaults()), JAN15_2025);
    }

    @Test
    void zeroRowsOnADayWithGamesIsARetryableFailure() throws Exception {
        loadSchedule();
        assertThat(GameDays.games(fx.warehouse, JAN15_2025, null)).isEqualTo(11);
        fx.store("balldontlie", "box_scores", JAN15_2025, "c1", Instant.parse("2025-01-16T09:00:00Z"),
                Samples.read("bdl_box_scores", "raw_d62cc934.json"));
        Throwable t = catchThrowable(() -> fx.run(boxScores(), JAN15_2025));
        assertThat(t).isInstanceOf(RetryableException.class).hasMessageContaining("zero bdl_box_score_player rows for 2025-01-15")
                .hasMessageContaining("11 started game(s)").hasMessageContaining("200 OK, zero rows");
        assertThat(((RetryableError) t).isRetryable()).isTrue();
    }

    @Test
    void zeroRowsOnADayWithoutGamesIsFine() throws Exception {
        fx.store("balldontlie", "box_scores", JAN15_2025, "c1", Instant.parse("2025-01-16T09:00:00Z"),
                Samples.read("bdl_box_scores", "raw_d62cc934.json"));
        assertThat(fx.run(boxScores(), JAN15_2025).rowsWritten()).isZero();
    }

    @Test
    void gamesNotStartedYetAreNotExpectedInBoxScores() throws Exception {
        loadSchedule();
        fx.clock = Clock.fixed(Instant.parse("2025-01-15T17:00:00Z"), ZoneOffset.UTC);
        fx.store("balldontlie", "box_scores", JAN15_2025, "c1", Instant.parse("2025-01-15T17:00:00Z"),
                Samples.read("bdl_box_scores", "raw_d62cc934.json"));
        assertThat(fx.run(boxScores(), JAN15_2025).rowsWritten()).isZero();
    }

    @Test
    void aBadPayloadIsSkippedAndNothingStoredIsLost() throws Exception {
        ParseAsset asset = boxScores();
        fx.store("balldontlie", "box_scores", JAN15_2024, "c1", Instant.parse("2024-01-16T09:00:00Z"),
                Samples.read("bdl_box_scores", "raw_7a649e12.json"));
        fx.run(asset, JAN15_2024);
        List<String> before = fx.snapshotWithout("bdl_box_score_player", "payload_id");
        assertThat(before).hasSize(384);
        // The next collection has the same good page and a broken one.
        fx.store("balldontlie", "box_scores", JAN15_2024, "c2", Instant.parse("2024-01-16T10:00:00Z"),
                Samples.read("bdl_box_scores", "raw_7a649e12.json"));
        fx.store("balldontlie", "box_scores", JAN15_2024, "c2", Instant.parse("2024-01-16T10:00:01Z"),
                "{\"data\": [{\"date\": \"2024-01-15\", \"home_team\": null}]}".getBytes(StandardCharsets.UTF_8));
        var result = fx.run(asset, JAN15_2024);
        assertThat(result.message()).contains("skipped 1").contains("data[0].home_team: missing object");
        // Same rows (now credited to the newer payload): the broken page deleted nothing.
        assertThat(fx.snapshotWithout("bdl_box_score_player", "payload_id")).isEqualTo(before);
    }

    @Test
    void whenEveryPayloadIsBadTheRunFailsAndTheTablesStayAsTheyWere() throws Exception {
        ParseAsset asset = boxScores();
        fx.store("balldontlie", "box_scores", JAN15_2024, "c1", Instant.parse("2024-01-16T09:00:00Z"),
                Samples.read("bdl_box_scores", "raw_7a649e12.json"));
        fx.run(asset, JAN15_2024);
        List<String> before = fx.snapshot("bdl_box_score_game");
        fx.store("balldontlie", "box_scores", JAN15_2024, "c2", Instant.parse("2024-01-16T10:00:00Z"),
                "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowable(() -> fx.run(asset, JAN15_2024))).isInstanceOf(ParseException.class)
                .hasMessageContaining("bdl_box_scores").hasMessageContaining("expected JSON but got HTML");
        assertThat(fx.snapshot("bdl_box_score_game")).isEqualTo(before);
    }

    @Test
    void aPayloadForAnotherDateIsRefused() throws Exception {
        fx.store("balldontlie", "box_scores", JAN15_2025, "c1", Instant.parse("2025-01-16T09:00:00Z"),
                Samples.read("bdl_box_scores", "raw_7a649e12.json"));
        assertThat(catchThrowable(() -> fx.run(boxScores(), JAN15_2025))).isInstanceOf(ParseException.class)
                .hasMessageContaining("rows dated 2024-01-15, not the requested 2025-01-15");
    }

    @Test
    void anIncompleteGameBookIsRetried() throws Exception {
        byte[] book = io.nbaprops.source.nbac.NbacGamebookParserTestSupport.bookWithoutActivePlayers();
        LocalDate d = LocalDate.of(2024, 4, 10);
        fx.store("nba_statsdmz", "gamebook_pdf", d, "c1", Instant.parse("2024-04-11T02:00:00Z"), book);
        Map<String, String> t = new LinkedHashMap<>();
        t.put("nbac_gamebook_game", null);
        t.put("nbac_gamebook_player", null);
        Throwable e = catchThrowable(() -> fx.run(fx.parseAsset("nba_statsdmz", "gamebook_pdf", new NbacGamebookParser(), t,
                ParseAsset.Options.defaults()), d));
        assertThat(e).isInstanceOf(io.nbaprops.source.IncompletePayloadException.class);
        assertThat(((RetryableError) e).isRetryable()).isTrue();
    }

    @Test
    void unknownNamesAreRecordedOnceAndKnownOnesAreNot() throws Exception {
        // The registry: NBA.com's 2025-26 player list.
        fx.store("nba_stats", "player_index", JAN15_2025, "p1", Instant.parse("2025-01-15T10:00:00Z"),
                Samples.read("nbac_player_list", "raw_7af00b51.json"));
        fx.run(fx.parseAsset("nba_stats", "player_index", Parsers.get("nbac_player_list"), RawFixture.upsert("nbac_player"),
                ParseAsset.Options.defaults()), JAN15_2025);
        Map<String, String> t = new LinkedHashMap<>();
        t.put("nbac_injury_report", null);
        t.put("nbac_injury_report_team", null);
        ParseAsset report = fx.parseAsset("nba_static", "injury_report", Parsers.get("nbac_injury_report"), t,
                ParseAsset.Options.defaults().identity("nbac_injury_report"));
        fx.store("nba_static", "injury_report", LocalDate.of(2024, 1, 4), "r1", Instant.parse("2024-01-04T17:35:00Z"),
                Samples.read("nbac_injury_report", "raw_f4391904.pdf"));
        var result = fx.run(report, LocalDate.of(2024, 1, 4));
        assertThat(result.message()).contains("names match no known player");
        List<String> unmatched = fx.warehouse.jdbi().withHandle(h -> h.createQuery(
                "SELECT player_lookup FROM unmatched_player WHERE source = 'nbac_injury_report'").mapTo(String.class).list());
        // Draymond Green and Gary Payton II are in the 2025-26 player index; Mamadi Diakite and Reggie Jackson are not.
        assertThat(unmatched).containsExactlyInAnyOrder("mamadidiakite", "reggiejackson");
        List<String> before = fx.snapshot("unmatched_player");
        fx.clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
        fx.run(report, LocalDate.of(2024, 1, 4));
        assertThat(fx.snapshot("unmatched_player")).as("first_seen kept, nothing duplicated").isEqualTo(before);
    }

    /** A parser that counts the payloads it is given. */
    private static final class Counting implements io.nbaprops.source.PayloadParser {
        final io.nbaprops.source.PayloadParser inner = new BdlBoxScoresParser();
        int calls;

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public io.nbaprops.source.ParsedRows parse(byte[] payload, io.nbaprops.source.ParseContext ctx) {
            calls++;
            return inner.parse(payload, ctx);
        }
    }

    /** The collections of one date as they arrive: c1, then c2 (a broken page and the good page again), then c3. */
    private static final List<List<Object[]>> ARRIVALS = List.of(
            List.<Object[]>of(new Object[] {"c1", "2024-01-16T09:00:00Z", true}),
            List.<Object[]>of(new Object[] {"c2", "2024-01-16T10:00:00Z", false}, new Object[] {"c2", "2024-01-16T10:00:01Z", true}),
            List.<Object[]>of(new Object[] {"c3", "2024-01-16T11:00:00Z", true}));

    private static void arrive(RawFixture f, List<Object[]> payloads) throws Exception {
        for (Object[] p : payloads) {
            f.store("balldontlie", "box_scores", JAN15_2024, (String) p[0], Instant.parse((String) p[1]), (Boolean) p[2]
                    ? Samples.read("bdl_box_scores", "raw_7a649e12.json")
                    : "{\"data\": [{\"date\": \"2024-01-15\", \"home_team\": null}]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void historyParsesEachPayloadOnceAndStoresWhatOneFullParseStores() throws Exception {
        for (Map<String, String> tables : List.of(Map.of("bdl_box_score_game", "game_date", "bdl_box_score_player", "game_date"),
                RawFixture.upsert("bdl_box_score_game", "bdl_box_score_player"))) {
            Path incremental = java.nio.file.Files.createTempDirectory(dir, "incremental");
            Path once = java.nio.file.Files.createTempDirectory(dir, "once");
            try (RawFixture a = new RawFixture(incremental); RawFixture b = new RawFixture(once)) {
                Counting counting = new Counting();
                ParseAsset asset = a.parseAsset("balldontlie", "box_scores", counting, tables, ParseAsset.Options.defaults().history());
                List<Integer> calls = new java.util.ArrayList<>();
                io.nbaprops.engine.AssetResult last = null;
                for (List<Object[]> arrival : ARRIVALS) {
                    arrive(a, arrival);
                    int before = counting.calls;
                    last = a.run(asset, JAN15_2024);
                    calls.add(counting.calls - before);
                }
                // Each good payload once; the broken one (never kept) on every run after it came.
                assertThat(calls).as("payloads parsed per run").containsExactly(1, 2, 2);
                for (List<Object[]> arrival : ARRIVALS) {
                    arrive(b, arrival);
                }
                var full = b.run(b.parseAsset("balldontlie", "box_scores", new BdlBoxScoresParser(), tables,
                        ParseAsset.Options.defaults().history()), JAN15_2024);
                assertThat(last.message()).contains("4 payload(s) parsed").contains("skipped 1").isEqualTo(full.message());
                assertThat(last.rowsWritten()).isEqualTo(full.rowsWritten()).isPositive();
                for (String table : tables.keySet()) {
                    assertThat(a.snapshot(table)).as(table).hasSizeGreaterThan(10).isEqualTo(b.snapshot(table));
                }
            }
        }
    }
}
