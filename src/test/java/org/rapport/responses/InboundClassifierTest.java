package org.rapport.responses;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.responses.Inbound.Kind;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-world shaped emails (fixtures under src/test/resources/org/rapport/responses) through the classifier. */
class InboundClassifierTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String TOKEN = "mfrggzdfmztwq2lknnwg23tpobyxe43uov3ho6dzpi";

    @Test
    void aReplyNamesTheMessageItAnswersAndKeepsOnlyTheNewText() throws Exception {
        Inbound reply = classify("reply-in-reply-to.eml");

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.messageId()).isEqualTo("<CAF=reply-1@mail.alpha.example>");
        assertThat(reply.sentAt()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z"));
        assertThat(reply.references()).containsExactly("<11111111-2222-3333-4444-555555555555.rapport@rapport.test>",
                "<older-thread-start@mail.alpha.example>");
        assertThat(reply.replyTokens()).containsExactly("a".repeat(49));
        assertThat(reply.summary()).isEqualTo("Hi Anna, thanks a lot, the delivery arrived on time. Could you call me next "
                + "week about the second site? Alfred");
    }

    @Test
    void aReplyWithoutReferencesIsFoundByThePlusAddress() throws Exception {
        Inbound reply = classify("reply-plus-address.eml");

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.references()).isEmpty();
        assertThat(reply.replyTokens()).containsExactly(TOKEN);
        assertThat(reply.summary()).as("the signature is cut").isEqualTo("Thanks, see you soon.");
    }

    @Test
    void aGermanQuotedPrintableReplyKeepsItsUmlauts() throws Exception {
        Inbound reply = classify("reply-de-qp.eml");

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.references()).containsExactly("<de-original@rapport.test>");
        assertThat(reply.summary()).isEqualTo("Liebe Frau Seller, vielen Dank für die Glückwünsche! Wir möchten gern über "
                + "größere Mengen sprechen – rufen Sie mich an? Schöne Grüße Jürgen");
    }

    @Test
    void anHtmlOnlyReplyIsMadePlainWithoutItsQuote() throws Exception {
        Inbound reply = classify("reply-html-only.eml");

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.summary()).isEqualTo("All good & working ägain, merci beaucoup! Dora");
    }

    @Test
    void thePlainTextOfAnAlternativeIsUsedAndAttachmentsAreNot() throws Exception {
        Inbound reply = classify("reply-alternative.eml");

        assertThat(reply.references()).as("References, newest first")
                .containsExactly("<third@rapport.test>", "<second@rapport.test>", "<first@rapport.test>");
        assertThat(reply.summary()).isEqualTo("Happy to meet them.");
    }

    @Test
    void aFailedDeliveryReportIsABounceOfTheReturnedMessage() throws Exception {
        Inbound bounce = classify("dsn-failed-rfc822.eml");

        assertThat(bounce.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(bounce.messageId()).isEqualTo("<20261120101500.AB12C3D4@mx.rapport.test>");
        assertThat(bounce.references()).containsExactly("<bounced-original@rapport.test>");
        assertThat(bounce.replyTokens()).as("the returned message's Reply-To").containsExactly(TOKEN);
        assertThat(bounce.summary()).startsWith("5.1.1 gone@alpha.example: smtp; 550 5.1.1")
                .contains("User unknown in virtual mailbox table");
    }

    @Test
    void aBounceWithOnlyTheReturnedHeadersIsABounceToo() throws Exception {
        Inbound bounce = classify("dsn-failed-headers.eml");

        assertThat(bounce.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(bounce.references()).containsExactly("<headers-only-original@rapport.test>");
        assertThat(bounce.summary()).startsWith("5.1.10 left@customers.example");
    }

    @Test
    void aDelayIsNoBounce() throws Exception {
        Inbound delayed = classify("dsn-delayed.eml");

        assertThat(delayed.kind()).isEqualTo(Kind.DELIVERY_NOTICE);
        assertThat(delayed.references()).containsExactly("<delayed-original@rapport.test>");
        assertThat(delayed.summary()).startsWith("4.4.7 slow@alpha.example");
    }

    @Test
    void aFailedActionWithATransientStatusIsNoBounce() throws Exception {
        String dsn = fixture("dsn-failed-rfc822.eml").replace("Status: 5.1.1", "Status: 4.2.2");
        assertThat(InboundClassifier.classify(parse(dsn)).kind()).isEqualTo(Kind.DELIVERY_NOTICE);
    }

    @Test
    void theMailtoUnsubscribeCarriesItsToken() throws Exception {
        Inbound unsubscribe = classify("unsubscribe.eml");

        assertThat(unsubscribe.kind()).isEqualTo(Kind.UNSUBSCRIBE);
        assertThat(unsubscribe.unsubscribeToken()).isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted | auto-replied",
            "Auto-Submitted | auto-generated; owner-email=\"someone@alpha.example\"",
            "X-Autoreply | yes",
            "X-Autorespond | Out of office",
            "Precedence | auto_reply",
            "Precedence | bulk",
            "Precedence | junk",
            "X-Auto-Response-Suppress | All",
    })
    void automaticAnswersAreRecognisedByTheirHeaders(String header, String value) throws Exception {
        MimeMessage message = parse(fixture("reply-in-reply-to.eml"));
        message.setHeader(header, value);
        assertThat(InboundClassifier.classify(message).kind()).isEqualTo(Kind.AUTO_REPLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Out of Office: Thank you for your order",
            "Automatic reply: Thank you for your order",
            "Auto-Reply: I am away",
            "Abwesenheitsnotiz: Danke für Ihren Auftrag",
            "Automatische Antwort: Danke für Ihren Auftrag",
            "Réponse automatique : Merci pour votre commande",
    })
    void outOfOfficeSubjectsAreRecognisedInEnglishGermanAndFrench(String subject) throws Exception {
        MimeMessage message = parse(fixture("reply-in-reply-to.eml"));
        message.setSubject(subject, "UTF-8");
        message.saveChanges();
        Inbound answer = InboundClassifier.classify(parse(serialized(message)));
        assertThat(answer.kind()).isEqualTo(Kind.AUTO_REPLY);
        assertThat(answer.references()).as("it still names the message it answers").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: no", "Precedence: list", "Subject: Re: Your office move"})
    void peopleAreNotMistakenForResponders(String header) throws Exception {
        String email = fixture("reply-in-reply-to.eml").replace("MIME-Version: 1.0", header + "\nMIME-Version: 1.0");
        if (header.startsWith("Subject")) {
            email = email.replace("Subject: Re: Thank you for your order\n", "");
        }
        assertThat(InboundClassifier.classify(parse(email)).kind()).isEqualTo(Kind.REPLY);
    }

    @Test
    void anEmailWithoutMessageIdGetsAStableOneFromItsContent() throws Exception {
        String email = fixture("reply-plus-address.eml").replace("Message-ID: <plus-only-1@mail.beta.example>\n", "");
        String first = InboundClassifier.classify(parse(email)).messageId();
        String again = InboundClassifier.classify(parse(email)).messageId();
        String other = InboundClassifier.classify(parse(email.replace("see you soon", "see you later"))).messageId();

        assertThat(first).matches("<[0-9a-f]{64}@inbound\\.rapport>").isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void aBrokenBodyStillLeavesAReplyAReply() throws Exception {
        String email = fixture("reply-in-reply-to.eml")
                .replace("Content-Type: text/plain; charset=UTF-8", "Content-Type: multipart/mixed; boundary=\"never-there\"");
        Inbound reply = InboundClassifier.classify(parse(email));

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.references()).hasSize(2);
        assertThat(reply.summary()).isEqualTo("Re: Thank you for your order");
    }

    @Test
    void aDeliveryReportWithoutItsPartsIsUnreadableNotAReply() throws Exception {
        String email = fixture("dsn-failed-headers.eml");
        MimeMessage broken = parse(email.substring(0, email.indexOf("--ndr")) + "nothing here\n");
        assertThatThrownBy(() -> InboundClassifier.classify(broken)).isInstanceOf(MessagingException.class);
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8() throws Exception {
        String email = fixture("reply-plus-address.eml").replace("charset=us-ascii", "charset=x-made-up");
        assertThat(InboundClassifier.classify(parse(email)).summary()).isEqualTo("Thanks, see you soon.");
    }

    @Test
    void aLongAnswerIsShortened() {
        String summary = TextSummary.summarize("word ".repeat(400));
        assertThat(summary).hasSize(TextSummary.MAX_CHARS).endsWith("…");
    }

    @Test
    void aBounceCountsOnlyForTheAddressItsFinalRecipientNames() throws Exception {
        Inbound bounce = classify("dsn-failed-rfc822.eml");

        assertThat(bounce.bounced()).containsExactly("gone@alpha.example");
        assertThat(bounce.bounceOf("gone@alpha.example")).isTrue();
        assertThat(bounce.bounceOf(" Gone@Alpha.Example ")).as("addresses compare without case").isTrue();
        assertThat(bounce.bounceOf("still-here@alpha.example")).isFalse();
        assertThat(bounce.bounceOf(null)).isFalse();
    }

    @Test
    void aBounceOfTheAddressAMessageWasForwardedToIsNoBounceOfTheCustomers() throws Exception {
        Inbound bounce = classify("dsn-forwarded.eml");

        assertThat(bounce.kind()).isEqualTo(Kind.BOUNCE);
        assertThat(bounce.references()).containsExactly("<forwarded-original@rapport.test>");
        assertThat(bounce.bounced()).as("angle brackets removed").containsExactly("old.private@elsewhere.example");
        assertThat(bounce.bounceOf("frank@alpha.example")).isFalse();
    }

    @Test
    void aDelayIsNoBounceOfAnyAddress() throws Exception {
        Inbound delayed = classify("dsn-delayed.eml");

        assertThat(delayed.bounced()).isEmpty();
        assertThat(delayed.bounceOf("anyone@alpha.example")).isFalse();
    }

    @Test
    void textNestedWithinTheCapIsRead() throws Exception {
        Inbound reply = InboundClassifier.classify(parse(nested(TextSummary.MAX_DEPTH, "Deep but fine.")));

        assertThat(reply.summary()).isEqualTo("Deep but fine.");
    }

    @Test
    void partsNestedBeyondTheCapAreNotRead() throws Exception {
        Inbound reply = InboundClassifier.classify(parse(nested(TextSummary.MAX_DEPTH + 1, "Too deep to read.")));

        assertThat(reply.kind()).isEqualTo(Kind.REPLY);
        assertThat(reply.summary()).as("the subject stands in").isEqualTo("Re: nested");
    }

    @Test
    void thousandsOfNestedPartsNeitherOverflowTheStackNorTakeLong() throws Exception {
        MimeMessage poisoned = parse(nested(3000, "bottom"));
        Object[] result = new Object[1];
        // a small stack, as a worker thread may have: without the cap, one frame per level overflows it
        Thread reader = new Thread(null, () -> {
            try {
                result[0] = InboundClassifier.classify(poisoned);
            } catch (Throwable e) {
                result[0] = e;
            }
        }, "small-stack", 256 * 1024);
        long started = System.nanoTime();
        reader.start();
        reader.join(60_000);

        assertThat(result[0]).isInstanceOf(Inbound.class);
        assertThat(((Inbound) result[0]).summary()).isEqualTo("Re: nested");
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(10_000_000_000L);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Inbound classify(String fixture) throws Exception {
        return InboundClassifier.classify(parse(fixture(fixture)));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = InboundClassifierTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A reply whose only text part sits {@code depth} multipart levels down. */
    private static String nested(int depth, String text) {
        StringBuilder email = new StringBuilder("""
                Message-ID: <nested-%d@mail.alpha.example>
                From: alfred@alpha.example
                To: replies@rapport.test
                Subject: Re: nested
                MIME-Version: 1.0
                """.formatted(depth));
        email.append("Content-Type: multipart/mixed; boundary=\"b1\"\n\n");
        for (int level = 1; level < depth; level++) {
            email.append("--b").append(level).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level + 1).append("\"\n\n");
        }
        email.append("--b").append(depth).append("\nContent-Type: text/plain; charset=UTF-8\n\n").append(text).append('\n');
        for (int level = depth; level >= 1; level--) {
            email.append("--b").append(level).append("--\n");
        }
        return email.toString();
    }

    private static MimeMessage parse(String email) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(email.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialized(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
