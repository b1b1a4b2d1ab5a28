package org.rapport.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.outbox.MailSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code .eml} files of the no-SMTP mode that hold erased customers' messages, found by each message's Message-ID
 * as the outbox names them ({@link MailSettings#emlFile}), deleted after the erasure committed (never for a rollback).
 */
@ApplicationScoped
public class EmlFiles {

    private static final Logger LOG = Logger.getLogger(EmlFiles.class.getName());

    @Inject
    ErasureMapper mapper;

    @Inject
    MailSettings settings;

    void deleteOf(Set<Long> customers) {
        for (String messageId : mapper.messageIds(customers)) {
            Path file = settings.emlFile(messageId);
            delete(file);
            delete(file.resolveSibling(file.getFileName() + ".part"));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the erasure stands; the admin is told through the log to remove the file by hand
            LOG.log(Level.WARNING, "Could not delete " + file + " of an erased customer: " + e);
        }
    }
}
