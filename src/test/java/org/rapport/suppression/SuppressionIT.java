package org.rapport.suppression;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression list on the shared server: an address an admin adds is never made contactable again, by an import
 * (the row is reported by line, with no personal data) or a referral, whatever its case and spaces; only admins reach
 * the list; and what the database keeps of it and of the link key is never plain.
 */
class SuppressionIT {

    private static final String HEADER = "external_id,company,contact_first_name,contact_last_name,email,time_zone,owner";

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void anImportOfASuppressedAddressInAnyCaseStoresNoCustomerAndReportsTheRowByLineWithoutPersonalData() throws Exception {
        String email = Csv.unique("forgotten").toLowerCase(Locale.ROOT) + "@erased.example";
        add(email);
        String kept = Csv.unique("KEPT").toUpperCase(Locale.ROOT);
        String variant = Csv.unique("GONE").toUpperCase(Locale.ROOT);
        String exact = Csv.unique("GONE").toUpperCase(Locale.ROOT);

        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(HEADER,
                kept + ",Kept AG,Karl,Keep," + kept.toLowerCase(Locale.ROOT) + "@kept.example,Europe/Berlin," + team.a,
                variant + ",Gone AG,Greta,Forgotten,\"  " + email.toUpperCase(Locale.ROOT) + " \",Europe/Berlin," + team.a,
                exact + ",Gone AG,Greta,Forgotten," + email + ",Europe/Berlin," + team.a));

        JsonObject report = imported.json();
        assertThat(report.getInt("created")).as(imported.toString()).isEqualTo(1);
        List<JsonObject> rejected = report.getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(r -> r.getInt("line")).containsExactly(3, 4);
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.getString("column")).isEqualTo("email");
            assertThat(r.getString("reason")).isEqualTo("suppressed: this address asked to be forgotten");
        });
        assertThat(imported.body()).as("no personal data in the report").doesNotContainIgnoringCase(email)
                .doesNotContain("Greta").doesNotContain("Forgotten").doesNotContain(variant).doesNotContain(exact);
        assertThat(customerRows(variant, exact)).as("no customer row").isZero();
        assertThat(customerRows(kept)).isEqualTo(1);
    }

    @Test
    void aReferralOfASuppressedAddressIsRefusedToStaffAndNeverPutOnACallList() {
        String email = Csv.unique("jane").toLowerCase(Locale.ROOT) + "@erased.example";
        add(email);

        Api.Reply refused = team.as(team.a).postJson("api/referrals", "{\"customer\":\"" + team.customerOfA
                + "\",\"name\":\"Jane Roe\",\"email\":\" " + email.toUpperCase(Locale.ROOT) + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("email: suppressed: this address asked to be forgotten").doesNotContainIgnoringCase(email);
        assertThat(team.as(team.a).get("api/referrals?customer=" + team.customerOfA).array()).isEmpty();
        assertThat(leads(team.customerOfA)).isEmpty();
    }

    @Test
    void aCustomerRecommendingASuppressedAddressThroughTheirFormIsThankedButNothingIsRecorded() throws Exception {
        String customer = Csv.unique("fan").toUpperCase(Locale.ROOT);
        String email = customer.toLowerCase(Locale.ROOT) + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                customer + ",Fan GmbH,Frieda," + email + ",Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"5\"}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        int id = composed.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));
        String text = (String) ((jakarta.mail.Multipart) Mailbox.single(email).getContent()).getBodyPart(0).getContent();
        Matcher link = Pattern.compile("https?://\\S*/(recommend/[a-z2-7]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String prospect = Csv.unique("prospect").toLowerCase(Locale.ROOT) + "@erased.example";
        add(prospect);

        Api.Reply sent = api.anonymous().post(link.group(1), "application/x-www-form-urlencoded",
                ("name=Jane+Roe&email=" + prospect.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.body()).as("thanked as for anyone").contains("Thank you");
        assertThat(team.as(team.a).get("api/referrals?customer=" + customer).array()).isEmpty();
        assertThat(leads(customer)).isEmpty();
    }

    @Test
    void onlyAnAdminAddsToOrAsksTheListAndAnAnswerIsPerAddressWhateverItsCase() {
        String email = Csv.unique("asked").toLowerCase(Locale.ROOT) + "@erased.example";
        String body = "{\"email\":\"" + email + "\"}";

        assertThat(team.as(team.m).postJson("api/suppression", body).status()).as("a manager adds").isEqualTo(403);
        assertThat(team.as(team.a).postJson("api/suppression", body).status()).as("a salesperson adds").isEqualTo(403);
        assertThat(team.as(team.a).postJson("api/suppression/check", body).status()).as("a salesperson asks").isEqualTo(403);
        assertThat(api.anonymous().postJson("api/suppression/check", body).status()).isEqualTo(401);
        assertThat(api.asAdmin().get("api/suppression").status()).as("no listing, not even for admins").isEqualTo(405);
        assertThat(check(email)).as("a manager's attempt added nothing").isFalse();

        add(email);
        add(email); // again: changes nothing

        assertThat(check("\t" + email.toUpperCase(Locale.ROOT) + " ")).isTrue();
        assertThat(check("other-" + email)).isFalse();
        Api.Reply malformed = api.asAdmin().postJson("api/suppression", "{\"email\":\"not-an-address\"}");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    }

    @Test
    void theDatabaseKeepsNoAddressNorAnyKeyInPlainText() throws Exception {
        String email = Csv.unique("hashed").toLowerCase(Locale.ROOT) + "@erased.example";
        add(email);
        try (Connection db = Admins.database(); Statement query = db.createStatement()) {
            try (ResultSet rs = query.executeQuery("SELECT COUNT(*) FROM suppressed_address WHERE LENGTH(address_hash) <> 32")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("only 32-byte hashes").isZero();
            }
            try (ResultSet rs = query.executeQuery("SELECT secret, sealed FROM link_key WHERE id = 0")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes("secret")).as("the generated link key in plain text").isNull();
                assertThat(rs.getString("sealed")).startsWith("v1.");
            }
            try (ResultSet rs = query.executeQuery("SELECT name, sealed FROM sealed_secret ORDER BY name")) {
                java.util.Set<String> names = new java.util.HashSet<>();
                while (rs.next()) {
                    names.add(rs.getString("name"));
                    assertThat(rs.getString("sealed")).as(rs.getString("name")).startsWith("v1.");
                }
                assertThat(names).contains("master-key-check", "suppression-hash-key");
            }
        }
    }

    private void add(String email) {
        Api.Reply added = api.asAdmin().postJson("api/suppression", "{\"email\":\"" + email + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
    }

    private boolean check(String email) {
        Api.Reply checked = api.asAdmin().postJson("api/suppression/check", "{\"email\":\"" + email.replace("\t", "\\t") + "\"}");
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        return checked.json().getBoolean("suppressed");
    }

    private List<JsonObject> leads(String customer) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("REFERRAL_LEAD")).toList();
    }

    private static int customerRows(String... externalIds) throws SQLException {
        try (Connection db = Admins.database();
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM customer WHERE external_id IN ("
                     + String.join(",", java.util.Collections.nCopies(externalIds.length, "?")) + ")")) {
            for (int i = 0; i < externalIds.length; i++) {
                query.setString(i + 1, externalIds[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
