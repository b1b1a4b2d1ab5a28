package org.rapport.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The enabled admins of the shared test database, for the tests of "the last enabled admin": other tests leave admins
 * behind, so such a test sets them aside (disabled) and {@link #restore}s them, with the ones it names, afterwards.
 */
public final class Admins {

    private Admins() {
    }

    /** Disables every enabled admin but {@code kept}; answers the ones it disabled. */
    public static List<String> setAsideAllBut(String... kept) throws SQLException {
        List<String> others = new ArrayList<>(enabled());
        others.removeAll(List.of(kept));
        try (Connection db = database();
             PreparedStatement disable = db.prepareStatement("UPDATE app_user SET enabled = FALSE WHERE username = ?")) {
            for (String username : others) {
                disable.setString(1, username);
                disable.executeUpdate();
            }
        }
        return others;
    }

    /** Makes each login an enabled admin again (acting for no salesperson). */
    public static void restore(List<String> usernames) throws SQLException {
        try (Connection db = database();
             PreparedStatement restore = db.prepareStatement(
                     "UPDATE app_user SET role = 'ADMIN', salesperson_id = NULL, enabled = TRUE WHERE username = ?")) {
            for (String username : usernames) {
                restore.setString(1, username);
                restore.executeUpdate();
            }
        }
    }

    public static List<String> enabled() throws SQLException {
        List<String> admins = new ArrayList<>();
        try (Connection db = database();
             Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled")) {
            while (rows.next()) {
                admins.add(rows.getString(1));
            }
        }
        return admins;
    }

    public static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }
}
