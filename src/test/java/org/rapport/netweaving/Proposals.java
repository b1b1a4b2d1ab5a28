package org.rapport.netweaving;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up of the netweaving pages' tests and of AuditIT ({@code @RegisterExtension}): fresh teams whose customers a matching run
 * pairs into PROPOSED introductions, and rewards proposed for their customers. After each test their customers are
 * retired, as IntroductionIT does: an approval asks the customers for consent, and no later test should mail them.
 */
public final class Proposals implements AfterEachCallback {

    /** The stages an approved introduction may be in by the time a test looks (what follows approval is not ours). */
    static final Set<String> APPROVED_OR_LATER = Set.of("APPROVED", "CONSENT_REQUESTED_FIRST");

    private final Api admin;
    private final Api api;
    private final List<Team> teams = new ArrayList<>();
    private final List<Long> inserted = new ArrayList<>();

    public Proposals(Api api) {
        this.api = api;
        this.admin = api.asAdmin();
    }

    public Team team() {
        Team team = new Team(api);
        teams.add(team);
        return team;
    }

    /** As IntroductionIT: a customer of a ({@code X}) who needs what a customer of b ({@code Y}) offers, matched by a run; its id. */
    public long introduction(Team team) {
        return introduction(team, "");
    }

    /**
     * Another such pair of the team's, {@code X<pair>} needing what {@code Y<pair>} offers (companies "{@code <tag> X<pair>}"
     * and "{@code <tag> Y<pair>}"), for a category of its own, so that it matches no other pair.
     */
    public long introduction(Team team, String pair) {
        String code = team.tag.toLowerCase(Locale.ROOT) + "-l" + pair;
        Api.Reply category = admin.postCsv("api/import/categories", Csv.lines("code,name", code + ",Logistics " + team.tag + pair));
        assertThat(category.json().getJsonArray("rejected")).as(category.toString()).isEmpty();
        String x = team.tag + "-X" + pair;
        Api.Reply customers = admin.postCsv("api/import/customers", Csv.lines(
                "owner,external_id,company,region,offers,needs,intro_ok,email,time_zone",
                team.a + "," + x + "," + team.tag + " X" + pair + ",DE-BE,," + code + ",true,x" + pair + "@" + team.tag + ".example,Europe/Berlin",
                team.b + "," + team.tag + "-Y" + pair + "," + team.tag + " Y" + pair + ",DE-BE," + code + ",,true,y" + pair + "@"
                        + team.tag + ".example,Europe/Berlin"));
        assertThat(customers.json().getJsonArray("rejected")).as(customers.toString()).isEmpty();
        Api.Reply run = admin.postJson("api/introductions/match", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        List<JsonObject> mine = admin.get("api/introductions?owner=" + team.a).array().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonObject("first").getString("customer").equals(x)).toList();
        assertThat(mine).as(mine.toString()).hasSize(1);
        assertThat(mine.get(0).getString("stage")).isEqualTo("PROPOSED");
        return mine.get(0).getJsonNumber("id").longValue();
    }

    /** A reward for {@code customer} proposed by salesperson {@code proposer} of the team; its id. */
    public long reward(Team team, String proposer, String customer, String subject) {
        Api.Reply proposed = team.as(proposer).postJson("api/rewards", Json.createObjectBuilder().add("customer", customer)
                .add("kind", "REFERRAL_CONVERTED").add("subject", subject).add("reason", "recommending " + subject).build().toString());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().getJsonNumber("id").longValue();
    }

    /**
     * {@code count} PROPOSED introductions between two customers written straight into the database, newer than any
     * made so far, the first side already approved or not: many proposals at once, more than a page lists. Removed
     * after the test.
     */
    void proposed(String firstCustomer, String secondCustomer, boolean firstApproved, int count) throws SQLException {
        try (Connection db = database();
             PreparedStatement insert = db.prepareStatement("INSERT INTO introduction (first_customer_id, second_customer_id, "
                     + "stage, stage_since, first_needs, score, explanation, first_approved, proposed_at) "
                     + "SELECT f.id, s.id, 'PROPOSED', UTC_TIMESTAMP(3), 'x', 50, 'written by the test', ?, UTC_TIMESTAMP(3) "
                     + "FROM customer f, customer s WHERE f.external_id = ? AND s.external_id = ?",
                     java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int n = 0; n < count; n++) {
                insert.setBoolean(1, firstApproved);
                insert.setString(2, firstCustomer);
                insert.setString(3, secondCustomer);
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (java.sql.ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    inserted.add(key.getLong(1));
                }
            }
        }
    }

    String rewardStatus(long id) {
        return admin.get("api/rewards/" + id).json().getString("status");
    }

    /** Marks every customer of the teams made here do-not-contact, and removes the introductions written here. */
    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        try (Connection db = database();
             PreparedStatement retire = db.prepareStatement("UPDATE customer SET do_not_contact = TRUE WHERE external_id LIKE ?");
             PreparedStatement remove = db.prepareStatement("DELETE FROM introduction WHERE id = ?")) {
            for (Team team : teams) {
                retire.setString(1, team.tag + "-%");
                retire.executeUpdate();
            }
            for (long id : inserted) {
                remove.setLong(1, id);
                remove.addBatch();
            }
            remove.executeBatch();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }
}
