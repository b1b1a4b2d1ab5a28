package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Without an SMTP server (the demo), each message becomes an {@code .eml} file that any mail program opens, named after
 * its outbox row. Written to a temporary name and moved, so a file that exists is complete.
 */
final class EmlPostman implements Postman {

    private final Session session;
    private final Path folder;

    EmlPostman(Session session, Path folder) {
        this.session = session;
        this.folder = folder;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void deliver(MimeMessage message) throws MessagingException {
        try {
            Files.createDirectories(folder);
            String name = fileName(message);
            Path partial = folder.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("Could not write the message to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String fileName(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        return id == null ? System.nanoTime() + ".eml" : EmlFiles.name(id);
    }

    @Override
    public void close() {
        // nothing held open
    }
}
