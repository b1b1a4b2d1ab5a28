package org.rapport.platform.secrets;

import org.junit.jupiter.api.Test;
import org.rapport.platform.secrets.SecretBox.Opened;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of sealed secrets: AES-256-GCM, a fresh nonce per value, the key id and the place authenticated. */
class SecretBoxTest {

    private static final byte[] SECRET = "the link key Rapport generated!!".getBytes(StandardCharsets.US_ASCII);
    private final MasterKey key = MasterKey.generate();
    private final SecretBox box = new SecretBox(key, Optional.empty());

    @Test
    void aSealedSecretOpensToItselfInItsPlace() {
        String sealed = box.seal("link_key/0", SECRET);

        Opened opened = box.open("link_key/0", sealed);

        assertThat(opened.plain()).isEqualTo(SECRET);
        assertThat(opened.stale()).isFalse();
        assertThat(sealed).startsWith("v1." + key.id() + ".").doesNotContain(Base64.getEncoder().encodeToString(SECRET));
    }

    @Test
    void theSameSecretSealsDifferentlyEachTime() {
        assertThat(box.seal("link_key/0", SECRET)).isNotEqualTo(box.seal("link_key/0", SECRET));
    }

    @Test
    void aTamperedCiphertextIsRejected() {
        String sealed = box.seal("link_key/0", SECRET);
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[3]);
        body[0] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        assertThatThrownBy(() -> box.open("link_key/0", tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aValueCopiedToAnotherPlaceDoesNotOpenThere() {
        String sealed = box.seal("link_key/0", SECRET);

        assertThatThrownBy(() -> box.open("suppression-hash-key", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("copied from another place");
    }

    @Test
    void anotherMasterKeyDoesNotOpenItAndTheMessageNamesTheSettings() {
        String sealed = box.seal("link_key/0", SECRET);
        SecretBox wrong = new SecretBox(MasterKey.generate(), Optional.empty());

        assertThatThrownBy(() -> wrong.open("link_key/0", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed by the master key " + key.id())
                .hasMessageContaining("RAPPORT_SECRET_KEY").hasMessageContaining("RAPPORT_SECRET_KEY_PREVIOUS");
    }

    @Test
    void aKeyIdEditedToAnotherKeysDoesNotOpen() {
        MasterKey other = MasterKey.generate();
        SecretBox both = new SecretBox(other, Optional.of(key));
        String sealed = box.seal("link_key/0", SECRET);
        String relabelled = sealed.replace("v1." + key.id(), "v1." + other.id());

        assertThatThrownBy(() -> both.open("link_key/0", relabelled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duringARotationTheOldKeysValuesOpenAsStaleAndNewOnesSealUnderTheNewKey() {
        String sealedBefore = box.seal("link_key/0", SECRET);
        MasterKey next = MasterKey.generate();
        SecretBox rotating = new SecretBox(next, Optional.of(key));

        Opened opened = rotating.open("link_key/0", sealedBefore);
        assertThat(opened.plain()).isEqualTo(SECRET);
        assertThat(opened.stale()).as("to be sealed again").isTrue();

        String resealed = rotating.seal("link_key/0", opened.plain());
        assertThat(resealed).startsWith("v1." + next.id() + ".");
        SecretBox afterwards = new SecretBox(next, Optional.empty());
        assertThat(afterwards.open("link_key/0", resealed).plain()).as("the previous key no longer needed").isEqualTo(SECRET);
        assertThatThrownBy(() -> afterwards.open("link_key/0", sealedBefore)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void somethingThatIsNotASealedValueIsRejected() {
        assertThatThrownBy(() -> box.open("link_key/0", "c2VjcmV0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a value Rapport sealed");
    }

    @Test
    void aMasterKeyMustBeTheBase64OfExactly32BytesAndTheMessageNamesTheSetting() {
        String setting = "RAPPORT_SECRET_KEY (rapport.secret.key)";
        assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16]), setting))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("RAPPORT_SECRET_KEY (rapport.secret.key) holds 16 bytes");
        assertThatThrownBy(() -> MasterKey.parse("not base64 at all!", setting))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("RAPPORT_SECRET_KEY (rapport.secret.key) is not base64");
        MasterKey parsed = MasterKey.parse(" " + key.base64() + "\n", setting);
        assertThat(parsed.id()).isEqualTo(key.id());
        assertThat(parsed.toString()).doesNotContain(key.base64());
    }
}
