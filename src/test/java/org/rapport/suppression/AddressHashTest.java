package org.rapport.suppression;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** What the suppression list keeps of an address: a keyed hash of it trimmed and lower-cased. */
class AddressHashTest {

    private final AddressHash hash = new AddressHash("a hash key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void caseAndSurroundingSpacesDoNotMatter() {
        String listed = hash.of("jane.roe@foo.example");

        assertThat(hash.of("  Jane.Roe@FOO.example\t")).isEqualTo(listed);
        assertThat(hash.of("JANE.ROE@FOO.EXAMPLE")).isEqualTo(listed);
    }

    @Test
    void anotherAddressHashesDifferently() {
        assertThat(hash.of("jane.roe@foo.example")).isNotEqualTo(hash.of("janeroe@foo.example"))
                .isNotEqualTo(hash.of("jane.roe+news@foo.example"));
    }

    @Test
    void theHashNeedsTheKeyNotJustTheAddress() throws Exception {
        String address = "jane.roe@foo.example";
        AddressHash otherKey = new AddressHash("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
        String plainSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));

        assertThat(hash.of(address)).hasSize(64).isNotEqualTo(otherKey.of(address)).isNotEqualTo(plainSha)
                .doesNotContainIgnoringCase("jane");
    }
}
