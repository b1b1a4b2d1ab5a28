package org.rapport.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.outbox.EmlFiles;
import org.rapport.outbox.MailSettings;

import java.io.UncheckedIOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code .eml} files of the no-SMTP mode that hold erased customers' messages, found by each message's Message-ID
 * as the outbox names them ({@link EmlFiles}), deleted after the erasure committed (never for a rollback).
 */
@ApplicationScoped
public class ErasedMailFiles {

    private static final Logger LOG = Logger.getLogger(ErasedMailFiles.class.getName());

    @Inject
    ErasureMapper mapper;

    @Inject
    MailSettings settings;

    void deleteOf(Set<Long> customers) {
        for (String messageId : mapper.messageIds(customers)) {
            try {
                EmlFiles.delete(settings.emlFolder(), messageId);
            } catch (UncheckedIOException e) {
                // the erasure stands; the log tells the admin which file to remove by hand
                LOG.log(Level.WARNING, "A file of an erased customer is left: " + e.getMessage(), e);
            }
        }
    }
}
