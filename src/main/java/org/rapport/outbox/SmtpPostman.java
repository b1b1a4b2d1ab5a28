package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends over one SMTP connection, opened on first use and again after the server dropped it. */
final class SmtpPostman implements Postman {

    private static final Logger LOG = Logger.getLogger(SmtpPostman.class.getName());

    /**
     * How long after the server's last answer the connection counts as alive without asking: a server that went silent
     * within this second is as likely as one going silent between a NOOP and the message, and either is bounded by the
     * read timeout. A connection idle for longer (between drains' batches, behind the throttle) is pinged first.
     */
    static final long ANSWERED_RECENTLY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Session session;
    private final String user;
    private final String password;
    private Transport transport;
    private boolean unreachable;
    // the monotonic time (nanoTime) of the server's last answer that ended well (the connection, a NOOP, a message accepted)
    private long answeredAt;

    private final LongSupplier nanoTime;

    SmtpPostman(Session session, String user, String password) {
        this(session, user, password, System::nanoTime);
    }

    SmtpPostman(Session session, String user, String password, LongSupplier nanoTime) {
        this.session = session;
        this.user = user;
        this.password = password;
        this.nanoTime = nanoTime;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void connect() throws MessagingException {
        if (transport != null && nanoTime.getAsLong() - answeredAt < ANSWERED_RECENTLY_NANOS) {
            return;
        }
        if (transport != null && transport.isConnected()) { // pings the server (NOOP)
            answeredAt = nanoTime.getAsLong();
            return;
        }
        close();
        Transport opened = session.getTransport();
        try {
            opened.connect(user, password);
        } catch (MessagingException e) {
            unreachable = true;
            throw e;
        }
        transport = opened;
        unreachable = false;
        answeredAt = nanoTime.getAsLong();
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        if (transport == null) {
            connect();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            answeredAt = nanoTime.getAsLong();
        } catch (MessagingException e) {
            if (!transport.isConnected()) {
                close();
            }
            throw e;
        }
    }

    @Override
    public boolean unreachable() {
        return unreachable;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "SMTP connection did not close cleanly", e);
            }
            transport = null;
        }
    }
}
