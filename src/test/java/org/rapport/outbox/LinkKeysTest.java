package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.rapport.mail.LinkTokens;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    // A key that signed links is never dropped or replaced silently (link_key_signer, RAPPORT_LINKS_RETIRED_KEYS).

    @Test
    void aConfiguredKeyThatSignedLinksCannotSilentlyLeaveTheSetting() {
        Map<Integer, String> signed = Map.of(0, Links.fingerprint(STORED), 7, Links.fingerprint(CONFIGURED));

        assertThatThrownBy(() -> Links.givenUp(Links.keys(Optional.empty(), Optional.of(STORED)), signed, Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("RAPPORT_LINKS_KEYS: key 7 signed links that customers may still use (unsubscribe, rating, click, "
                        + "reply and recommend links, calendar feeds), but it is no longer among the configured keys: put it back (after "
                        + "the first key it only verifies), or, to give those links up on purpose, add 7 to "
                        + "RAPPORT_LINKS_RETIRED_KEYS.");
        assertThat(Links.givenUp(Links.keys(Optional.of(SETTING), Optional.of(STORED)), signed, Set.of())).as("both still there")
                .isEmpty();
    }

    @Test
    void theStoredKeyRemovedAfterLinksWereSentStopsTheStartInsteadOfANewKey() {
        Map<Integer, String> signed = Map.of(0, Links.fingerprint(STORED));

        assertThatThrownBy(() -> Links.givenUp(Map.of(), signed, Set.of()))
                .hasMessageStartingWith("Key 0, which Rapport generated and keeps in the database table link_key, signed links")
                .hasMessageEndingWith("but it is gone from that table: restore its row from a backup, or, to give those links "
                        + "up on purpose, set RAPPORT_LINKS_RETIRED_KEYS=0.");
        assertThatThrownBy(() -> Links.givenUp(Links.keys(Optional.of(SETTING), Optional.empty()), signed, Set.of()))
                .as("configured keys do not make up for it").hasMessageContaining("gone from that table");
        assertThatThrownBy(() -> Links.givenUp(Map.of(0, CONFIGURED), signed, Set.of()))
                .as("another secret in its row").hasMessageContaining("that table now holds another secret");
    }

    @Test
    void aNewSecretUnderAnIdThatSignedLinksIsRefused() {
        Map<Integer, String> signed = Map.of(7, Links.fingerprint(CONFIGURED));
        String replaced = "7:" + Base64.getEncoder().encodeToString(STORED);

        assertThatThrownBy(() -> Links.givenUp(Links.keys(Optional.of(replaced), Optional.empty()), signed, Set.of()))
                .hasMessageContaining("RAPPORT_LINKS_KEYS: key 7 signed links")
                .hasMessageContaining("it now has another secret: give the new secret a new id and keep this one");
    }

    @Test
    void everyMissingKeyIsNamedAtOnce() {
        Map<Integer, String> signed = Map.of(0, Links.fingerprint(STORED), 7, Links.fingerprint(CONFIGURED));

        assertThatThrownBy(() -> Links.givenUp(Map.of(), signed, Set.of()))
                .hasMessageContaining("Key 0, which Rapport generated").hasMessageContaining("RAPPORT_LINKS_KEYS: key 7 signed");
    }

    @Test
    void aKeyIsGivenUpOnlyOnPurpose() {
        Map<Integer, String> signed = Map.of(0, Links.fingerprint(STORED), 7, Links.fingerprint(CONFIGURED));

        assertThat(Links.givenUp(Links.keys(Optional.empty(), Optional.of(STORED)), signed, Links.retired(Optional.of("7"))))
                .containsExactly(7);
        assertThat(Links.givenUp(Map.of(), signed, Links.retired(Optional.of(" 0, 7 ")))).containsExactly(0, 7);
        assertThat(Links.givenUp(Links.keys(Optional.of(SETTING), Optional.of(STORED)), signed, Set.of(7)))
                .as("a retired key still configured gives nothing up").isEmpty();
    }

    @Test
    void aMalformedRetiredSettingIsRefusedNamingTheEntry() {
        assertThat(Links.retired(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> Links.retired(Optional.of("7,seven")))
                .hasMessage("RAPPORT_LINKS_RETIRED_KEYS: 'seven' is not a key id (0–255)");
        assertThatThrownBy(() -> Links.retired(Optional.of("256"))).hasMessage("RAPPORT_LINKS_RETIRED_KEYS: '256' is not a key id (0–255)");
    }

    @Test
    void theFingerprintIsTheSha256OfTheSecretAsTheMigrationComputesIt() {
        // SHA2('abc', 256) in MariaDB and MySQL
        assertThat(Links.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /**
     * The rotation of link keys that docs/operations.md describes, step by step, as {@link Links} runs each start: a new
     * key is put first in RAPPORT_LINKS_KEYS (it signs; the links of the others keep verifying), and a key is dropped only
     * with its id in RAPPORT_LINKS_RETIRED_KEYS (its links stop working; the others' do not).
     */
    @Test
    void aNewSigningKeyKeepsOldLinksWorkingUntilTheOldKeyIsRetiredOnPurpose() {
        byte[] eight = "the-key-of-the-second-rotation!!".getBytes(StandardCharsets.US_ASCII);
        Map<Integer, String> signed = new java.util.HashMap<>(Map.of(0, Links.fingerprint(STORED)));

        String byStoredKey = Links.tokens(Optional.empty(), Optional.of(STORED)).issue(UNSUBSCRIBE);

        // step 1: key 7 added first; it signs from now on and is recorded as a signer
        Optional<String> step1 = Optional.of(SETTING);
        assertThat(Links.givenUp(Links.keys(step1, Optional.of(STORED)), signed, Set.of())).isEmpty();
        LinkTokens withSeven = Links.tokens(step1, Optional.of(STORED));
        String bySeven = withSeven.issue(UNSUBSCRIBE);
        signed.put(7, Links.fingerprint(CONFIGURED));
        assertThat(withSeven.verify(byStoredKey, Purpose.UNSUBSCRIBE)).as("a link of the stored key").contains(UNSUBSCRIBE);

        // step 2: key 8 put before 7; 8 signs, 7 still verifies
        Optional<String> step2 = Optional.of("8:" + Base64.getEncoder().encodeToString(eight) + "," + SETTING);
        assertThat(Links.givenUp(Links.keys(step2, Optional.of(STORED)), signed, Set.of())).isEmpty();
        LinkTokens withEight = Links.tokens(step2, Optional.of(STORED));
        signed.put(8, Links.fingerprint(eight));
        assertThat(new LinkTokens(8, Map.of(8, eight)).verify(withEight.issue(UNSUBSCRIBE), Purpose.UNSUBSCRIBE)).isPresent();
        assertThat(withEight.verify(bySeven, Purpose.UNSUBSCRIBE)).as("a link of key 7").contains(UNSUBSCRIBE);
        assertThat(withEight.verify(byStoredKey, Purpose.UNSUBSCRIBE)).as("a link of the stored key").contains(UNSUBSCRIBE);

        // step 3: key 7 removed; the start stops unless it is retired on purpose
        Optional<String> step3 = Optional.of("8:" + Base64.getEncoder().encodeToString(eight));
        Map<Integer, byte[]> keys = Links.keys(step3, Optional.of(STORED));
        assertThatThrownBy(() -> Links.givenUp(keys, signed, Set.of())).hasMessageContaining("add 7 to RAPPORT_LINKS_RETIRED_KEYS");
        assertThat(Links.givenUp(keys, signed, Links.retired(Optional.of("7")))).containsExactly(7);
        LinkTokens retired = Links.tokens(step3, Optional.of(STORED));
        assertThat(retired.verify(bySeven, Purpose.UNSUBSCRIBE)).as("the retired key's links").isEmpty();
        assertThat(retired.verify(byStoredKey, Purpose.UNSUBSCRIBE)).as("the stored key's links").contains(UNSUBSCRIBE);
    }
}
