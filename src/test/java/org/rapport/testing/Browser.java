package org.rapport.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real browser for the page tests: one headless Debian Chromium per test JVM, started by the first test that asks for
 * it and quit when the JVM ends, used by one test at a time, each starting on a blank page with no cookies or storage.
 * Join it with {@code @ExtendWith(BrowserExtension.class)} and take a {@code Browser} parameter:
 * <pre>{@code
 * browser.open("u/" + token);                  // a path on the shared TestServer, desktop width
 * browser.find(By.id("save")).click();
 * browser.waitFor(By.id("result"));
 * browser.check("unsubscribe");                // axe at 1280 and 375 px wide (+ screenshots when asked)
 * }</pre>
 * No chromium is a failure, never a skip: {@code apt-get install -y --no-install-recommends chromium chromium-driver}
 * (what {@code .ci/run} does). Screenshots go to {@code docs/screenshots/<name>-<width>.png} only with
 * {@code -Drapport.screenshots=true}, so ordinary runs leave the docs alone.
 */
public final class Browser {

    /** The widths every page is checked at: a laptop and a small phone. */
    public static final int DESKTOP = 1280;
    public static final int PHONE = 375;
    public static final List<Integer> WIDTHS = List.of(DESKTOP, PHONE);

    /** axe impacts that fail a test; minor and moderate findings are printed to the test's output. */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Path CHROMIUM = Path.of(System.getProperty("rapport.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver"));
    /** Selenium warns that it has no CDP classes for this Chromium: the tests use none (executeCdpCommand needs none). */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");
    private static final ReentrantLock IN_USE = new ReentrantLock(true);
    private static ChromeDriver driver;
    private static String axeSource;
    private static String userAgent;

    /** The origins tests opened: each test starts with their cookies and storage gone. */
    private static final Set<String> ORIGINS = new java.util.concurrent.CopyOnWriteArraySet<>();

    private int width = DESKTOP;

    private Browser() {
    }

    /** The browser for one test on the shared server: blocks while another test holds it. Pair with {@link #release}. */
    static Browser acquire() {
        IN_USE.lock();
        try {
            Browser browser = new Browser();
            browser.reset();
            return browser;
        } catch (RuntimeException | Error e) {
            IN_USE.unlock();
            throw e;
        }
    }

    static void release() {
        IN_USE.unlock();
    }

    /** The Selenium driver, for anything this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path on the shared server ({@code "u/abc"}: relative to its base URI), or an absolute URL. */
    public Browser open(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl);
        URI target = uri.isAbsolute() ? uri : TestServer.uri().resolve(uri);
        if (target.getHost() != null) {
            ORIGINS.add(origin(target));
        }
        driver.get(target.toString());
        return this;
    }

    /** Signs in through the login page as a person would, and waits for the page it leads to. */
    public Browser signIn(String username, String password) {
        open("login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.id("signIn")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Types {@code keys} into whatever has the focus, as a person at the keyboard would. */
    public Browser press(CharSequence keys) {
        driver.switchTo().activeElement().sendKeys(keys);
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits (up to 10 s) until the element is visible, e.g. after a click that submits a form. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits (up to 10 s) until {@code condition} holds. A part of the page redrawn in place while the condition reads it
     * (an element gone stale) only means "not yet".
     */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /**
     * The languages the browser asks pages for from now on ({@code Accept-Language}, e.g. {@code "de-DE,de"}); each test
     * starts with {@code "en-US,en"}.
     */
    public Browser language(String acceptLanguage) {
        driver.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", acceptLanguage));
        return this;
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Makes the viewport exactly {@code width} CSS pixels wide (a phone width also emulates a mobile viewport). */
    public Browser width(int width) {
        this.width = width;
        emulate(width, 900);
        Object inner = script("return window.innerWidth;");
        if (((Number) inner).intValue() != width) {
            throw new IllegalStateException("Asked for a viewport " + width + " px wide, the page sees " + inner);
        }
        return this;
    }

    /**
     * The current page at each of {@link #WIDTHS}: no serious or critical axe violation at any, and a screenshot of each
     * ({@code name-width.png}) when screenshots are asked for. Leaves the browser at desktop width.
     */
    public Browser check(String name) {
        long start = System.nanoTime();
        for (int w : WIDTHS) {
            width(w);
            assertAccessible();
            screenshot(name);
        }
        width(DESKTOP);
        System.out.printf("checked %s at %s px in %d ms%n", name, WIDTHS, (System.nanoTime() - start) / 1_000_000);
        return this;
    }

    /** Runs axe-core in the current page and fails with each serious or critical violation: rule, impact, where, why. */
    public Browser assertAccessible() {
        List<Map<String, Object>> violations = axe();
        List<String> failing = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            String line = describe(v);
            if (FAILING_IMPACTS.contains(String.valueOf(v.get("impact")))) {
                failing.add(line);
            } else {
                System.out.println("axe (not failing) at " + width + " px on " + driver.getCurrentUrl() + ": " + line);
            }
        }
        if (!failing.isEmpty()) {
            throw new AssertionError("axe found " + failing.size() + " serious or critical accessibility violation(s) at "
                    + width + " px on " + driver.getCurrentUrl() + ":\n" + String.join("\n", failing));
        }
        return this;
    }

    /** axe-core's violations on the current page (every impact), as axe reports them, trimmed to what a report needs. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axe() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            script(axeSource());
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.substring(0, 160),
                                                summary: n.failureSummary}))}))))
                  .catch(e => done('axe failed: ' + e));""");
        if (result instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        return (List<Map<String, Object>>) result;
    }

    /**
     * When {@code -Drapport.screenshots=true}: the whole page at the current width into
     * {@code docs/screenshots/<name>-<width>.png}. Otherwise nothing.
     */
    public Browser screenshot(String name) {
        if (Boolean.getBoolean("rapport.screenshots")) {
            Path file = Path.of(System.getProperty("basedir", "."), "docs", "screenshots", name + "-" + width + ".png");
            save(file);
        }
        return this;
    }

    /** The page as it is now (whole height) into {@code file}, for failures and screenshots. */
    void save(Path file) {
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, 600);")).longValue();
        emulate(width, (int) Math.min(height, 8000));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            emulate(width, 900);
        }
    }

    /** The page's HTML as the browser holds it now. */
    String source() {
        return driver.getPageSource();
    }

    private void reset() {
        ChromeDriver d = started();
        for (String handle : d.getWindowHandles()) {
            if (!handle.equals(d.getWindowHandle())) {
                d.switchTo().window(handle).close();
            }
        }
        d.switchTo().window(d.getWindowHandles().iterator().next());
        d.get("about:blank");
        d.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : ORIGINS) {
            d.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        width = DESKTOP;
        emulate(DESKTOP, 900);
        language("en-US,en");
    }

    private void emulate(int w, int h) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", w, "height", h, "deviceScaleFactor", 1, "mobile", w < 700));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> violation) {
        StringBuilder line = new StringBuilder("- ").append(violation.get("id")).append(" (").append(violation.get("impact"))
                .append("): ").append(violation.get("help")).append(" <").append(violation.get("helpUrl")).append('>');
        for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
            line.append("\n    at ").append(node.get("target")).append("  ").append(node.get("html"));
            String summary = String.valueOf(node.get("summary")).replace("\n", " ");
            line.append("\n       ").append(summary);
        }
        return line.toString();
    }

    /** The one Chromium of this JVM, started on first use. */
    private static synchronized ChromeDriver started() {
        if (driver != null) {
            return driver;
        }
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver, and " + needed
                        + " is missing. Install them: apt-get install -y --no-install-recommends chromium chromium-driver"
                        + " (.ci/run does), or point -Drapport.chromium / -Drapport.chromedriver at your own.");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--lang=en-US", "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        Path log = Path.of(System.getProperty("basedir", "."), "target", "chromedriver.log");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        long start = System.nanoTime();
        driver = new ChromeDriver(service, options);
        System.out.printf("Chromium %s started in %d ms%n", driver.getCapabilities().getBrowserVersion(),
                (System.nanoTime() - start) / 1_000_000);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        userAgent = (String) driver.executeScript("return navigator.userAgent;");
        ChromeDriver started = driver;
        Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "chromium-quit"));
        return driver;
    }

    /** axe.min.js from the axe-core WebJar on the test class path, whatever its version. */
    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream pom = Browser.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                if (pom == null) {
                    throw new IllegalStateException("The axe-core WebJar (org.webjars.npm:axe-core) is not on the test class path");
                }
                Properties properties = new Properties();
                properties.load(pom);
                String path = "/META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
                try (InputStream js = Browser.class.getResourceAsStream(path)) {
                    if (js == null) {
                        throw new IllegalStateException("No " + path + " in the axe-core WebJar");
                    }
                    axeSource = new String(js.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
