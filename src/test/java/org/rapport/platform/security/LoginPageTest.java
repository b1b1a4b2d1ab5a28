package org.rapport.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPageTest {

    @Test
    void afterLoginTheBrowserGoesOnlyToAPathOfThisSite() {
        assertThat(LoginPage.isLocalPath("/today")).isTrue();
        assertThat(LoginPage.isLocalPath("/customers/C-1?tab=history")).isTrue();
    }

    @Test
    void anotherHostASchemeOrALoopBackToTheLoginPageIsRefused() {
        assertThat(LoginPage.isLocalPath(null)).isFalse();
        assertThat(LoginPage.isLocalPath("")).isFalse();
        assertThat(LoginPage.isLocalPath("//evil.example/today")).isFalse();
        assertThat(LoginPage.isLocalPath("/\\evil.example")).isFalse();
        assertThat(LoginPage.isLocalPath("/x\\..\\evil")).isFalse();
        assertThat(LoginPage.isLocalPath("https://evil.example/")).isFalse();
        assertThat(LoginPage.isLocalPath("javascript:alert(1)")).isFalse();
        assertThat(LoginPage.isLocalPath("/today\r\nSet-Cookie: x=y")).isFalse();
        assertThat(LoginPage.isLocalPath("/login?next=//evil.example")).isFalse();
    }
}
