package org.rapport.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.rapport.launcher.EmbeddedDatabase;

import java.nio.file.Path;

/**
 * Starts the embedded MariaDB once per integration-test run, on the port the build reserved (the shared
 * {@link TestServer}, started later, inherits {@code RAPPORT_DB_URL} pointing there), and stops it at the end, after the
 * server. With {@code RAPPORT_TEST_DB_URL} set the tests use that server instead and nothing is started.
 */
public class TestDatabase implements LauncherSessionListener {

    private EmbeddedDatabase db;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String port = System.getProperty("rapport.test.db.port");
        String external = System.getenv("RAPPORT_TEST_DB_URL");
        if (port == null || (external != null && !external.isBlank())) {
            return; // unit tests, or an external server
        }
        db = EmbeddedDatabase.start(Path.of("target/it-db"), Integer.parseInt(port), "256M");
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "test-db-stop")); // a run cut short
        forgetComposeCounts(db.jdbcUrl());
        retireEarlierRuns(db.jdbcUrl());
    }

    /**
     * The customers an earlier run left in a kept database are never contacted again, and mail still waiting for them is
     * dropped. Otherwise the first full plan of this run (PlanningIT plans every customer) queues thousands of emails
     * to them, and tests that wait for their own message to go (UnsubscribeRaceIT) wait behind that backlog. Their
     * salespeople lose their email address, so the digest and weekly-report runs of this run (CallListIT runs every
     * salesperson's) build no mail for them.
     */
    private static void retireEarlierRuns(String url) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "root", "");
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE customer SET do_not_contact = TRUE WHERE do_not_contact = FALSE");
            s.executeUpdate("UPDATE salesperson SET email = NULL WHERE email IS NOT NULL");
            s.executeUpdate("UPDATE outbox_message SET status = 'SUPPRESSED', last_error = 'left by an earlier test run' "
                    + "WHERE status IN ('PENDING', 'SENDING')");
        } catch (java.sql.SQLSyntaxErrorException notMigratedYet) {
            // a fresh database: nothing left
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot retire the customers of earlier runs in the test database", e);
        }
    }

    /**
     * The database outlives a run (without {@code clean}), and the tests compose hundreds of emails a run as the one
     * admin login, which the daily compose cap counts: each run starts with none counted, as a new day would.
     */
    private static void forgetComposeCounts(String url) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "root", "");
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM mail_compose_count");
        } catch (java.sql.SQLSyntaxErrorException notMigratedYet) {
            // a fresh database: nothing counted
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reset the compose counts of the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestServer.stop(); // the application first, the database last
        if (db != null) {
            db.close();
        }
    }
}
