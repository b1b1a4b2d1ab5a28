package org.rapport.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page tests' browser itself: its accessibility check fails where it must, and says what and where. */
@ExtendWith(BrowserExtension.class)
class BrowserIT {

    @Test
    void axeFailsOnSeriousViolationsNamingTheRuleTheElementAndTheHelp(Browser browser) {
        browser.open(page("""
                <!DOCTYPE html><html><head><title>Bad</title></head><body><main>
                <img src="data:,"><input id="nameless">
                <p style="color:#bbbbbb;background:#ffffff">hard to read</p></main></body></html>"""));

        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("at 1280 px")
                .hasMessageContaining("- html-has-lang (serious)")
                .hasMessageContaining("- image-alt (critical)")
                .hasMessageContaining("- label (critical)").hasMessageContaining("at #nameless")
                .hasMessageContaining("- color-contrast (serious)")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
    }

    @Test
    void aPageWithoutSeriousViolationsPassesAtEachWidthWhoseViewportIsExactlyThatWide(Browser browser) {
        browser.open(page("""
                <!DOCTYPE html><html lang="en"><head><title>Good</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>Fine</h1><label for="n">Name</label><input id="n"></main></body></html>"""));

        for (int width : Browser.WIDTHS) {
            browser.width(width).assertAccessible();
            assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth;")).intValue())
                    .isEqualTo(width);
        }
    }

    @Test
    void eachTestStartsWithoutTheCookiesTheLastOneLeft(Browser browser) {
        // the shared server's cookies are the ones that matter (sessions): set one, and a fresh browser has none
        browser.open("health");
        browser.driver().manage().addCookie(new Cookie("left-over", "1"));
        assertThat(browser.driver().manage().getCookieNamed("left-over")).isNotNull();

        Browser.release();
        Browser fresh = Browser.acquire();

        fresh.open("health");
        assertThat(fresh.driver().manage().getCookies()).isEmpty();
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
