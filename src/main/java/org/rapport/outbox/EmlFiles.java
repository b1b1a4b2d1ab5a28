package org.rapport.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .eml} file a message became in the no-SMTP mode ({@link EmlPostman}): named after its Message-ID. */
public final class EmlFiles {

    private EmlFiles() {
    }

    /** The file name of the message with this Message-ID: the ID without the characters a file name should not hold. */
    static String name(String messageId) {
        return messageId.replaceAll("[^A-Za-z0-9.@-]", "") + ".eml";
    }

    /** Deletes the message's file in {@code folder}, if there is one; true when it was there. */
    public static boolean delete(Path folder, String messageId) {
        try {
            return Files.deleteIfExists(folder.resolve(name(messageId)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the .eml file of " + messageId + " in " + folder, e);
        }
    }
}
