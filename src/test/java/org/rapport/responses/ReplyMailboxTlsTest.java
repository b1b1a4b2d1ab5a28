package org.rapport.responses;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.rapport.testing.Eventually;
import org.rapport.testing.TestCertificates;
import org.rapport.testing.TlsFront;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code RAPPORT_IMAP_TLS} on the wire: the reply-mailbox reader itself ({@link ReplyMailbox#readNew()}, configured from
 * {@link ImapSettings} as in the service) against GreenMail on loopback, with a certificate issued to 127.0.0.1 that
 * this JVM trusts through {@code javax.net.ssl.trustStore}, as the README tells an operator to. Each email here names
 * none of our messages, so the reader handles it (classifies it, flags it \Seen) without a database: its database
 * collaborators are left out, and an email that reached them would fail the test.
 */
// sets the JVM-wide trust store: no other test class may run beside it
@Isolated
class ReplyMailboxTlsTest {

    private static final TestCertificates CERTIFICATES = TestCertificates.get().trustedByThisJvm().servedByGreenMail();
    private static final String MAILBOX = "replies@rapport.test";
    /** Held here: the logging framework keeps loggers only weakly, and a new one would not have our handler. */
    private static final Logger READER_LOG = Logger.getLogger(ReplyMailbox.class.getName());

    private static GreenMail greenMail;
    private static GreenMailUser user;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler logged = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
        greenMail.start();
        user = greenMail.setUser(MAILBOX, "replies", "replies-secret");
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    @BeforeEach
    void listen() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        READER_LOG.addHandler(logged);
    }

    @AfterEach
    void stopListening() {
        READER_LOG.removeHandler(logged);
    }

    @Test
    void sslReadsTheReplyMailboxOverImplicitTls() throws Exception {
        String id = deliver();

        Map<ReplyMailbox.Outcome, Integer> tally = reader("ssl", greenMail.getImaps().getPort()).readNew();

        assertThat(tally).containsExactly(entry(ReplyMailbox.Outcome.NOT_OURS, 1));
        assertThat(seen(id)).as("flagged \\Seen over the TLS connection").isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theImapsPortOfTheseTestsReadsNothingForAPlainClient() throws Exception {
        // the control for the test above: a reader that did not speak TLS at once would read nothing there
        String id = deliver();

        assertThat(reader("none", greenMail.getImaps().getPort()).readNew()).isEmpty();

        assertThat(seen(id)).isFalse();
        assertThat(warnings).singleElement().asString().contains("could not be read");
    }

    @Test
    void sslRefusesATrustedCertificateIssuedToAnotherName() throws Exception {
        String id = deliver();
        try (TlsFront front = TlsFront.implicit(CERTIFICATES.otherNameServer(), greenMail.getImap().getPort())) {
            assertThat(reader("ssl", front.port()).readNew()).isEmpty();

            assertThat(front.tlsSessions()).isEmpty();
            Eventually.soon().until(() -> !front.failedHandshakes().isEmpty());
        }
        assertThat(seen(id)).isFalse();
        assertThat(warnings).singleElement().asString().contains("could not be read").contains("127.0.0.1");
    }

    @Test
    void sslRefusesACertificateNobodyTrusts() throws Exception {
        String id = deliver();
        try (TlsFront front = TlsFront.implicit(TestCertificates.untrustedServer(), greenMail.getImap().getPort())) {
            assertThat(reader("ssl", front.port()).readNew()).isEmpty();
            assertThat(front.tlsSessions()).isEmpty();
        }
        assertThat(seen(id)).isFalse();
        assertThat(warnings).singleElement().asString().contains("could not be read").contains("PKIX");
    }

    @Test
    void starttlsIsRequiredSoAMailboxThatDoesNotOfferItIsNotRead() throws Exception {
        // GreenMail's IMAP offers no STARTTLS: the reader must not log in in plain text
        String id = deliver();

        assertThat(reader("starttls", greenMail.getImap().getPort()).readNew()).isEmpty();

        assertThat(seen(id)).isFalse();
        assertThat(warnings).singleElement().asString().contains("could not be read").contains("STARTTLS");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The reader as the service makes it, for this setting. */
    private static ReplyMailbox reader(String tls, int port) {
        ImapSettings settings = new ImapSettings();
        settings.host = Optional.of("127.0.0.1");
        settings.port = port;
        settings.user = Optional.of("replies");
        settings.password = Optional.of("replies-secret");
        settings.tls = tls;
        settings.folder = "INBOX";
        settings.connectTimeoutMs = 5_000;
        settings.readTimeoutMs = 2_000;
        settings.writeTimeoutMs = 5_000;
        ReplyMailbox reader = new ReplyMailbox();
        reader.settings = settings;
        reader.clock = Clock.systemUTC();
        reader.init();
        return reader;
    }

    /** A customer's email that names none of our messages, into the mailbox; its Message-ID. */
    private static String deliver() throws Exception {
        String id = "<" + UUID.randomUUID() + "@customers.example>";
        MimeMessage email = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        email.setFrom(new InternetAddress("someone@customers.example"));
        email.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        email.setSubject("A question");
        email.setText("Hello, is anybody there?");
        email.saveChanges();
        user.deliver(email);
        return id;
    }

    private static boolean seen(String messageId) throws Exception {
        List<StoredMessage> copies = greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .filter(m -> {
                    try {
                        return messageId.equals(m.getMimeMessage().getMessageID());
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        assertThat(copies).as("the email is in the mailbox").hasSize(1);
        return copies.get(0).getFlags().contains(Flags.Flag.SEEN);
    }
}
