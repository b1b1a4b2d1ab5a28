package org.rapport.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void hstsOnlyWhenTheRequestCameOverTlsOrThePublicAddressIsHttps() {
        assertThat(SecurityHeaders.overHttps(true, "http://localhost:8080")).isTrue();
        assertThat(SecurityHeaders.overHttps(false, "https://rapport.example.com")).isTrue();
        assertThat(SecurityHeaders.overHttps(false, " HTTPS://rapport.example.com/")).isTrue();
        assertThat(SecurityHeaders.overHttps(false, "http://localhost:8080")).isFalse();
        assertThat(SecurityHeaders.overHttps(false, "http://https.example.com")).isFalse();
    }
}
