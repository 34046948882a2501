package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.app.SandboxRun;
import io.nbaprops.testing.SandboxSeason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over the real pipeline: the sandbox league replayed for its first days with the service listening,
 * so the API reads what the real assets wrote (coverage per game, predictions, latency, sources, the metrics of the
 * runs and of the HTTP requests to the sandbox's sources).
 */
class SandboxServiceTest {
    @TempDir
    Path dir;

    @Test
    void apiAndMetricsOverThreeReplayedDays() throws Exception {
        try (SandboxRun run = SandboxSeason.start(dir);
                ServiceServer server = ServiceServer.start(run.platform(), new ServiceServer.Hooks(List.of(), () -> trigger -> null,
                        () -> Map.of()), "127.0.0.1", 0)) {
            List<LocalDate> days = run.gameDates().subList(0, 3);
            SandboxSeason.days(run, days);
            LocalDate last = days.get(2);
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper om = new ObjectMapper();
            String base = "http://127.0.0.1:" + server.port();
            java.util.function.Function<String, JsonNode> get = path -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
                    return om.readTree(r.body());
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            JsonNode today = get.apply("/api/today?date=" + last);
            assertThat(today.get("games").asInt()).isEqualTo(run.league().gamesOn(last).size());
            // The cards count what is stored for the date (and there is something to count).
            Map<String, Object> stored = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) AS n, "
                    + "count(DISTINCT player_lookup) AS players, count(*) FILTER (WHERE recommendation <> 'PASS') AS picks "
                    + "FROM prediction WHERE game_date = ?").bind(0, last).mapToMap().one());
            assertThat(((Number) stored.get("n")).longValue()).isPositive();
            assertThat(today.get("predictions").asLong()).isEqualTo(((Number) stored.get("n")).longValue());
            assertThat(today.get("predicted_players").asLong()).isEqualTo(((Number) stored.get("players")).longValue());
            assertThat(today.get("picks").asLong()).isEqualTo(((Number) stored.get("picks")).longValue());
            // The last export is a file that exists, written for the last replayed date.
            JsonNode export = today.get("last_export");
            assertThat(run.platform().config().exportsDir().resolve(export.get("path").asText())).isRegularFile();
            assertThat(export.get("partition_date").asText()).isEqualTo(last.toString());
            // Every game has lines and box scores; context, features and predictions exist only for players with history
            // (early in the season not every game has them): the coverage shows which, and adds up to the cards.
            List<JsonNode> games = StreamSupport.stream(today.get("game_coverage").spliterator(), false).toList();
            assertThat(games).allSatisfy(g -> {
                assertThat(g.get("lines").asLong()).as(g.toString()).isPositive();
                assertThat(g.get("box_scores").asLong()).as(g.toString()).isPositive();
                assertThat(g.get("features").asLong()).as(g.toString()).isEqualTo(g.get("context").asLong());
                assertThat(g.get("predicted").asLong()).as(g.toString()).isLessThanOrEqualTo(g.get("context").asLong());
            });
            assertThat(games).anySatisfy(g -> assertThat(g.get("predicted").asLong()).isPositive());
            assertThat(games.stream().mapToLong(g -> g.get("predicted").asLong()).sum()).isEqualTo(today.get("predicted_players").asLong());
            JsonNode grid = get.apply("/api/status?to=" + last + "&days=3");
            assertThat(StreamSupport.stream(grid.get("cells").spliterator(), false).map(c -> c.get("state").asText()))
                    .doesNotContain("FAILED", "TIMED_OUT", "ABANDONED");
            JsonNode latency = get.apply("/api/latency?from=" + days.get(0) + "&to=" + last);
            assertThat(latency.get("end_to_end")).hasSize(3);
            assertThat(latency.get("assets")).hasSizeGreaterThan(10);
            JsonNode sources = get.apply("/api/sources");
            assertThat(StreamSupport.stream(sources.get("payloads").spliterator(), false).map(p -> p.get("source").asText()))
                    .contains("balldontlie", "odds_api");
            String system = run.platform().predictions().systems().ids().get(0);
            assertThat(get.apply("/api/predictions?date=" + last + "&system=" + system + "&limit=5")).hasSize(5);

            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("nbaprops_run_duration_seconds_bucket{asset=\"feature_store\"")
                    .contains("nbaprops_source_request_seconds_count{endpoint=").contains("source=\"balldontlie\"")
                    .contains("nbaprops_rows_written_total{asset=\"prediction\"}");
        }
    }
}
