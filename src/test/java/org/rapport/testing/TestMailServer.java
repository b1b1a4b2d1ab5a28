package org.rapport.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * GreenMail (SMTP and IMAP on loopback) for the integration tests, started once per run. Payara sends to the
 * {@link SmtpGate} on {@code rapport.test.smtp.port}, which passes mail on to GreenMail; the reply mailbox
 * ({@code replies}/{@code replies-secret}) is read over IMAP on {@code rapport.test.imap.port}.
 */
public class TestMailServer implements LauncherSessionListener {

    public static final String REPLY_MAILBOX = "replies@rapport.test";

    private static GreenMail greenMail;
    private static SmtpGate gate;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String smtpPort = System.getProperty("rapport.test.smtp.port");
        String imapPort = System.getProperty("rapport.test.imap.port");
        if (smtpPort == null || imapPort == null) {
            return; // unit tests
        }
        try {
            greenMail = new GreenMail(new ServerSetup[]{
                    new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(Integer.parseInt(imapPort), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            greenMail.setUser(REPLY_MAILBOX, "replies", "replies-secret");
            greenMail.start();
            gate = new SmtpGate(Integer.parseInt(smtpPort), greenMail.getSmtp().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GreenMail greenMail() {
        if (greenMail == null) {
            throw new IllegalStateException("GreenMail runs only in the integration tests");
        }
        return greenMail;
    }

    public static SmtpGate gate() {
        return gate;
    }

    /** Delivers {@code email} (headers and body, as written) into the reply mailbox over SMTP, keeping its Message-ID. */
    public static void deliverToReplyMailbox(String email) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(greenMail().getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(email.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            // sendMessage keeps the Message-ID (Transport.send would make a new one)
            transport.sendMessage(message, new Address[]{new InternetAddress(REPLY_MAILBOX)});
        }
    }


    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (gate != null) {
                gate.close();
            }
        } catch (IOException ignored) {
            // shutting down
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
