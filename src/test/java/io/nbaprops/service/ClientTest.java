package io.nbaprops.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a caller is: forwarded addresses only from trusted proxies, the last entry, local callers, IPv6 networks. */
class ClientTest {
    final Client.Resolver r = new Client.Resolver(List.of("127.0.0.1", "::1", "10.0.0.5"));

    @Test
    void aCallerOnThisMachineThatNoProxyForwardedIsLocal() {
        assertThat(r.resolve("127.0.0.1", null, null)).isEqualTo(new Client("127.0.0.1", true));
        assertThat(r.resolve("0:0:0:0:0:0:0:1", null, null).local()).isTrue();
        assertThat(r.resolve("192.0.2.10", null, null)).isEqualTo(new Client("192.0.2.10", false));
    }

    @Test
    void aTrustedProxyNamesTheClientInTheLastForwardedEntryWhateverTheClientClaimedBefore() {
        assertThat(r.resolve("127.0.0.1", "127.0.0.1, 203.0.113.7", null)).isEqualTo(new Client("203.0.113.7", false));
        assertThat(r.resolve("10.0.0.5", "198.51.100.9", null)).isEqualTo(new Client("198.51.100.9", false));
        // A forwarded request is never local, even when it claims to come from loopback.
        assertThat(r.resolve("127.0.0.1", "127.0.0.1", null).local()).isFalse();
        assertThat(r.resolve("127.0.0.1", null, "for=127.0.0.1").local()).isFalse();
    }

    @Test
    void anUntrustedPeerOrAnUnreadableEntryIsIdentifiedByItsOwnAddress() {
        assertThat(r.resolve("192.0.2.10", "203.0.113.7", null)).isEqualTo(new Client("192.0.2.10", false));
        assertThat(r.resolve("127.0.0.1", "unknown", null)).isEqualTo(new Client("127.0.0.1", false));
        assertThat(r.resolve("127.0.0.1", "evil.example.com", null)).isEqualTo(new Client("127.0.0.1", false));
    }

    @Test
    void ipv6ClientsAreThrottledByTheirSlash64AndHostNamesAreNeverLookedUp() {
        assertThat(new Client("2001:db8:1:2:aaaa::1", false).throttleKey()).isEqualTo(new Client("2001:db8:1:2:bbbb::9", false).throttleKey())
                .isEqualTo("20010db800010002::/64");
        assertThat(new Client("203.0.113.7", false).throttleKey()).isEqualTo("203.0.113.7");
        assertThatThrownBy(() -> Client.literal("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Client.literal("cafe")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Client.literal("[::1]").isLoopbackAddress()).isTrue();
    }
}
