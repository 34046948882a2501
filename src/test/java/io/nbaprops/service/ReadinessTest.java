package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Readiness decides on required components only, and a hanging or throwing check is UNKNOWN (never UP) within the deadline. */
class ReadinessTest {
    @Test
    void aHangingRequiredCheckMakesTheServiceUnreadyWithinTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        HealthComponent hangs = HealthComponent.of("scheduler", true, () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthComponent.Status.up("late");
        });
        HealthComponent throwsUp = HealthComponent.of("sources", false, () -> {
            throw new IllegalStateException("relation raw_payload does not exist");
        });
        HealthComponent fine = HealthComponent.of("warehouse", true, () -> HealthComponent.Status.up("answers"));
        try (Readiness r = new Readiness(List.of(fine, hangs, throwsUp), Clock.systemUTC(), 300)) {
            long t0 = System.nanoTime();
            Readiness.Report rep = r.check();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
            assertThat(rep.ready()).isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> c = (Map<String, Map<String, Object>>) rep.body().get("components");
            assertThat(c.get("warehouse").get("state")).isEqualTo("UP");
            assertThat(c.get("scheduler").get("state")).isEqualTo("UNKNOWN");
            assertThat((String) c.get("scheduler").get("detail")).contains("no answer within 300 ms");
            assertThat(c.get("sources").get("state")).isEqualTo("UNKNOWN");
            assertThat((String) c.get("sources").get("detail")).contains("raw_payload does not exist");
        }
    }

    @Test
    void optionalComponentsDownOrDisabledDoNotMakeItUnready() {
        try (Readiness r = new Readiness(List.of(HealthComponent.of("warehouse", true, () -> HealthComponent.Status.up("ok")),
                HealthComponent.of("bus", true, () -> HealthComponent.Status.disabled("in-process")),
                HealthComponent.of("sources", false, () -> HealthComponent.Status.down("nba.com refuses"))), Clock.systemUTC(), 1000)) {
            assertThat(r.check().ready()).isTrue();
        }
    }
}
