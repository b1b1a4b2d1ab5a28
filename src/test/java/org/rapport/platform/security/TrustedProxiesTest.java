package org.rapport.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, 2001:db8::/32");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.NONE.clientOf("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aForgedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(proxies.clientOf("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItAppended() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("192.168.1.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void whatTheClientWroteBeforeTheProxyDoesNotCount() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw
        assertThat(proxies.clientOf("10.1.2.3", List.of("1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("10.1.2.3", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedToTheFirstOutsider() {
        assertThat(proxies.clientOf("10.0.0.1", List.of("1.2.3.4, 203.0.113.9, 10.0.0.2, 192.168.1.5"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertThat(proxies.clientOf("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
    }

    @Test
    void rangesMatchBitByBit() {
        TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12");
        assertThat(narrow.isTrusted("172.31.255.255")).isTrue();
        assertThat(narrow.isTrusted("172.32.0.0")).isFalse();
        assertThat(proxies.isTrusted("2001:db8:1::7")).isTrue();
        assertThat(proxies.isTrusted("2001:db9::7")).isFalse();
        assertThat(proxies.isTrusted("::ffff:10.9.9.9")).isTrue();
    }

    @Test
    void headerTextThatIsNoAddressIsNeverTrustedNorLookedUp() {
        assertThat(proxies.isTrusted("localhost")).isFalse();
        assertThat(proxies.isTrusted("10.0.0.1.example.com")).isFalse();
        assertThat(TrustedProxies.literal("deadbeef.example.com")).isEmpty();
        assertThat(TrustedProxies.literal("1:2:3")).isEmpty();
        assertThat(proxies.clientOf("10.0.0.1", List.of("unknown"))).isEqualTo("unknown");
    }

    @Test
    void aWrongSettingIsRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example.com");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
    }
}
