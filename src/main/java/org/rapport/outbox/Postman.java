package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Delivers composed messages; one per dispatcher thread, so an SMTP connection is reused across messages. */
public interface Postman extends AutoCloseable {

    Session session();

    /**
     * Opens the connection, or checks the open one is alive, before a message is taken: a server that does not answer
     * then holds up this dispatcher only, never a row an unsubscribe waits for.
     */
    default void connect() throws MessagingException {
    }

    void deliver(MimeMessage message) throws MessagingException;

    /** True after the server could not be reached at all: the rest of a batch waits instead of trying one by one. */
    default boolean unreachable() {
        return false;
    }

    @Override
    void close();
}
