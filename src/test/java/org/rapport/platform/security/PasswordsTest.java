package org.rapport.platform.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test runs lower the PBKDF2 count to save time; production must not. */
class PasswordsTest {

    @Test
    void productionHashesPasswordsWithSixHundredThousandIterations() throws IOException {
        Properties packaged = new Properties();
        try (InputStream in = Passwords.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            packaged.load(in);
        }
        assertThat(packaged.getProperty("rapport.auth.pbkdf2-iterations")).isEqualTo("600000");
        assertThat(Passwords.DEFAULT_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void aPasswordNeedsTwelveCharactersCountedAsCodePoints() {
        assertThatThrownBy(() -> Passwords.requireStrong("eleven-char")).isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> Passwords.requireStrong("😀😀😀😀😀😀😀😀😀😀😀")).isInstanceOf(WeakPasswordException.class);
        Passwords.requireStrong("twelve-chars");
    }
}
