package org.rapport.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.testing.UnderTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master key file of an instance without RAPPORT_SECRET_KEY: generated once, owner-only, refused when open to others. */
class KeyFileTest {

    @TempDir(factory = UnderTarget.class)
    Path dataDir;

    @Test
    void theFirstStartGeneratesAnOwnerOnlyKeyFileAndLaterStartsReadTheSameKey() throws IOException {
        MasterKey generated = KeyFile.readOrCreate(dataDir);

        Path file = dataDir.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFile.readOrCreate(dataDir).id()).isEqualTo(generated.id());
        try (var left = Files.list(dataDir)) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void theDataDirectoryIsCreatedWhenMissing() {
        assertThat(KeyFile.readOrCreate(dataDir.resolve("new/dir")).id()).hasSize(16);
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedNamingTheFileAndTheFix() throws IOException {
        KeyFile.readOrCreate(dataDir);
        Path file = dataDir.resolve("secret.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFile.readOrCreate(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600").hasMessageContaining("RAPPORT_SECRET_KEY");
    }

    @Test
    void aKeyFileTheGroupCanWriteIsRefusedToo() throws IOException {
        KeyFile.readOrCreate(dataDir);
        Files.setPosixFilePermissions(dataDir.resolve("secret.key"), PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> KeyFile.readOrCreate(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("open to other users");
    }

    @Test
    void aKeyFileWithAShortKeyIsRefusedNamingTheFile() throws IOException {
        Path file = dataDir.resolve("secret.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(KeyFile.OWNER_ONLY));
        Files.writeString(file, "c2hvcnQ=\n");

        assertThatThrownBy(() -> KeyFile.readOrCreate(dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The master key file " + file.toAbsolutePath().normalize() + " holds 5 bytes");
    }
}
