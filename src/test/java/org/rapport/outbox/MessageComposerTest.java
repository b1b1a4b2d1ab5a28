package org.rapport.outbox;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.rapport.mail.RenderedMail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageComposerTest {

    private final Session session = Session.getInstance(new Properties());

    private Envelope envelope(String toName) {
        return new Envelope("<fixed-1@rapport.example>", new Envelope.Address("outreach@rapport.example", "Anna Seller"),
                new Envelope.Address("kunde@example.de", toName),
                List.of(new Envelope.Address("anna@rapport.example", "Anna Seller"), new Envelope.Address("replies+abc@rapport.example", null)),
                Optional.of(new Envelope.ListUnsubscribe("https://rapport.example/u/abc", Optional.of("mailto:replies@rapport.example?subject=unsubscribe%20abc"))),
                Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void everyHeaderIsSetAndTheMessageIdIsTheStoredOne() throws Exception {
        MimeMessage message = reparse(MessageComposer.compose(session, envelope("Jürgen Müller"),
                new RenderedMail("Danke, Jürgen", "<p>Hallo</p>", "Hallo")));
        assertThat(message.getMessageID()).isEqualTo("<fixed-1@rapport.example>");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Anna Seller");
        assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("Jürgen Müller");
        assertThat(message.getReplyTo()).hasSize(2);
        assertThat(message.getSubject()).isEqualTo("Danke, Jürgen");
        assertThat(message.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://rapport.example/u/abc>, <mailto:replies@rapport.example?subject=unsubscribe%20abc>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Multipart parts = (Multipart) message.getContent();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    }

    @Test
    void copiesGoInCcAndANameInACopyNeverMakesAHeader() throws Exception {
        Envelope plain = envelope("Jürgen Müller");
        Envelope copied = new Envelope(plain.messageId(), plain.from(), plain.to(),
                List.of(new Envelope.Address("anna@rapport.example", "Anna Seller"),
                        new Envelope.Address("bernd@rapport.example", "Bernd\r\nBcc: victim@example.com")),
                List.of(new Envelope.Address("kunde@example.de", null), new Envelope.Address("other@example.com", null)),
                Optional.empty(), plain.date());

        MimeMessage message = reparse(MessageComposer.compose(session, copied, new RenderedMail("Hallo", "<p>x</p>", "x")));

        assertThat(message.getRecipients(jakarta.mail.Message.RecipientType.CC)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("anna@rapport.example", "bernd@rapport.example");
        assertThat(message.getRecipients(jakarta.mail.Message.RecipientType.BCC)).isNull();
        assertThat(message.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("kunde@example.de", "other@example.com");
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void lineBreaksInNamesAndSubjectsNeverMakeAHeader() throws Exception {
        MimeMessage composed = MessageComposer.compose(session, envelope("Eve\r\nBcc: victim@example.com"),
                new RenderedMail("Hi\r\nBcc: victim@example.com", "<p>x</p>", "x"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        composed.writeTo(raw);
        String head = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertThat(head).doesNotContain("\r\nBcc:");
        assertThat(reparse(composed).getHeader("Bcc")).isNull();
    }

    @Test
    void anAddressWithALineBreakIsRefused() {
        assertThatThrownBy(() -> MessageComposer.address(new Envelope.Address("a@b.example\r\nBcc: c@d.example", null)))
                .isInstanceOf(AddressException.class);
        assertThatThrownBy(() -> MessageComposer.address(new Envelope.Address("not an address", null)))
                .isInstanceOf(AddressException.class);
    }

    @Test
    void withoutSmtpAMessageBecomesAnEmlFileNamedAfterItsMessageId(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        MimeMessage message = MessageComposer.compose(session, envelope("Kunde"), new RenderedMail("S", "<p>h</p>", "t"));
        try (EmlPostman postman = new EmlPostman(session, folder.resolve("outbox"))) {
            postman.deliver(message);
        }
        Path file = folder.resolve("outbox").resolve("fixed-1@rapport.example.eml");
        assertThat(file).exists();
        try (var in = Files.newInputStream(file)) {
            assertThat(new MimeMessage(session, in).getMessageID()).isEqualTo("<fixed-1@rapport.example>");
        }
        assertThat(Files.list(folder.resolve("outbox")).toList()).hasSize(1);
    }

    private MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
    }
}
