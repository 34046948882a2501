package io.nbaprops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.engine.RunSummary;
import io.nbaprops.testing.LocalHttpServer;
import io.nbaprops.testing.LocalHttpServer.Response;
import io.nbaprops.testing.Samples;
import io.nbaprops.testing.TestPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.nbaprops.testing.NeedsSamples;

/**
 * The walking skeleton on real balldontlie payloads served over loopback HTTP: schedule and box
 * scores fetched, archived, parsed, summarised, predicted; and what malformed payloads do.
 */
@NeedsSamples
class SkeletonPipelineTest {
    static final LocalDate BOX_DAY = LocalDate.of(2024, 1, 15);
    static final LocalDate GAMES_DAY = LocalDate.of(2025, 2, 20);
    static final LocalDate BROKEN_DAY = LocalDate.of(2024, 1, 16);

    @TempDir
    Path dir;
    LocalHttpServer server;
    Platform platform;
    final AtomicReference<byte[]> brokenBody = new AtomicReference<>();
    byte[] boxScores;
    byte[] emptyBoxScores;
    byte[] games;

    @BeforeEach
    void start() {
        boxScores = Samples.read("bdl_box_scores", "raw_7a649e12.json");
        emptyBoxScores = Samples.read("bdl_box_scores", "raw_d62cc934.json");
        games = Samples.read("bdl_games", "raw_278cb9ed.json");
        server = new LocalHttpServer();
        server.route("/v1/box_scores", req -> {
            if (!"test-bdl-key-123".equals(req.header("Authorization"))) {
                return Response.status(401, "{\"error\":\"Unauthorized\"}");
            }
            if (req.query().contains("date=" + BOX_DAY)) {
                return Response.json(boxScores);
            }
            if (req.query().contains("date=" + BROKEN_DAY) && brokenBody.get() != null) {
                return new Response(200, Map.of("Content-Type", "application/json"), brokenBody.get());
            }
            return Response.json(emptyBoxScores);
        });
        server.route("/v1/games", req -> req.query().contains(GAMES_DAY.toString()) ? Response.json(games)
                : Response.json("{\"data\":[],\"meta\":{\"per_page\":100}}"));
        Map<String, String> env = TestPlatform.env(dir, server.baseUrl());
        env.put("NBAPROPS_PIPELINE_SOURCES", "[bdl_games, bdl_box_scores]");
        AppConfig cfg = TestPlatform.config(env);
        platform = Platform.open(cfg, new Secrets(env, null), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private <T> List<T> list(String sql, Class<T> type, Object... args) {
        return platform.warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(type).list();
        });
    }

    private Map<String, Object> row(String sql, Object... args) {
        return platform.warehouse().jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapToMap().one();
        });
    }

    @Test
    void realBoxScoresFlowFromHttpToPlayerGameSummary() {
        RunSummary s = platform.engine().runPartition(BOX_DAY, List.of(), "test");
        assertThat(s.problems()).isEmpty();
        Map<String, Object> embiid = row("SELECT * FROM player_game_summary WHERE player_lookup = 'joelembiid'");
        assertThat(embiid).containsEntry("game_key", "20240115_HOU_PHI").containsEntry("team", "PHI")
                .containsEntry("opponent", "HOU").containsEntry("pts", 41).containsEntry("minutes", 31.0)
                .containsEntry("fgm", 12).containsEntry("ftm", 16).containsEntry("played", true);
        assertThat(list("SELECT count(*) FROM game WHERE game_date = ?", Long.class, BOX_DAY)).containsExactly(11L);
        assertThat(row("SELECT home_score, away_score, status FROM game WHERE game_key = '20240115_HOU_PHI'"))
                .containsEntry("home_score", 124).containsEntry("away_score", 115).containsEntry("status", "final");
        // Team points equal the sum of its players' points in the real payload.
        assertThat(list("SELECT sum(pts) FROM player_game_summary WHERE game_key = '20240115_HOU_PHI' AND team = 'PHI'",
                Long.class)).containsExactly(124L);
        // The payload went through the archive with its metadata, and the key was sent as a header.
        assertThat(row("SELECT source, endpoint, http_status, params FROM raw_payload WHERE endpoint = 'box_scores'"))
                .containsEntry("source", "balldontlie").containsEntry("http_status", 200)
                .containsEntry("params", "{\"date\":\"2024-01-15\"}");
        assertThat(server.requests()).anyMatch(r -> "test-bdl-key-123".equals(r.header("Authorization")));
    }

    @Test
    void predictionsUseOnlyEarlierGamesAndGradingWaitsForCompleteBoxScores() {
        platform.engine().runPartition(BOX_DAY, List.of(), "test");
        RunSummary s = platform.engine().runPartition(GAMES_DAY, List.of(), "test");
        Map<String, RunStatus> status = new java.util.HashMap<>();
        s.outcomes().forEach(o -> status.put(o.asset(), o.status()));
        assertThat(status).containsEntry("schedule", RunStatus.SUCCESS).containsEntry("prediction", RunStatus.SUCCESS)
                .containsEntry("player_game_summary", RunStatus.WAITING).containsEntry("prediction_grade", RunStatus.WAITING);
        // Embiid's only earlier game is his 41 points on 2024-01-15; PHI hosts BOS on 2025-02-20.
        assertThat(row("SELECT game_key, opponent, predicted, line_key, recommendation FROM prediction WHERE player_lookup = 'joelembiid' "
                + "AND system_id = 'moving_average' AND market = 'points'"))
                .containsEntry("game_key", "20250220_BOS_PHI").containsEntry("opponent", "BOS").containsEntry("predicted", 41.0)
                .containsEntry("line_key", "no-line").containsEntry("recommendation", "PASS");
        assertThat(status).containsEntry("upcoming_player_game_context", RunStatus.SUCCESS)
                .containsEntry("player_daily_cache", RunStatus.SUCCESS).containsEntry("feature_store", RunStatus.SUCCESS);
        // Features for 2025-02-20 from the one earlier game day: Embiid's 41 points in 31 minutes, 16 of 17 FT.
        Map<String, Object> fv = row("SELECT * FROM feature_store WHERE player_lookup = 'joelembiid'");
        assertThat(fv).containsEntry("game_key", "20250220_BOS_PHI").containsEntry("feature_version", "fv4")
                .containsEntry("pts_avg_l5", 41.0).containsEntry("pts_avg_l10", 41.0).containsEntry("min_avg_l10", 31.0)
                .containsEntry("days_rest", 10.0).containsEntry("back_to_back", 0.0).containsEntry("is_home", 1.0)
                .containsEntry("history_games", 0).containsEntry("has_line", 0.0);
        assertThat((Double) fv.get("ft_rate_l10")).isCloseTo(17.0 / 21.0, org.assertj.core.data.Offset.offset(5e-7));
        assertThat((Double) fv.get("ts_pct_l10")).isCloseTo(41.0 / (2 * (21 + 0.44 * 17)), org.assertj.core.data.Offset.offset(5e-7));
        // PHI's previous game (2024-01-15) was at home: no travel to its home game.
        assertThat(fv.get("travel_km")).isEqualTo(0.0);
        RunOutcome summary = s.outcomes().stream().filter(o -> o.asset().equals("player_game_summary")).findFirst().orElseThrow();
        // An empty box-score day when the schedule has 9 finished games is a failure of the source, not "no games".
        assertThat(summary.message()).startsWith("waiting for raw_bdl_box_scores [2025-02-20] is FAILED")
                .contains("zero bdl_box_score_player rows for 2025-02-20").contains("9 started game(s)");
        RunOutcome grade = s.outcomes().stream().filter(o -> o.asset().equals("prediction_grade")).findFirst().orElseThrow();
        assertThat(grade.message()).startsWith("waiting for player_game_summary [2025-02-20] is WAITING");
    }

    @Test
    void malformedPayloadsAreArchivedFailTheRunWithWhereAndWhatAndLoseNothing() {
        platform.engine().runPartition(BOX_DAY, List.of("collect_bdl_box_scores", "raw_bdl_box_scores"), "test");
        long before = list("SELECT count(*) FROM bdl_box_score_player", Long.class).get(0);
        assertThat(before).isGreaterThan(300);
        String sample = new String(boxScores, StandardCharsets.UTF_8);
        Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put(sample.substring(0, 5000), "malformed JSON");
        assertThat(sample).contains("\"pts\":5,", "\"home_team\":{");
        broken.put(sample.replaceFirst("\"pts\":5,", "\"pts\":\"five\","), "data[0].home_team.players[0].pts: expected a whole number but found \"five\"");
        broken.put("", "empty body");
        broken.put("<html><body><h1>502 Bad Gateway</h1></body></html>", "expected JSON but got an HTML page");
        broken.put("{\"data\": null}", "at data: missing array");
        broken.put(sample.replaceFirst("\"home_team\":\\{", "\"home_team\":[],\"x\":{"), "data[0].home_team: expected an object");
        broken.put(sample, "rows dated 2024-01-15, not the requested 2024-01-16");
        int payloadsBefore = list("SELECT count(*) FROM raw_payload", Long.class).get(0).intValue();
        int i = 0;
        for (var e : broken.entrySet()) {
            brokenBody.set(e.getKey().getBytes(StandardCharsets.UTF_8));
            RunSummary s = platform.engine().runPartition(BROKEN_DAY, List.of("collect_bdl_box_scores", "raw_bdl_box_scores"), "test");
            // An HTML page is caught by the fetcher (collect fails); anything else by the parser (raw fails).
            RunOutcome failed = s.outcomes().stream().filter(o -> o.status() == RunStatus.FAILED).findFirst().orElseThrow();
            assertThat(failed.message()).as(e.getValue()).contains(e.getValue());
            assertThat(failed.message()).as(e.getValue()).containsAnyOf("bdl_box_scores box_scores payload ", "balldontlie http://");
            i++;
            assertThat(list("SELECT count(*) FROM raw_payload", Long.class).get(0)).isEqualTo(payloadsBefore + i);
            assertThat(list("SELECT count(*) FROM bdl_box_score_player", Long.class).get(0)).isEqualTo(before);
        }
        // The same broken payload for a date that was already loaded keeps what was stored.
        brokenBody.set("{\"data\": [{\"date\": 7}]}".getBytes(StandardCharsets.UTF_8));
        server.route("/v1/box_scores", req -> new Response(200, Map.of("Content-Type", "application/json"), brokenBody.get()));
        RunSummary again = platform.engine().runPartition(BOX_DAY, List.of("collect_bdl_box_scores", "raw_bdl_box_scores"), "test");
        assertThat(again.outcomes().get(1).status()).isEqualTo(RunStatus.FAILED);
        assertThat(list("SELECT count(*) FROM bdl_box_score_player WHERE game_date = ?", Long.class, BOX_DAY)).containsExactly(before);
    }

    @Test
    void aRefusedKeyFailsCollectionWithTheSourceAndAMaskedUrl() {
        server.route("/v1/box_scores", req -> Response.status(401, "{\"error\":\"Unauthorized\"}"));
        RunOutcome o = platform.engine().run("collect_bdl_box_scores", BOX_DAY, "test");
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.message()).startsWith("balldontlie http://127.0.0.1:").contains("/v1/box_scores?date=2024-01-15 (HTTP 401)")
                .contains("request refused");
    }
}
