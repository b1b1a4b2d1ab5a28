package org.rapport.platform.pages;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' texts: the same keys in every language, and English for an English reader whatever the server's locale. */
class MessagesTest {

    private static final String BUNDLE = "org.rapport.pages.messages";

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> english = keys(Locale.ENGLISH);
        assertThat(keys(Locale.GERMAN)).isEqualTo(english);
        assertThat(english).hasSizeGreaterThan(100);
    }

    @Test
    void anEnglishReaderReadsEnglishOnAServerWhoseDefaultLocaleIsGerman() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ResourceBundle.clearCache();
            assertThat(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString("nav.signOut"))
                    .isEqualTo(ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString("nav.signOut"))
                    .isNotEqualTo(ResourceBundle.getBundle(BUNDLE, Locale.GERMAN).getString("nav.signOut"));
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
    }

    /** The keys the language's own file holds (not its parent's: a German reader must not meet an English text). */
    private static Set<String> keys(Locale locale) {
        String file = BUNDLE.replace('.', '/') + (locale.getLanguage().equals("en") ? "" : "_" + locale.getLanguage()) + ".properties";
        java.util.Properties texts = new java.util.Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(file);
             var reader = new java.io.InputStreamReader(java.util.Objects.requireNonNull(in, file), java.nio.charset.StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new TreeSet<>(texts.stringPropertyNames());
    }
}
