package org.rapport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One Rapport for all API integration tests of a run: started by the first test that asks for it, from the launcher
 * and WAR this build produced (exactly what ships), with the test environment of the failsafe configuration (database,
 * GreenMail ports, schedules) and {@link #MATCH_CHUNK}; stopped when the test run ends ({@link TestDatabase}), before the database. Its log is
 * {@code target/it-server.log}. Tests share it, so each arranges its own data under unique ids and restores any global
 * setting it changes.
 */
public final class TestServer {

    /**
     * Proposals a matching run of the shared server stores per transaction ({@code RAPPORT_INTRODUCTIONS_MATCH_CHUNK};
     * 1,000 by default): small, so that a test of a run's second chunk needs a hundred customers, not thousands that
     * every later run of the shared database reads again.
     */
    public static final int MATCH_CHUNK = 50;

    private static LauncherInstance instance;

    private TestServer() {
    }

    /** The API client bound to the shared server, anonymous; use {@code as(…)} or {@code asAdmin()}. */
    public static Api api() {
        return Api.at(uri());
    }

    /** Base URI of the shared server, ending in {@code /}. */
    public static synchronized URI uri() {
        if (instance == null) {
            Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
            try {
                instance = LauncherInstance.start("it-server", target.resolve("it-server"),
                        Map.of("RAPPORT_INTRODUCTIONS_MATCH_CHUNK", Integer.toString(MATCH_CHUNK)), "768m");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the started process itself: stop() clears the field before the JVM exits
            Process started = instance.process();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "it-server-kill"));
            instance.awaitUp();
        }
        return instance.baseUri();
    }

    static synchronized void stop() {
        if (instance != null) {
            try {
                instance.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instance = null;
        }
    }
}
