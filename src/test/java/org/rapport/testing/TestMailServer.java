package org.rapport.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;

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
