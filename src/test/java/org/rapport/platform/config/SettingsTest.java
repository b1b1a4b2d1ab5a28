package org.rapport.platform.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults in {@code microprofile-config.properties} are the settings an operator can change: each one is read by
 * the code and has its row in the README's configuration table. A key that nothing reads (such as the former
 * {@code rapport.db.pool.max}) promises a knob that does nothing.
 */
class SettingsTest {

    @Test
    void everyDefaultIsReadByTheCodeAndDocumentedInTheReadme() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(SettingsTest::read).collect(Collectors.joining("\n"));
        }
        String readme = Files.readString(Path.of("README.md"));

        assertThat(defaults.stringPropertyNames()).filteredOn(key -> key.startsWith("rapport.")).isNotEmpty()
                .allSatisfy(key -> {
                    assertThat(Pattern.compile("[^a-z0-9.-]" + Pattern.quote(key) + "[^a-z0-9.-]").matcher(sources).find())
                            .as("%s is read somewhere in src/main/java", key).isTrue();
                    assertThat(readme).as("README documents %s", key).contains("`" + environmentName(key) + "`");
                });
    }

    /** The environment variable MicroProfile Config maps to a key: rapport.mail.dispatch.batch-size → RAPPORT_MAIL_DISPATCH_BATCH_SIZE. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
