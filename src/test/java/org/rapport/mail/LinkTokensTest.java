package org.rapport.mail;

import org.junit.jupiter.api.Test;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkTokensTest {

    private static final byte[] OLD = "an-old-secret-of-32-bytes-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "a-new-secret-also-32-bytes-long!".getBytes(StandardCharsets.US_ASCII);

    private final LinkTokens tokens = new LinkTokens(1, Map.of(1, OLD));

    @Test
    void aTokenSaysWhatItWasMadeFor() {
        String token = tokens.issue(new Claims(Purpose.CLICK, 42, 7, "https://example.com/offer?a=1&b=ü"));
        assertThat(token).matches("[a-z2-7]+");
        assertThat(tokens.verify(token, Purpose.CLICK)).contains(new Claims(Purpose.CLICK, 42, 7, "https://example.com/offer?a=1&b=ü"));
    }

    @Test
    void aTokenForOnePurposeNeverServesAnother() {
        String click = tokens.issue(new Claims(Purpose.CLICK, 42, 7, ""));
        assertThat(tokens.verify(click, Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify(click, Purpose.REPLY)).isEmpty();
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        String token = tokens.issue(new Claims(Purpose.UNSUBSCRIBE, 42, 7, ""));
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(tokens.verify(altered, Purpose.UNSUBSCRIBE)).as("position " + i).isEmpty();
        }
        assertThat(tokens.verify(token.substring(0, token.length() - 1), Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify(token + "a", Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void onlyTheCanonicalSpellingOfATokenIsGenuine() {
        // with 1-4 bytes of data the last character carries unused bits; flipping them must not give a second token
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (String data : new String[] {"x", "xy", "xyz", "wxyz"}) {
            String token = tokens.issue(new Claims(Purpose.RATING, 42, 7, data));
            int last = token.length() - 1;
            for (char c : alphabet.toCharArray()) {
                if (c != token.charAt(last)) {
                    assertThat(tokens.verify(token.substring(0, last) + c, Purpose.RATING)).as(data + " ending in " + c).isEmpty();
                }
            }
            assertThat(tokens.verify(token.toUpperCase(java.util.Locale.ROOT), Purpose.RATING)).as("case-folded").isPresent();
        }
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        assertThat(tokens.verify("", Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify(null, Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify("not a token!", Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify("aaaa", Purpose.UNSUBSCRIBE)).isEmpty();
        assertThat(tokens.verify("a".repeat(5000), Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String foreign = new LinkTokens(1, Map.of(1, NEW)).issue(new Claims(Purpose.UNSUBSCRIBE, 42, 7, ""));
        assertThat(tokens.verify(foreign, Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void oldTokensKeepWorkingAfterTheKeyRotates() {
        String old = tokens.issue(new Claims(Purpose.UNSUBSCRIBE, 42, 7, ""));
        LinkTokens rotated = new LinkTokens(2, Map.of(2, NEW, 1, OLD));
        assertThat(rotated.verify(old, Purpose.UNSUBSCRIBE)).isPresent();
        String fresh = rotated.issue(new Claims(Purpose.UNSUBSCRIBE, 42, 7, ""));
        assertThat(rotated.verify(fresh, Purpose.UNSUBSCRIBE)).isPresent();
        assertThat(tokens.verify(fresh, Purpose.UNSUBSCRIBE)).as("the old key alone cannot read the new").isEmpty();
    }

    @Test
    void aReplyTokenFitsTheLocalPartOfAnAddress() {
        String token = tokens.issue(new Claims(Purpose.REPLY, Long.MAX_VALUE, Long.MAX_VALUE, ""));
        assertThat(("replies+" + token).length()).isLessThanOrEqualTo(64);
        assertThat(tokens.verify(token.toUpperCase(), Purpose.REPLY)).as("mail servers may fold case").isPresent();
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new LinkTokens(1, Map.of(1, new byte[8]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkTokens(2, Map.of(1, OLD))).isInstanceOf(IllegalArgumentException.class);
    }
}
