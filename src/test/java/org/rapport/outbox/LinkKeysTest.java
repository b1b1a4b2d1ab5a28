package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.rapport.mail.LinkTokens;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys sign and verify links: the key kept in the database and {@code RAPPORT_LINKS_KEYS} together. */
class LinkKeysTest {

    private static final byte[] STORED = "the-key-rapport-generated-itself".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONFIGURED = "a-key-the-operator-set-later-on!".getBytes(StandardCharsets.US_ASCII);
    private static final String SETTING = "7:" + Base64.getEncoder().encodeToString(CONFIGURED);

    private static final Claims UNSUBSCRIBE = new Claims(Purpose.UNSUBSCRIBE, 42, 7, "");

    @Test
    void aLinkSentBeforeTheKeysWereConfiguredStillWorksAfterwards() {
        String sentBefore = Links.tokens(Optional.empty(), Optional.of(STORED)).issue(UNSUBSCRIBE);

        LinkTokens afterwards = Links.tokens(Optional.of(SETTING), Optional.of(STORED));

        assertThat(afterwards.verify(sentBefore, Purpose.UNSUBSCRIBE)).contains(UNSUBSCRIBE);
    }

    @Test
    void theFirstConfiguredKeySignsNewLinks() {
        String fresh = Links.tokens(Optional.of(SETTING), Optional.of(STORED)).issue(UNSUBSCRIBE);

        assertThat(new LinkTokens(7, Map.of(7, CONFIGURED)).verify(fresh, Purpose.UNSUBSCRIBE)).as("signed with key 7")
                .contains(UNSUBSCRIBE);
        assertThat(Links.tokens(Optional.empty(), Optional.of(STORED)).verify(fresh, Purpose.UNSUBSCRIBE))
                .as("not with the stored key").isEmpty();
    }

    @Test
    void withoutAStoredKeyTheConfiguredKeysAreAllThereIs() {
        LinkTokens tokens = Links.tokens(Optional.of(SETTING), Optional.empty());
        assertThat(tokens.verify(tokens.issue(UNSUBSCRIBE), Purpose.UNSUBSCRIBE)).isPresent();
        assertThat(tokens.verify(new LinkTokens(0, Map.of(0, STORED)).issue(UNSUBSCRIBE), Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void aConfiguredKeyZeroMayOnlyBeTheStoredKeyItself() {
        String same = "0:" + Base64.getEncoder().encodeToString(STORED) + "," + SETTING;
        String sentBefore = Links.tokens(Optional.empty(), Optional.of(STORED)).issue(UNSUBSCRIBE);
        assertThat(Links.tokens(Optional.of(same), Optional.of(STORED)).verify(sentBefore, Purpose.UNSUBSCRIBE)).isPresent();

        String other = "0:" + Base64.getEncoder().encodeToString(CONFIGURED);
        assertThatThrownBy(() -> Links.tokens(Optional.of(other), Optional.of(STORED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RAPPORT_LINKS_KEYS: key id 0 is the key Rapport generated")
                .hasMessageContaining("give the configured keys other ids");
    }

    @Test
    void aMalformedSettingIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> Links.tokens(Optional.of("seven"), Optional.of(STORED)))
                .hasMessage("RAPPORT_LINKS_KEYS: 'seven' is not id:base64-secret");
        assertThatThrownBy(() -> Links.tokens(Optional.of("7:%%%"), Optional.of(STORED)))
                .hasMessage("RAPPORT_LINKS_KEYS: the secret of key 7 is not base64");
        assertThatThrownBy(() -> Links.tokens(Optional.of(SETTING + "," + SETTING), Optional.of(STORED)))
                .hasMessage("RAPPORT_LINKS_KEYS: key id 7 is given twice");
    }
}
