package org.rapport.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Set-up for the tests of a run over every salesperson with an email in the shared database (the daily digests, the
 * weekly netweaving report): by the end of a full run there are about a thousand, each run builds a list or a report
 * for every one (about 11 s) and queues their mail ahead of this test's and the next tests'. The salespeople of the
 * tests before are done with (API tests run one at a time), so they lose their email, as {@link TestDatabase} does for
 * the salespeople of earlier runs.
 */
public final class Salespeople {

    private Salespeople() {
    }

    /** Every salesperson but {@code externalIds} loses their email address. */
    public static void onlyTheseHaveAnEmail(String... externalIds) {
        String others = String.join(",", Collections.nCopies(externalIds.length, "?"));
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement retire = db.prepareStatement(
                     "UPDATE salesperson SET email = NULL WHERE email IS NOT NULL AND external_id NOT IN (" + others + ")")) {
            for (int i = 0; i < externalIds.length; i++) {
                retire.setString(i + 1, externalIds[i]);
            }
            retire.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot retire the other salespeople's email addresses", e);
        }
    }
}
