package org.rapport.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerLanguageTest {

    @Test
    void germanForEveryGermanLocaleEnglishOtherwise() {
        assertThat(CustomerLanguage.german("de")).isTrue();
        assertThat(CustomerLanguage.german("DE-at")).isTrue();
        assertThat(CustomerLanguage.german("de_CH")).isTrue();
        assertThat(CustomerLanguage.german("en")).isFalse();
        assertThat(CustomerLanguage.german("fr-CH")).isFalse();
        assertThat(CustomerLanguage.german(null)).isFalse();
    }
}
