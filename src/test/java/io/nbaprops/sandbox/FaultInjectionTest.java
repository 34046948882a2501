package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.sandbox.server.FaultConfig;
import io.nbaprops.sandbox.server.SandboxClock;
import io.nbaprops.sandbox.server.SandboxServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Injected faults: each kind does what it says, at about the configured rate, deterministically. */
class FaultInjectionTest {
    private static SandboxLeague league;
    private static final SandboxClock CLOCK = SandboxClock.fixedAt(Instant.parse("2025-04-20T00:00:00Z"));

    @BeforeAll
    static void league() {
        league = TestLeagues.get(2024);
    }

    private static String url(SandboxServer s, int i) {
        return s.baseUrl() + "/v1/games?dates[]=" + league.game(i).date();
    }

    @Test
    void offByDefault() {
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK, FaultConfig.OFF)) {
            for (int i = 0; i < 50; i++) {
                assertThat(Http.get(url(s, i * 20)).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void tooManyRequestsCarryRetryAfter() {
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK,
                FaultConfig.only(FaultConfig.Kind.TOO_MANY_REQUESTS, 1.0, 1).withRetryAfter(7))) {
            Http.Response r = Http.get(url(s, 0));
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("7");
            assertThat(r.json().get("message").asText()).contains("Too many requests");
        }
    }

    @Test
    void serverErrorsAndTruncatedBodies() {
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK, FaultConfig.only(FaultConfig.Kind.SERVER_ERROR, 1.0, 1))) {
            assertThat(Http.get(url(s, 0)).status()).isEqualTo(500);
        }
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK, FaultConfig.only(FaultConfig.Kind.TRUNCATED, 1.0, 1))) {
            Http.Response r = Http.get(s.baseUrl() + "/v1/box_scores?date=2025-01-15");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().length).isGreaterThan(1000);
            assertThatThrownBy(r::json).hasMessageContaining("not JSON");
        }
    }

    @Test
    void slowResponsesAreDelayedThenNormal() {
        Duration delay = Duration.ofMillis(150);
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK,
                FaultConfig.only(FaultConfig.Kind.SLOW, 1.0, 1).withSlowDelay(delay))) {
            long t0 = System.nanoTime();
            Http.Response r = Http.get(url(s, 0));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(delay);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("data")).isNotEmpty();
        }
    }

    @Test
    void mixedFaultsComeAtTheRateAndRepeatForTheSameSeed() {
        FaultConfig faults = new FaultConfig(0.4, 99, 1, 1, 0, 1, Duration.ZERO, 1);
        List<Integer> first = statuses(faults);
        List<Integer> second = statuses(faults);
        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(c -> c != 200).count();
        assertThat(failed).as("about 40% of 80").isBetween(18L, 46L);
        assertThat(first).contains(429, 500);
        assertThat(statuses(new FaultConfig(0.4, 100, 1, 1, 0, 1, Duration.ZERO, 1))).isNotEqualTo(first);
    }

    @Test
    void aRetriedRequestGetsAFreshDraw() {
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK, FaultConfig.only(FaultConfig.Kind.SERVER_ERROR, 0.5, 3))) {
            String u = url(s, 0);
            int attempts = 0;
            int status;
            do {
                status = Http.get(u).status();
                attempts++;
            } while (status != 200 && attempts < 40);
            assertThat(status).isEqualTo(200);
        }
    }

    /** Status codes of 80 requests (truncated bodies counted as 206 so they show). */
    private static List<Integer> statuses(FaultConfig faults) {
        List<Integer> out = new ArrayList<>();
        try (SandboxServer s = SandboxServer.start(league, 0, CLOCK, faults)) {
            for (int i = 0; i < 80; i++) {
                Http.Response r = Http.get(s.baseUrl() + "/v1/teams/" + (1 + i % 30) + "?per_page=" + (1 + i / 30));
                boolean truncated = r.status() == 200 && !new String(r.body()).trim().endsWith("}");
                out.add(truncated ? 206 : r.status());
            }
        }
        return out;
    }
}
