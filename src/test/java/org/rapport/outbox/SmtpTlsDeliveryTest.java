package org.rapport.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.rapport.testing.Eventually;
import org.rapport.testing.TestCertificates;
import org.rapport.testing.TlsFront;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code RAPPORT_SMTP_TLS} on the wire: the postman the dispatcher uses ({@link Postmen#open()}, configured from
 * {@link MailSettings} exactly as in the service) against GreenMail on loopback, with a certificate issued to 127.0.0.1
 * that this JVM trusts through {@code javax.net.ssl.trustStore}, as the README tells an operator to. GreenMail serves
 * SMTPS itself; STARTTLS, which it does not offer, comes from a {@link TlsFront} that refuses mail before the upgrade.
 */
// sets the JVM-wide trust store: no other test class may run beside it
@Isolated
class SmtpTlsDeliveryTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.get().trustedByThisJvm().servedByGreenMail();

    private static GreenMail greenMail;

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        greenMail.start();
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    @Test
    void starttlsUpgradesTheConnectionBeforeAnyMailIsSent() throws Exception {
        try (TlsFront front = TlsFront.startTls(CERTIFICATES.loopbackServer(), greenMail.getSmtp().getPort());
             Postman postman = postman(SmtpTls.STARTTLS, front.port())) {
            postman.deliver(message(postman, "starttls@customers.example", "First over STARTTLS"));
            postman.deliver(message(postman, "starttls@customers.example", "Second over STARTTLS"));

            assertThat(subjects("starttls@customers.example")).containsExactly("First over STARTTLS", "Second over STARTTLS");
            assertThat(front.tlsSessions()).as("one connection, upgraded, then reused").hasSize(1)
                    .allSatisfy(protocol -> assertThat(protocol).startsWith("TLSv1."));
            assertThat(front.refusedInPlainText()).isEmpty();
        }
    }

    @Test
    void theStarttlsServerOfTheseTestsTakesNoMailInPlainText() throws Exception {
        // the control for the test above: had the postman not upgraded, the front would have refused the mail
        try (TlsFront front = TlsFront.startTls(CERTIFICATES.loopbackServer(), greenMail.getSmtp().getPort());
             Postman postman = postman(SmtpTls.NONE, front.port())) {
            assertThatThrownBy(() -> postman.deliver(message(postman, "plain@customers.example", "In plain text")))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("530");
            assertThat(front.refusedInPlainText()).anyMatch(command -> command.startsWith("MAIL FROM"));
            assertThat(front.tlsSessions()).isEmpty();
            assertThat(subjects("plain@customers.example")).isEmpty();
        }
    }

    @Test
    void starttlsIsRequiredSoAServerThatDoesNotOfferItGetsNothing() throws Exception {
        // GreenMail's own SMTP offers no STARTTLS: the postman must not fall back to plain text
        try (Postman postman = postman(SmtpTls.STARTTLS, greenMail.getSmtp().getPort())) {
            assertThatThrownBy(() -> postman.deliver(message(postman, "nostarttls@customers.example", "Never in plain text")))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("STARTTLS");
        }
        assertThat(subjects("nostarttls@customers.example")).isEmpty();
    }

    @Test
    void starttlsRefusesATrustedCertificateIssuedToAnotherName() throws Exception {
        try (TlsFront front = TlsFront.startTls(CERTIFICATES.otherNameServer(), greenMail.getSmtp().getPort());
             Postman postman = postman(SmtpTls.STARTTLS, front.port())) {
            assertThatThrownBy(() -> postman.deliver(message(postman, "othername@customers.example", "Wrong server")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c.contains("127.0.0.1")));
            assertThat(front.tlsSessions()).isEmpty();
            Eventually.soon().until(() -> !front.failedHandshakes().isEmpty());
        }
        assertThat(subjects("othername@customers.example")).isEmpty();
    }

    @Test
    void starttlsRefusesACertificateNobodyTrusts() throws Exception {
        try (TlsFront front = TlsFront.startTls(TestCertificates.untrustedServer(), greenMail.getSmtp().getPort());
             Postman postman = postman(SmtpTls.STARTTLS, front.port())) {
            assertThatThrownBy(() -> postman.deliver(message(postman, "untrusted@customers.example", "Self-signed server")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c.contains("PKIX")));
            assertThat(front.tlsSessions()).isEmpty();
        }
        assertThat(subjects("untrusted@customers.example")).isEmpty();
    }

    @Test
    void tlsSpeaksTlsFromTheFirstByte() throws Exception {
        int smtps = greenMail.getSmtps().getPort();
        try (Postman postman = postman(SmtpTls.TLS, smtps)) {
            postman.deliver(message(postman, "smtps@customers.example", "Over implicit TLS"));
        }
        assertThat(subjects("smtps@customers.example")).containsExactly("Over implicit TLS");

        // the control: the same port takes nothing from a client that does not speak TLS at once
        try (Postman plain = postman(SmtpTls.NONE, smtps)) {
            assertThatThrownBy(() -> plain.deliver(message(plain, "smtps-plain@customers.example", "In plain text")))
                    .isInstanceOf(MessagingException.class);
        }
        assertThat(subjects("smtps-plain@customers.example")).isEmpty();
    }

    @Test
    void tlsRefusesATrustedCertificateIssuedToAnotherName() throws Exception {
        try (TlsFront front = TlsFront.implicit(CERTIFICATES.otherNameServer(), greenMail.getSmtp().getPort());
             Postman postman = postman(SmtpTls.TLS, front.port())) {
            assertThatThrownBy(() -> postman.deliver(message(postman, "smtps-other@customers.example", "Wrong server")))
                    .isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c.contains("127.0.0.1")));
            assertThat(front.tlsSessions()).isEmpty();
        }
        assertThat(subjects("smtps-other@customers.example")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The dispatcher's postman for this setting, made the way the service makes it. */
    private static Postman postman(SmtpTls tls, int port) {
        MailSettings settings = new MailSettings();
        settings.smtpTls = tls;
        settings.smtpHost = Optional.of("127.0.0.1");
        settings.smtpPort = port;
        settings.smtpUser = Optional.empty();
        settings.smtpPassword = Optional.empty();
        settings.from = "outreach@rapport.test";
        settings.connectTimeoutMs = 5_000;
        settings.readTimeoutMs = 2_000;
        settings.writeTimeoutMs = 5_000;
        settings.dataDir = System.getProperty("java.io.tmpdir");
        Postmen postmen = new Postmen();
        postmen.settings = settings;
        postmen.init();
        Postman postman = postmen.open();
        assertThat(postman).isInstanceOf(SmtpPostman.class);
        return postman;
    }

    private static MimeMessage message(Postman postman, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(postman.session());
        message.setFrom(new InternetAddress("outreach@rapport.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello");
        message.saveChanges();
        return message;
    }

    private static List<String> subjects(String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The messages of the exception and all its causes and nested exceptions. */
    private static List<String> causes(Throwable e) {
        List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof MessagingException m ? m.getNextException() : null) {
            messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
            if (messages.size() > 20) {
                break;
            }
        }
        return messages;
    }
}
