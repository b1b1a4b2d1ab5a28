package org.rapport.referrals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers who recommend a prospect: {@code POST /api/referrals}, the lead it plans, and the credit on conversion. */
class ReferralIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aRecommendationIsALeadOnTheSalespersonsListAndCreditsTheReferrerWhenTheProspectBecomesACustomer() {
        String email = Csv.unique("jane") + "@foo.example";
        Api.Reply recorded = team.as(team.a).postJson("api/referrals", "{\"customer\":\"" + team.customerOfA
                + "\",\"name\":\"Jane Roe\",\"company\":\"Foo GmbH\",\"phone\":\"+49 30 1234\",\"email\":\"" + email + "\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonObject referral = recorded.json();
        assertThat(referral.getString("referrer")).isEqualTo(team.customerOfA);
        assertThat(referral.getString("source")).isEqualTo("API");
        assertThat(referral.getString("created_by")).isEqualTo(team.a);
        assertThat(referral.isNull("converted_customer")).isTrue();

        List<JsonObject> planned = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfA).array()
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("rule").equals("REFERRAL_LEAD")).toList();
        assertThat(planned).singleElement().satisfies(lead -> {
            assertThat(lead.getString("reason")).isEqualTo("Alpha GmbH recommended Jane Roe at Foo GmbH: +49 30 1234, " + email);
            assertThat(lead.getString("channel")).isEqualTo("CALL");
        });

        String prospect = Csv.unique("jane").toUpperCase();
        String row = prospect + ",Foo GmbH,Jane,Roe," + email + ",Europe/Berlin," + team.a + "," + team.customerOfA;
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,email,time_zone,owner,referred_by", row));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        List<JsonObject> referrals = referrals(team.a, team.customerOfA);
        assertThat(referrals).singleElement().satisfies(r -> {
            assertThat(r.getInt("id")).isEqualTo(referral.getInt("id"));
            assertThat(r.getString("converted_customer")).isEqualTo(prospect);
            assertThat(r.isNull("converted_at")).isFalse();
        });

        List<JsonObject> rewards = team.as(team.m).get("api/rewards?status=PROPOSED").array().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("customer").equals(team.customerOfA)).toList();
        assertThat(rewards).as("the reward rule for a converted referral").singleElement().satisfies(r -> {
            assertThat(r.getString("kind")).isEqualTo("REFERRAL_CONVERTED");
            assertThat(r.getString("subject")).isEqualTo("referral " + referral.getInt("id"));
        });

        // the same row again, and with a change: still one credit
        api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,email,time_zone,owner,referred_by", row));
        api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,email,time_zone,owner,referred_by", row + "x"));
        assertThat(referrals(team.a, team.customerOfA)).hasSize(1);
        assertThat(team.as(team.m).get("api/rewards").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("customer").equals(team.customerOfA))).hasSize(1);
    }

    @Test
    void aCustomerImportedAsReferredWithoutARecommendationOnRecordStillCreditsTheReferrer() {
        String prospect = Csv.unique("walkin").toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,email,time_zone,owner,referred_by",
                prospect + ",Walk-in AG," + prospect.toLowerCase() + "@walkin.example,Europe/Berlin," + team.b + "," + team.customerOfB));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);

        assertThat(referrals(team.b, team.customerOfB)).singleElement().satisfies(r -> {
            assertThat(r.getString("source")).isEqualTo("IMPORT");
            assertThat(r.getString("name")).isEqualTo("Walk-in AG");
            assertThat(r.getString("converted_customer")).isEqualTo(prospect);
        });
    }

    @Test
    void aCustomerWeAlreadyHadCreditsNobodyWhenAnImportNamesAReferrer() {
        Api.Reply updated = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,email,time_zone,owner,referred_by",
                team.customerOfB + ",Beta KG,berta@beta.example,Europe/Berlin," + team.b + "," + team.customerOfA));
        assertThat(updated.json().getInt("updated")).as(updated.toString()).isEqualTo(1);
        assertThat(referrals(team.a, team.customerOfA)).isEmpty();
        assertThat(team.as(team.m).get("api/rewards").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("customer").equals(team.customerOfA))).isEmpty();
    }

    @Test
    void anUnknownOrSelfReferrerRejectsTheRowAndSaysWhyWhileTheOthersAreStored() {
        String ok = Csv.unique("ok").toUpperCase();
        String self = Csv.unique("self").toUpperCase();
        String orphan = Csv.unique("orphan").toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,time_zone,owner,referred_by",
                ok + ",Ok AG,Europe/Berlin," + team.a + ",",
                self + ",Self AG,Europe/Berlin," + team.a + "," + self,
                orphan + ",Orphan AG,Europe/Berlin," + team.a + ",NO-SUCH-CUSTOMER"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        assertThat(imported.body()).contains("a customer does not recommend themselves")
                .contains("NO-SUCH-CUSTOMER").contains("no customer has this external_id");
    }

    @Test
    void onlyTheCustomersOwnPeopleRecordOrSeeItsReferrals() {
        String body = "{\"customer\":\"" + team.customerOfA + "\",\"name\":\"Max Muster\",\"phone\":\"030 555\"}";
        assertThat(team.as(team.c).postJson("api/referrals", body).status()).as("another team's salesperson").isEqualTo(403);
        assertThat(team.as(team.a).postJson("api/referrals", body).status()).isEqualTo(201);
        assertThat(referrals(team.m, team.customerOfA)).as("the manager").hasSize(1);
        assertThat(team.as(team.c).get("api/referrals").array()).as("another team sees none").isEmpty();
        assertThat(team.as(team.b).get("api/referrals?customer=" + team.customerOfA).array()).as("a colleague").isEmpty();
    }

    @Test
    void aRecommendationNeedsAWayToReachTheProspectAndSaysWhichFieldIsWrong() {
        Api.Reply unreachable = team.as(team.a).postJson("api/referrals", "{\"customer\":\"" + team.customerOfA
                + "\",\"name\":\"Nobody\"}");
        assertThat(unreachable.status()).isEqualTo(400);
        assertThat(unreachable.body()).contains("email: an email address or a phone number is needed");
        Api.Reply malformed = team.as(team.a).postJson("api/referrals", "{\"customer\":\"" + team.customerOfA
                + "\",\"name\":\"Jane\",\"email\":\"jane-at-foo\",\"phone\":\"call me\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("email: 'jane-at-foo' is not an email address")
                .contains("phone: 'call me' is not a phone number");
        Api.Reply sneaky = team.as(team.a).postJson("api/referrals", "{\"customer\":\"" + team.customerOfA
                + "\",\"name\":\"Jane\",\"phone\":\"030 1\",\"source\":\"FORM\"}");
        assertThat(sneaky.status()).as("a field the caller does not control").isEqualTo(400);
        assertThat(team.as(team.a).get("api/referrals?customer=" + team.customerOfA).array()).isEmpty();
    }

    @Test
    void aThankYouNoteCarriesTheCustomersOwnFormWhichRecordsALeadAndRefusesForgedLinksAndFloods() throws Exception {
        String customer = Csv.unique("fan").toUpperCase();
        String email = customer.toLowerCase() + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                customer + ",Fan GmbH,Frieda," + email + ",Europe/Berlin,de," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"5\"}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        int id = composed.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));
        String text = (String) ((jakarta.mail.Multipart) Mailbox.single(email).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Kennen Sie jemanden, dem wir ebenso helfen könnten?");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080/(recommend/[a-z2-7]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String form = link.group(1);

        Api.Reply page = api.anonymous().get(form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Jemanden empfehlen").contains("<form method=\"post\"");
        assertThat(referrals(team.a, customer)).as("a GET records nothing").isEmpty();

        Api.Reply unreachable = api.anonymous().post(form, "application/x-www-form-urlencoded",
                "name=Jane+Roe&company=Foo".getBytes(StandardCharsets.UTF_8));
        assertThat(unreachable.status()).isEqualTo(400);
        assertThat(unreachable.body()).as("in the customer's language")
                .contains("Bitte geben Sie eine gültige E-Mail-Adresse oder eine Telefonnummer an.").contains("value=\"Jane Roe\"")
                .doesNotContain("prospect");

        Api.Reply sent = api.anonymous().post(form, "application/x-www-form-urlencoded",
                "name=J%C3%BCrgen+Roe&company=Foo+GmbH&phone=%2B49+30+1234".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.body()).contains("Vielen Dank für Ihre Empfehlung");
        assertThat(referrals(team.a, customer)).singleElement().satisfies(r -> {
            assertThat(r.getString("source")).isEqualTo("FORM");
            assertThat(r.getString("name")).isEqualTo("Jürgen Roe");
            assertThat(r.getString("created_by")).isEqualTo("customer:" + customer);
        });
        assertThat(api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class))
                .anySatisfy(t -> assertThat(t.getString("reason")).isEqualTo("Fan GmbH recommended Jürgen Roe at Foo GmbH: +49 30 1234"));

        String forged = form.substring(0, form.length() - 1) + (form.endsWith("a") ? "b" : "a");
        assertThat(api.anonymous().post(forged, "application/x-www-form-urlencoded", "name=X&phone=123".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        // a leaked link posted eight times at once: four more fit into the day's five, the others wait
        List<java.util.concurrent.CompletableFuture<Integer>> flood = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            byte[] body = ("name=Lead+" + i + "&phone=030+" + i + "00").getBytes(StandardCharsets.UTF_8);
            flood.add(java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    api.anonymous().post(form, "application/x-www-form-urlencoded", body).status()));
        }
        List<Integer> statuses = flood.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        assertThat(statuses).as("parallel posts of one link").containsOnly(200, 429).filteredOn(st -> st == 200).hasSize(4);
        assertThat(referrals(team.a, customer)).hasSize(5);
    }

    private List<JsonObject> referrals(String login, String customer) {
        Api.Reply reply = team.as(login).get("api/referrals?customer=" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }
}
