package org.rapport.responses;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The language of the page a customer sees when no customer is known: the browser's first of German and English. */
class PagesTest {

    @Test
    void germanOnlyWhenTheBrowserWantsItBeforeEnglish() {
        assertThat(Pages.german(List.of(Locale.GERMANY))).isTrue();
        assertThat(Pages.german(List.of(Locale.FRANCE, Locale.forLanguageTag("de-AT"), Locale.ENGLISH))).isTrue();
        assertThat(Pages.german(List.of(Locale.UK, Locale.GERMAN))).isFalse();
        assertThat(Pages.german(List.of(Locale.FRANCE))).as("neither: English").isFalse();
        assertThat(Pages.german(List.of())).isFalse();
    }
}
