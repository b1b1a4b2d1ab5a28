package org.rapport.platform.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Standalone;
import org.rapport.testing.UnderTarget;

import java.net.HttpCookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page session as an operator sets it up behind a TLS proxy, on an instance of its own (its embedded MariaDB, no
 * mail servers): with {@code RAPPORT_PUBLIC_URL} on https the session cookie is {@code Secure}, and with
 * {@code RAPPORT_SESSION_IDLE_MINUTES=1} a session left alone for a minute is over: the next page asks for the login.
 * The shared server cannot show either (plain http, 30 idle minutes).
 */
@Tag("process")
@Standalone
class SessionSettingsIT {

    @TempDir(factory = UnderTarget.class)
    static Path scratch;
    private static LauncherInstance instance;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_DB_URL", null); // its own embedded MariaDB
        env.put("RAPPORT_DB_USER", null);
        env.put("RAPPORT_DB_PASSWORD", null);
        env.put("RAPPORT_SMTP_HOST", null); // no mail leaves, no reply mailbox is read
        env.put("RAPPORT_IMAP_HOST", null);
        env.put("RAPPORT_DEMO", "false");
        env.put("RAPPORT_PUBLIC_URL", "https://rapport.example.test/");
        env.put("RAPPORT_SESSION_IDLE_MINUTES", "1");
        instance = LauncherInstance.start("session-settings", scratch, env).awaitUp();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (instance != null) {
            instance.stop();
        }
    }

    @Test
    void behindHttpsTheCookieIsSecureAndASessionIdleForItsMinutesEnds() throws InterruptedException {
        PageSession browser = new PageSession(instance.baseUri());
        keepSecureCookie(browser, browser.get("login"));
        Page login = browser.signIn("admin", System.getProperty("rapport.test.admin.password"));
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        keepSecureCookie(browser, login); // a new session id at login
        assertThat(browser.get("admin/users").status()).as("signed in").isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(62).toMillis()); // the idle minute, and a little more
        Page after = browser.get("admin/users");
        assertThat(after.status()).as("the session is over").isEqualTo(302);
        assertThat(after.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    /**
     * The session cookie the page set is Secure; this client speaks plain http to the instance (the TLS proxy is left
     * out), so it sends that cookie only when kept as a plain one.
     */
    private static void keepSecureCookie(PageSession browser, Page page) {
        String cookie = page.header("Set-Cookie").orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        assertThat(cookie).startsWith("RAPPORT_SESSION=").contains("Secure").contains("HttpOnly");
        browser.plant("RAPPORT_SESSION", HttpCookie.parse(cookie).get(0).getValue());
    }
}
