package org.rapport.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The master key kept in the data directory when {@code RAPPORT_SECRET_KEY} is not set: generated once, then read at
 * every start. The file is owner-only ({@code rw-------}) from the moment it exists: it is written under a temporary name
 * created with those permissions and then linked to its name, which fails if the name is taken, so a reader never sees
 * it half written or readable by others, and two starts racing keep one key. An existing file that others can read or
 * write is refused, not used: its key may have leaked.
 */
final class KeyFile {

    static final String NAME = "secret.key";
    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /** The key in {@code dataDir}'s key file, generated there first when the file does not exist. */
    static MasterKey readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME).toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            requireOwnerOnly(file);
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII), "The master key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("The master key file " + file + " cannot be read or created (" + e.getMessage()
                    + "); set RAPPORT_SECRET_KEY instead", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!posix(file.getParent())) {
            throw new IllegalStateException("The data directory " + file.getParent() + " has no POSIX permissions, so "
                    + "a key file there could not be kept owner-only: set RAPPORT_SECRET_KEY (rapport.secret.key) to the "
                    + "base64 of 32 random bytes instead");
        }
        Path temporary = Files.createTempFile(file.getParent(), ".secret-key-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temporary, MasterKey.generate().base64() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                // another start made it first: theirs is kept and read
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return; // nothing to check here; create() refuses to make a key file on such a file system
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("The master key file " + file + " is open to other users ("
                    + PosixFilePermissions.toString(permissions) + "), so its key may have leaked; make it owner-only "
                    + "(chmod 600 " + file + ") if you are sure it has not, or set RAPPORT_SECRET_KEY");
        }
    }
}
