package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Delivers composed messages; one per dispatcher thread, so an SMTP connection is reused across messages. */
public interface Postman extends AutoCloseable {

    Session session();

    void deliver(MimeMessage message) throws MessagingException;

    /** True after the server could not be reached at all: the rest of a batch waits instead of trying one by one. */
    default boolean unreachable() {
        return false;
    }

    @Override
    void close();
}
