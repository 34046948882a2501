package io.nbaprops.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbaprops.app.Platform;
import io.nbaprops.bus.DeadLetters;
import io.nbaprops.config.ConfigException;
import io.nbaprops.config.Secrets;
import io.nbaprops.testing.TestPlatform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Distributed mode is chosen by configuration only, and a combination that cannot work is refused up front. */
class DistributedConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultIsInProcessWithNoDeadLetterQueue() {
        var cfg = TestPlatform.config(TestPlatform.env(dir, null));
        assertThat(cfg.bus().isRabbit()).isFalse();
        assertThat(cfg.bus().maxDeliveries()).isEqualTo(3);
        assertThat(cfg.bus().prefetch()).isEqualTo(4);
        try (Platform p = Platform.open(cfg, new Secrets(Map.of(), null), Clock.systemUTC())) {
            assertThat(p.deadLetters()).isSameAs(DeadLetters.NONE);
        }
    }

    @Test
    void rabbitmqOnADuckDbWarehouseIsRefusedWithTheReason() {
        Map<String, String> env = TestPlatform.env(dir, null);
        env.put("NBAPROPS_BUS_KIND", "rabbitmq");
        env.put("NBAPROPS_BUS_PREFETCH", "16");
        var cfg = TestPlatform.config(env);
        assertThat(cfg.bus().prefetch()).isEqualTo(16);
        assertThatThrownBy(() -> Platform.open(cfg, new Secrets(Map.of(), null), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs the PostgreSQL warehouse");
    }
}
