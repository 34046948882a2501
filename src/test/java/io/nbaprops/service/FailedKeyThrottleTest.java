package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The failed-key throttle on a hand-driven clock: the block, its end, other clients, and a full table failing closed. */
class FailedKeyThrottleTest {
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final FailedKeyThrottle t = new FailedKeyThrottle(3, Duration.ofSeconds(60), now::get);

    void advance(long seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void theLimitThFailureStartsABlockForOneWindowThenTheClientStartsAfresh() {
        assertThat(t.fail("a").blockStarted()).isFalse();
        assertThat(t.fail("a").blockStarted()).isFalse();
        assertThat(t.blockedForSeconds("a")).isZero();
        assertThat(t.fail("a").blockStarted()).isTrue();
        assertThat(t.blockedForSeconds("a")).isEqualTo(60);
        assertThat(t.blockedForSeconds("b")).isZero();
        advance(59);
        assertThat(t.blockedForSeconds("a")).isEqualTo(1);
        assertThat(t.fail("a").blockStarted()).as("failures during a block do not start another").isFalse();
        advance(1);
        assertThat(t.blockedForSeconds("a")).isZero();
        assertThat(t.fail("a").blockStarted()).as("a new window: one failure, no block").isFalse();
        assertThat(t.blockedForSeconds("a")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanAWindowNeverBlock() {
        for (int i = 0; i < 10; i++) {
            assertThat(t.fail("slow").blockStarted()).isFalse();
            assertThat(t.fail("slow").blockStarted()).isFalse();
            advance(61);
        }
        assertThat(t.blockedForSeconds("slow")).isZero();
    }

    @Test
    void aFullTableFailsClosedForNewClientsAndMakesRoomOnceWindowsEnd() {
        for (int i = 0; i < FailedKeyThrottle.MAX_CLIENTS; i++) {
            t.fail("c" + i);
        }
        assertThat(t.tracked()).isEqualTo(FailedKeyThrottle.MAX_CLIENTS);
        assertThat(t.fail("newcomer").untracked()).isTrue();
        assertThat(t.fail("c1").untracked()).as("a tracked client is still counted").isFalse();
        advance(61);
        assertThat(t.fail("newcomer").untracked()).isFalse();
        assertThat(t.tracked()).isLessThan(10);
    }
}
