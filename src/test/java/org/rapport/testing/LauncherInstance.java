package org.rapport.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rapport in its own JVM, started like production with the launcher ({@code target/rapport-launcher.jar}), logging to
 * {@code target/<name>.log}. The environment is this test's (database, SMTP) plus {@code env}; a {@code null} value
 * removes a variable, so that for instance without {@code RAPPORT_DB_URL} the instance runs its own embedded MariaDB.
 */
public record LauncherInstance(Process process, int port, Path log) {

    public static LauncherInstance start(String name, Path dataDir, Map<String, String> env) throws IOException {
        return start(name, dataDir, env, "512m");
    }

    public static LauncherInstance start(String name, Path dataDir, Map<String, String> env, String heap) throws IOException {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        Files.createDirectories(dataDir);
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", target.resolve("rapport-launcher.jar").toString());
        builder.environment().put("RAPPORT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("RAPPORT_DATA_DIR", dataDir.toString());
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Path log = target.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new LauncherInstance(builder.start(), port, log);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public LauncherInstance awaitUp() {
        // HTTP/1.1 as Api uses: the default HTTP/2 sends an h2c upgrade that Payara's Grizzly sometimes never answers,
        // so /health timed out for minutes on a server that was up (seen as boots that "hung" in full runs)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // refused or reset connections are expected while it starts; a dead process fails at once
        try {
            Eventually.within(Duration.ofMinutes(4)).ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the instance on port " + port + " died; its log ends:\n" + logTail());
                }
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                // Payara answers /health even when the application failed to deploy: wait for Rapport's own checks
                return health.statusCode() == 200 && health.body().contains("\"scheduler\"");
            });
        } catch (RuntimeException | AssertionError e) {
            // the caller holds no instance to stop: without this, an instance that never came up outlives the test run
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join(); // gone before its directory
            throw e;
        }
        return this;
    }

    private String logTail() {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the instance as an operator would (SIGTERM), and waits until it is gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

}
