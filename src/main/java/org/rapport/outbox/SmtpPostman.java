package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends over one SMTP connection, opened on first use and again after the server dropped it. */
final class SmtpPostman implements Postman {

    private static final Logger LOG = Logger.getLogger(SmtpPostman.class.getName());

    private final Session session;
    private final String user;
    private final String password;
    private Transport transport;
    private boolean unreachable;

    SmtpPostman(Session session, String user, String password) {
        this.session = session;
        this.user = user;
        this.password = password;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void connect() throws MessagingException {
        if (transport != null && transport.isConnected()) { // pings the server (NOOP)
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
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        if (transport == null) {
            connect();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
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
