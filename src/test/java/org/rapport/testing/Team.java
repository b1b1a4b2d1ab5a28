package org.rapport.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small team made through the public API, with ids unique to this instance: manager {@code m} leads salespeople
 * {@code a} and {@code b}; manager {@code m2} leads {@code c}. Each salesperson owns one customer; a, b, m and c have logins.
 */
public final class Team {

    public static final String PASSWORD = "correct-horse-battery";

    public final String tag = Csv.unique("t");
    public final String m = tag + "-M";
    public final String a = tag + "-A";
    public final String b = tag + "-B";
    public final String m2 = tag + "-M2";
    public final String c = tag + "-C";
    public final String customerOfA = tag + "-CA";
    public final String customerOfB = tag + "-CB";
    public final String customerOfC = tag + "-CC";

    private final Api api;

    public Team(Api api) {
        this.api = api;
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                m + ",Maria Manager,maria@example.com,Europe/Berlin,DE-BE,20,MON-FRI,MANAGER,,",
                a + ",Anna Seller,anna@example.com,Europe/Berlin,DE-BE,20,MON-FRI,SALES," + m + "," + b,
                b + ",Bernd Seller,bernd@example.com,Europe/Berlin,DE-BE,20,MON-FRI,SALES," + m + "," + a,
                m2 + ",Otto Other,otto@example.com,America/New_York,US-NY,20,MON-FRI,MANAGER,,",
                c + ",Carla Seller,carla@example.com,America/New_York,US-NY,20,MON-FRI,SALES," + m2 + ","));
        assertThat(people.status()).as(people.toString()).isEqualTo(200);
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        Api.Reply customers = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner",
                customerOfA + ",Alpha GmbH,Alfred,alfred@alpha.example,Europe/Berlin," + a,
                customerOfB + ",Beta KG,Berta,berta@beta.example,Europe/Berlin," + b,
                customerOfC + ",Gamma Inc,Gary,gary@gamma.example,America/New_York," + c));
        assertThat(customers.status()).as(customers.toString()).isEqualTo(200);
        assertThat(customers.json().getInt("created")).as(customers.toString()).isEqualTo(3);
        login(a, "SALES");
        login(b, "SALES");
        login(c, "SALES");
        login(m, "MANAGER");
    }

    private void login(String salesperson, String role) {
        login(salesperson, role, salesperson);
    }

    private void login(String username, String role, String salesperson) {
        Api.Reply created = api.asAdmin().postJson("api/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"salesperson\":\"" + salesperson + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /**
     * A new SALES or MANAGER login that acts for no salesperson; its user name. The API refuses to create one, but a
     * demo login whose salesperson is missing or a row from before that rule looks like this, so the link is cut in the
     * database after the login is made (before its first use, so no cache knows the old link).
     */
    public String loginWithoutSalesperson(String role) {
        String username = Csv.unique("nobody-" + role.toLowerCase(java.util.Locale.ROOT));
        login(username, role, m2);
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement unlink = db.prepareStatement("UPDATE app_user SET salesperson_id = NULL WHERE username = ?")) {
            unlink.setString(1, username);
            assertThat(unlink.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return username;
    }

    /**
     * Checks that {@code page} is for managers (and admins): salesperson a's login gets 403 and no link to it on their
     * home page; manager m's gets the page, with the link in the page header.
     */
    public void assertManagersOnly(String page) {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(a, PASSWORD);
        assertThat(seller.get(page).status()).isEqualTo(403);
        assertThat(seller.get("today").body()).as("no link to a page they may not open").doesNotContain("/" + page + "\"");

        PageSession manager = PageSession.onTestServer();
        manager.signIn(m, PASSWORD);
        PageSession.Page shown = manager.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("/" + page + "\"");
    }

    /** The API as one of this team's logins. */
    public Api as(String salesperson) {
        return api.as(salesperson, PASSWORD);
    }
}
