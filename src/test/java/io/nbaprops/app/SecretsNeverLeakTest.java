package io.nbaprops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig;
import io.nbaprops.config.Secrets;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.raw.CollectAsset;
import io.nbaprops.source.FetchRequest;
import io.nbaprops.testing.LocalHttpServer;
import io.nbaprops.testing.LocalHttpServer.Response;
import io.nbaprops.testing.LogCapture;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys must never reach logs, archive metadata, run history or engine events, on success or failure. */
class SecretsNeverLeakTest {
    static final String ODDS_KEY = "test-odds-key-456";
    static final String BDL_KEY = "test-bdl-key-123";
    static final LocalDate D = LocalDate.of(2025, 1, 15);

    @Test
    void keysAreMaskedEverywhere(@TempDir Path dir) throws Exception {
        try (LocalHttpServer server = new LocalHttpServer(); LogCapture logs = new LogCapture()) {
            server.route("/v4/sports/basketball_nba/events", req -> req.query().contains("apiKey=" + ODDS_KEY)
                    ? Response.status(500, "{\"message\":\"internal error for key " + ODDS_KEY + "\"}")
                    : Response.status(401, "{}"));
            server.route("/v1/games", req -> BDL_KEY.equals(req.header("Authorization"))
                    ? Response.json("{\"data\":[],\"meta\":{\"per_page\":100}}") : Response.status(401, "{}"));
            Map<String, String> env = TestPlatform.env(dir, server.baseUrl());
            env.put("NBAPROPS_SOURCES_ODDS_API_MAX_RETRIES", "1");
            AppConfig cfg = TestPlatform.config(env);
            try (Platform p = Platform.open(cfg, new Secrets(env, null), Clock.systemUTC(), pl -> List.<Asset>of(
                    new CollectAsset("collect_odds_events", "odds_api", "events", pl.fetcher(), (ctx, f, c) -> List.of(f.get(
                            FetchRequest.builder("odds_api", "events", "/v4/sports/basketball_nba/events")
                                    .param("dateFormat", "iso").partition(ctx.partition()).collection(c).build())), List.of()),
                    new CollectAsset("collect_bdl_games", "balldontlie", "games", pl.fetcher(),
                            io.nbaprops.source.bdl.BdlCollectors.games(), List.of())))) {
                assertThat(p.engine().run("collect_odds_events", D, "test").status()).isEqualTo(RunStatus.FAILED);
                assertThat(p.engine().run("collect_bdl_games", D, "test").status()).isEqualTo(RunStatus.SUCCESS);
                String stored = p.warehouse().jdbi().withHandle(h -> String.join("\n",
                        h.createQuery("SELECT url || ' ' || params FROM raw_payload").mapTo(String.class).list())
                        + String.join("\n", h.createQuery("SELECT coalesce(message, '') || ' ' || coalesce(error, '') FROM run_history")
                                .mapTo(String.class).list())
                        + String.join("\n", h.createQuery("SELECT message FROM engine_event").mapTo(String.class).list()));
                assertThat(stored).contains("apiKey=****").contains("/v4/sports/basketball_nba/events")
                        .doesNotContain(ODDS_KEY).doesNotContain(BDL_KEY);
                String sidecars;
                try (Stream<Path> files = Files.walk(dir.resolve("raw"))) {
                    sidecars = String.join("\n", files.filter(f -> f.toString().endsWith(".meta.json")).map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList());
                }
                assertThat(sidecars).contains("\"source\" : \"odds_api\"").doesNotContain(ODDS_KEY).doesNotContain(BDL_KEY);
            }
            // The server really received the keys, so the masking is not vacuous.
            assertThat(server.requests()).anyMatch(r -> r.query().contains("apiKey=" + ODDS_KEY));
            assertThat(logs.text()).contains("odds_api").contains("****").doesNotContain(ODDS_KEY).doesNotContain(BDL_KEY);
        }
    }
}
