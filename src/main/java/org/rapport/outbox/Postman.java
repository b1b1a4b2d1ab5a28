package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Delivers composed messages; one per dispatcher thread, so an SMTP connection is reused across messages. */
public interface Postman extends AutoCloseable {

    Session session();

    void deliver(MimeMessage message) throws MessagingException;

    @Override
    void close();
}
