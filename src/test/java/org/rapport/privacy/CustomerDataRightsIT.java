package org.rapport.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Bounces;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;
import org.rapport.testing.TopSpend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with a rich history, made through the API and the customer's own links (a check-in email sent, a link
 * clicked, a rating, a reply into the reply mailbox, a call, planned touches, a purchase, a problem, a referral, rewards,
 * an introduction from a matching run, a data request from the unsubscribe page), exported section by section, and then
 * erased: no table and no {@code .eml} file holds their name, email or phone any more, reports still answer, and a
 * second erasure changes nothing. The export tests read one such history built once, which none of them changes; the
 * erasure test builds its own, and every other test its own small customers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerDataRightsIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/(u/[a-z2-7]+)>");
    private static final Pattern RATING = Pattern.compile("https?://[^\"]*/(r/[a-z2-7]+)");
    private static final Pattern CLICK = Pattern.compile("https?://[^\"]*/(c/[a-z2-7]+)");
    private static final Pattern RECOMMEND = Pattern.compile("https?://\\S*/(recommend/[a-z2-7]+)");
    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "json", "set", "enum");

    Api api;
    Api admin;
    Team team;
    /** Makes the ids of the smaller tests' own customers unique. */
    String tag;
    /** The rich history the export tests read; nothing changes it (the erasure test builds its own). */
    History shown;

    /** A customer with a rich history (see the class comment) and the partner they were introduced to. */
    static final class History {
        String tag;
        String customer;
        String partner;
        String company;
        String firstName;
        String lastName;
        String email;
        String phone;
        String unsubscribe;
        long checkInId;
        String checkInMessageId;
        long partnerRewardId;
    }

    @BeforeAll
    void server() throws Exception {
        api = TestServer.api();
        admin = api.asAdmin();
        team = new Team(api);
        tag = UUID.randomUUID().toString().substring(0, 8);
        shown = richHistory();
    }

    private History richHistory() throws Exception {
        History h = new History();
        h.tag = UUID.randomUUID().toString().substring(0, 8);
        h.customer = "DX-" + h.tag;
        h.partner = "DY-" + h.tag;
        h.company = "Datenschutz" + h.tag + " GmbH";
        h.firstName = "Priva" + h.tag;
        h.lastName = "Kunde" + h.tag;
        h.email = "dx" + h.tag + "@privacy.example";
        h.phone = "+49 30 " + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));

        String code = "dx-" + h.tag;
        ok(admin.postCsv("api/import/categories", Csv.lines("code,name", code + ",Logistics " + h.tag)));
        ok(admin.postCsv("api/import/customers", Csv.lines(
                "owner,external_id,company,contact_first_name,contact_last_name,preferred_name,email,phone,region,offers,needs,"
                        + "intro_ok,time_zone,locale,preferences,personal_notes",
                team.a + "," + h.customer + "," + h.company + "," + h.firstName + "," + h.lastName + "," + h.firstName + "," + h.email + ","
                        + h.phone + ",DE-BE,," + code + ",true,Europe/Berlin,en,=SUM(1) calls after 10,"
                        + "\"" + h.firstName + " likes sailing; mobile " + h.phone + "\"",
                team.b + "," + h.partner + ",Partner" + h.tag + " AG,Paul,Partner,Paul,dy" + h.tag + "@privacy.example,,DE-BE," + code
                        + ",,true,Europe/Berlin,en,,")));
        // matched before the problem below, which keeps a customer out of matching while its follow-up is due
        ok(admin.postJson("api/introductions/match", ""));

        // a check-in email, sent; a click on one of its links, a rating and a reply
        JsonObject composed = created(admin.postJson("api/outbox", "{\"template\":\"problem-check-in\",\"customer\":\"" + h.customer
                + "\",\"fields\":{\"problem\":{\"summary\":\"Late delivery\",\"resolution\":\"Express\"}}}"));
        h.checkInId = composed.getJsonNumber("id").longValue();
        Eventually.soon().until(() -> admin.get("api/outbox/" + h.checkInId).json().getString("status").equals("SENT"));
        h.checkInMessageId = admin.get("api/outbox/" + h.checkInId).json().getString("message_id");
        MimeMessage mail = Mailbox.single(h.email);
        String html = (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
        Matcher rating = RATING.matcher(html);
        assertThat(rating.find()).as(html).isTrue();
        assertThat(api.anonymous().post(rating.group(1), "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(200);
        Matcher click = CLICK.matcher(html);
        assertThat(click.find()).as("a tracked link: " + html).isTrue();
        assertThat(api.anonymous().get(click.group(1)).status()).isIn(200, 302, 303);
        Matcher link = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        h.unsubscribe = link.group(1);
        deliverReply(h, "Thanks! Please call me, " + h.firstName + ", on " + h.phone + ".");

        // a call, a purchase, a resolved problem (its follow-up planned by a plan), a referral, rewards, an introduction
        created(admin.postJson("api/touches", Json.createObjectBuilder().add("customer", h.customer).add("kind", "CALL")
                .add("outcome", "REACHED").add("note", "Spoke with " + h.firstName + " " + h.lastName + " on " + h.phone).build().toString()));
        created(admin.postJson("api/purchases", Json.createObjectBuilder().add("external_id", "DXP-" + h.tag).add("customer", h.customer)
                .add("purchased_on", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()).add("amount", "1250.00")
                .add("currency", "EUR").add("description", "Forklift for " + h.firstName).build().toString()));
        OffsetDateTime opened = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5);
        created(admin.postJson("api/problems", Json.createObjectBuilder().add("external_id", "DXQ-" + h.tag).add("customer", h.customer)
                .add("opened_at", opened.toString()).add("resolved_at", opened.plusDays(2).toString())
                .add("summary", "Broken pallet, " + h.firstName + " upset").add("resolution", "Replaced for " + h.lastName).build().toString()));
        ok(admin.postJson("api/planning/run", ""));
        created(admin.postJson("api/referrals", Json.createObjectBuilder().add("customer", h.customer).add("name", "Rita Referred" + h.tag)
                .add("email", "rita" + h.tag + "@prospect.example").add("note", h.firstName + " recommends her").build().toString()));
        created(admin.postJson("api/rewards", Json.createObjectBuilder().add("customer", h.customer).add("kind", "REFERRAL_CONVERTED")
                .add("subject", "thanks " + h.tag).add("reason", "a gift for " + h.firstName + " " + h.lastName).build().toString()));
        h.partnerRewardId = created(admin.postJson("api/rewards", Json.createObjectBuilder().add("customer", h.partner)
                .add("kind", "REFERRAL_CONVERTED").add("subject", "thanks " + h.tag).add("reason", "met " + h.company + " through us")
                .build().toString())).getJsonNumber("id").longValue();

        // a poll the customer was sent and answered, with words of their own (PollsIT sends and answers polls end to end)
        try (Connection db = Admins.database();
             PreparedStatement poll = db.prepareStatement("INSERT INTO poll (title, created_by, audience, sample_size, starts_on, ends_on,"
                     + " status, sent_at, created_at) SELECT ?, MIN(id), 'ALL', 1, UTC_DATE(), UTC_DATE(), 'SENT', UTC_TIMESTAMP(3),"
                     + " UTC_TIMESTAMP(3) FROM app_user", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            poll.setString(1, "Service " + h.tag);
            poll.executeUpdate();
            try (ResultSet key = poll.getGeneratedKeys()) {
                assertThat(key.next()).isTrue();
                long pollId = key.getLong(1);
                try (PreparedStatement rows = db.prepareStatement("INSERT INTO poll_question (poll_id, position, kind, text_en)"
                        + " VALUES (?, 1, 'TEXT', 'What should we do better?')")) {
                    rows.setLong(1, pollId);
                    rows.executeUpdate();
                }
                try (PreparedStatement rows = db.prepareStatement("INSERT INTO poll_recipient (poll_id, customer_id, selected_at, answered_at)"
                        + " SELECT ?, id, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) FROM customer WHERE external_id = ?")) {
                    rows.setLong(1, pollId);
                    rows.setString(2, h.customer);
                    assertThat(rows.executeUpdate()).isEqualTo(1);
                }
                try (PreparedStatement rows = db.prepareStatement("INSERT INTO poll_answer (poll_id, customer_id, position, text, via,"
                        + " answered_at) SELECT ?, id, 1, ?, 'LINK', UTC_TIMESTAMP(3) FROM customer WHERE external_id = ?")) {
                    rows.setLong(1, pollId);
                    rows.setString(2, "Call " + h.firstName + " " + h.lastName + " on " + h.phone);
                    rows.setString(3, h.customer);
                    assertThat(rows.executeUpdate()).isEqualTo(1);
                }
            }
        }

        // the customer asks for their data twice (a replay) and changes their preferences on the same page
        for (int i = 0; i < 2; i++) {
            assertThat(form(h.unsubscribe, "action=data-request&kind=EXPORT").status()).isEqualTo(200);
        }
        assertThat(form(h.unsubscribe, "action=keep&keep=THANK_YOU").status()).isEqualTo(200);
        return h;
    }

    @Test
    void theExportHasEverySection() {
        JsonObject export = ok(admin.get("api/customers/" + shown.customer + "/export")).json();

        assertThat(export.keySet()).containsAll(List.of("external_id", "exported_at"));
        for (ExportSection section : ExportSection.values()) {
            assertThat(export.containsKey(section.key())).as(section.key()).isTrue();
            if (!Set.of(ExportSection.CUSTOMER, ExportSection.CONSENT).contains(section)) {
                assertThat(export.getJsonArray(section.key())).as(section.key() + " of " + export).isNotEmpty();
            }
        }
        JsonObject row = export.getJsonObject("customer");
        assertThat(row.getString("email")).isEqualTo(shown.email);
        assertThat(row.getString("phone")).isEqualTo(shown.phone);
        assertThat(row.getString("owner")).isEqualTo(team.a);
        assertThat(row.getString("personal_notes")).contains("likes sailing");
        assertThat(first(export, "categories").getString("name")).isEqualTo("Logistics " + shown.tag);
        assertThat(export.getJsonObject("consent").getString("stopped_purposes")).contains("CHECK_IN");
        assertThat(first(export, "consent_history").getString("kind")).isEqualTo("PREFERENCES");
        assertThat(rows(export, "touches")).anyMatch(t -> t.getString("kind").equals("CALL")
                && t.getString("note").contains(shown.lastName));
        assertThat(rows(export, "touches")).as("the reply is a touch too").anyMatch(t -> t.getString("kind").equals("REPLY"));
        assertThat(rows(export, "planned_touches")).as("the low rating's call and the purchase's thank-you")
                .anyMatch(t -> t.getString("status").equals("OPEN") && t.getString("channel").equals("CALL"))
                .anyMatch(t -> t.getString("status").equals("QUEUED") && t.getString("channel").equals("EMAIL"));
        JsonObject checkIn = rows(export, "messages").stream().filter(m -> m.getJsonNumber("id").longValue() == shown.checkInId)
                .findFirst().orElseThrow();
        assertThat(checkIn.getString("status")).isEqualTo("SENT");
        assertThat(checkIn.getString("rendered_text")).as("as sent: rendered again").contains(shown.firstName);
        assertThat(checkIn.getString("rendered_html")).as("the customer's signed links left out")
                .doesNotContain("/u/").doesNotContain("/r/").doesNotContain("/c/");
        assertThat(first(export, "clicks").getJsonNumber("message").longValue()).isEqualTo(shown.checkInId);
        assertThat(first(export, "replies").getString("detail")).contains("Please call me");
        assertThat(first(export, "ratings").getString("score")).matches("[1-5]");
        JsonObject introduction = first(export, "introductions");
        assertThat(introduction.getString("side")).isEqualTo("FIRST");
        assertThat(introduction.getString("other_company")).isEqualTo("Partner" + shown.tag + " AG");
        assertThat(introduction.keySet()).as("the other side by company only").doesNotContain("other_email", "other_phone");
        assertThat(first(export, "introduction_events").getString("stage_to")).isEqualTo("PROPOSED");
        assertThat(first(export, "rewards").getString("reason")).contains(shown.lastName);
        assertThat(first(export, "reward_entries").getString("status")).isEqualTo("PROPOSED");
        assertThat(first(export, "referrals").getString("role")).isEqualTo("MADE");
        assertThat(first(export, "referrals").getString("prospect_name")).isEqualTo("Rita Referred" + shown.tag);
        assertThat(first(export, "purchases").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("1250.00");
        assertThat(first(export, "problems").getString("summary")).contains(shown.firstName);
        assertThat(rows(export, "data_requests")).as("the replayed request is one").singleElement()
                .satisfies(r -> assertThat(r.getString("kind")).isEqualTo("EXPORT"));
    }

    @Test
    void theZipHasOneSafeCsvPerSection() throws Exception {
        for (String ask : List.of("?format=csv", "")) {
            HttpResponse<byte[]> zip = bytes("api/customers/" + shown.customer + "/export" + ask, "application/zip");
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            Map<String, String> files = unzip(zip.body());
            assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(
                    Stream.of(ExportSection.values()).map(s -> s.key() + ".csv").toList());
            for (ExportSection section : ExportSection.values()) {
                assertThat(files.get(section.key() + ".csv")).startsWith(String.join(",", section.columns()) + "\r\n");
            }
            assertThat(files.get("customer.csv")).as("a formula is no formula in a spreadsheet")
                    .contains("'=SUM(1) calls after 10").doesNotContain(",=SUM").contains(shown.email);
        }
    }

    @Test
    void onlyAnAdminExportsOrErasesAndOnlyTheExactExternalId() {
        for (Api caller : List.of(team.as(team.a), team.as(team.m))) {
            assertThat(caller.get("api/customers/" + shown.customer + "/export").status()).as("the owner and their manager").isEqualTo(403);
            assertThat(caller.postJson("api/customers/" + shown.customer + "/erase", "{\"reason\":\"mine\"}").status()).isEqualTo(403);
            assertThat(caller.get("api/data-requests").status()).isEqualTo(403);
        }
        assertThat(api.anonymous().get("api/customers/" + shown.customer + "/export").status()).isEqualTo(401);
        for (String lookAlike : List.of(shown.customer.toLowerCase(), shown.customer + " ", " " + shown.customer)) {
            String path = "api/customers/" + lookAlike.replace(" ", "%20");
            assertThat(admin.get(path + "/export").status()).as("'" + lookAlike + "'").isEqualTo(404);
            assertThat(admin.postJson(path + "/erase", "{\"reason\":\"look-alike\"}").status()).as("'" + lookAlike + "'").isEqualTo(404);
        }
        assertThat(admin.get("api/customers/" + shown.customer + "/export?format=xml").status()).isEqualTo(400);
        for (String body : List.of("{}", "{\"reason\":\"  \"}", "")) {
            Api.Reply refused = admin.postJson("api/customers/" + shown.customer + "/erase", body);
            assertThat(refused.status()).as(body + ": " + refused).isEqualTo(400);
        }
        assertThat(admin.get("api/customers/" + shown.customer).body()).as("nothing was erased").contains(shown.company).contains(shown.email);
    }

    @Test
    void theAdminHandlesTheQueueOnce() throws Exception {
        String customer = "DQ-" + tag;
        String email = "dq" + tag + "@privacy.example";
        imported(customer, "Queue" + tag + " AG", email);
        String unsubscribe = unsubscribeLink(customer, email);
        assertThat(form(unsubscribe, "action=data-request&kind=EXPORT").status()).isEqualTo(200);

        JsonObject request = ok(admin.get("api/data-requests?status=OPEN")).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("customer").equals(customer)).findFirst().orElseThrow();
        assertThat(request.getString("kind")).isEqualTo("EXPORT");
        long id = request.getJsonNumber("id").longValue();
        assertThat(form(unsubscribe, "action=data-request&kind=PAYMENT").status()).isEqualTo(400);

        JsonObject done = ok(admin.postJson("api/data-requests/" + id + "/done", "")).json();
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("handled_by")).isEqualTo("admin");
        assertThat(admin.postJson("api/data-requests/" + id + "/declined", "").status()).as("a handled request is final").isEqualTo(409);
        assertThat(admin.postJson("api/data-requests/999999999/done", "").status()).isEqualTo(404);

        assertThat(form(unsubscribe, "action=data-request&kind=ERASURE").status()).isEqualTo(200);
        assertThat(form(unsubscribe, "action=data-request&kind=EXPORT").status()).as("a new one once the first is done").isEqualTo(200);
        assertThat(admin.get("api/data-requests?status=OPEN").array().getValuesAs(JsonObject.class))
                .filteredOn(r -> r.getString("customer").equals(customer))
                .extracting(r -> r.getString("kind")).containsExactlyInAnyOrder("ERASURE", "EXPORT");
    }

    @Test
    void everyTableWithACustomerIdIsExportedOrLeftOutOnPurpose() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection db = Admins.database();
             PreparedStatement columns = db.prepareStatement("SELECT DISTINCT table_name FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE() AND (column_name LIKE '%customer_id' OR column_name = 'referrer_id')");
             ResultSet rows = columns.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1).toLowerCase());
            }
        }
        Set<String> known = new TreeSet<>(CustomerTables.exported());
        known.addAll(CustomerTables.NOT_EXPORTED.keySet());
        assertThat(tables).as("tables with a customer id: export them or say why not in CustomerTables").isSubsetOf(known);
        assertThat(tables).contains("touch", "introduction", "referral");
    }

    @Test
    void theErasureLeavesNoTraceAndReportsStillAnswer() throws Exception {
        History h = richHistory();
        Path eml = emlFolder().resolve(h.checkInMessageId.replaceAll("[^A-Za-z0-9.@-]", "") + ".eml");
        Files.createDirectories(eml.getParent());
        Files.writeString(eml, "To: " + h.firstName + " <" + h.email + ">\r\nSubject: written as EmlPostman names it\r\n\r\n" + h.phone);
        String period = "?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String netweaving = "api/reports/netweaving" + period + "&team=" + team.m;
        JsonObject before = ok(admin.get(netweaving)).json();
        assertThat(traces(h)).as("the search finds what it looks for").isNotEmpty();

        JsonObject erased = ok(admin.postJson("api/customers/" + h.customer + "/erase", "{\"reason\":\"the customer asked (data request)\"}")).json();

        assertThat(erased.getBoolean("changed")).isTrue();
        assertThat(traces(h)).as("text columns of every table holding the name, email or phone").isEmpty();
        assertThat(Files.exists(eml)).as("the .eml file of the customer's message").isFalse();
        try (Stream<Path> files = Files.list(eml.getParent())) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(h.email).doesNotContain(h.phone).doesNotContain(h.firstName);
            }
        }
        JsonObject after = ok(admin.get(netweaving)).json();
        assertThat(after.getInt("introductions")).as("the netweaving report counts the same").isEqualTo(before.getInt("introductions"));
        assertThat(after.get("rewards")).isEqualTo(before.get("rewards"));
        assertThat(after.get("funnel")).isEqualTo(before.get("funnel"));
        ok(admin.get("api/reports/responses" + period));
        ok(admin.get("api/reports/service-standards" + period));
        String marker = erased.getString("marker");
        assertThat(ok(admin.get("api/customers/" + marker)).body()).contains("[erased]").doesNotContain(h.email);
        assertThat(ok(admin.get("api/rewards/" + h.partnerRewardId)).json().toString()).as("the partner's reward names no one")
                .contains("met [erased] through us");

        // never contacted again: the waiting mail is suppressed, the calls cancelled, a new email refused
        Eventually.soon().untilAsserted(() -> assertThat(ok(admin.get("api/customers/" + marker + "/messages")).array()
                .getValuesAs(JsonObject.class)).noneMatch(m -> Set.of("PENDING", "SENDING").contains(m.getString("status"))));
        assertThat(ok(admin.get("api/planned-touches?customer=" + marker)).array().getValuesAs(JsonObject.class))
                .noneMatch(t -> Set.of("OPEN", "QUEUED", "ESCALATED").contains(t.getString("status")));
        ok(admin.postJson("api/planning/run", ""));
        assertThat(ok(admin.get("api/planned-touches?customer=" + marker)).array().getValuesAs(JsonObject.class))
                .as("the next plan plans nothing for them").noneMatch(t -> Set.of("OPEN", "QUEUED", "ESCALATED").contains(t.getString("status")));
        ok(admin.postJson("api/tiers/recompute", ""));
        assertThat(ok(admin.get("api/customers/" + marker + "/export")).json().getJsonObject("customer")
                .getJsonNumber("revenue_12m").bigDecimalValue()).as("tiers still count their purchases").isEqualByComparingTo("1250.00");
        Api.Reply composed = admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + marker
                + "\",\"fields\":{\"years\":\"2\"}}");
        if (composed.status() == 201) {
            long id = composed.json().getJsonNumber("id").longValue();
            Eventually.soon().until(() -> admin.get("api/outbox/" + id).json().getString("status").equals("SUPPRESSED"));
        } else {
            assertThat(composed.status()).as(composed.toString()).isIn(400, 409);
        }
        assertThat(Mailbox.to(h.email)).as("only the check-in ever reached them").hasSize(1);

        // a second erasure finds the first and changes nothing
        JsonObject again = ok(admin.postJson("api/customers/" + h.customer + "/erase", "{\"reason\":\"asked again\"}")).json();
        assertThat(again.getBoolean("changed")).isFalse();
        assertThat(again.getString("erased_at")).isEqualTo(erased.getString("erased_at"));
        assertThat(again.getString("marker")).isEqualTo(marker);
        JsonObject byMarker = ok(admin.postJson("api/customers/" + marker + "/erase", "{\"reason\":\"by the marker\"}")).json();
        assertThat(byMarker.getBoolean("changed")).isFalse();
        assertThat(byMarker.getString("erased_at")).isEqualTo(erased.getString("erased_at"));
        assertThat(admin.get("api/customers/" + h.customer + "/export").status()).isEqualTo(404);
        JsonObject left = ok(admin.get("api/customers/" + marker + "/export")).json();
        assertThat(left.getJsonObject("customer").getString("erased_at")).isEqualTo(erased.getString("erased_at"));
        assertThat(left.getJsonArray("purchases")).as("the counts reports need stay").hasSize(1);

        // the audit trail says who exported and erased, without the reason's text
        // named by the row's id, never by the external id (the trail outlives the erasure and must hold nothing to erase)
        String rowId = String.valueOf(idOf(marker));
        JsonObject event = ok(admin.get("api/audit?kind=CUSTOMER_ERASED&limit=50")).json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().filter(e -> rowId.equals(e.getString("subject_id"))).findFirst().orElseThrow();
        assertThat(event.getString("actor_name")).isEqualTo("admin");
        assertThat(event.getJsonObject("after").getString("reason")).isEqualTo("[redacted]");
        assertThat(ok(admin.get("api/audit?kind=CUSTOMER_EXPORTED&limit=200")).json().getJsonArray("events")
                .getValuesAs(JsonObject.class)).anyMatch(e -> rowId.equals(e.getString("subject_id")));
        assertThat(ok(admin.get("api/audit?limit=1000")).body()).as("the trail").doesNotContain(h.customer);

        // the address is suppressed: the CRM's old row is refused by the import, a referral of it too
        Api.Reply reimported = ok(admin.postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner",
                h.customer + "," + h.company + "," + h.email.toUpperCase() + ",Europe/Berlin," + team.a)));
        assertThat(reimported.json().getInt("created")).as(reimported.toString()).isZero();
        assertThat(reimported.json().getJsonArray("rejected").getJsonObject(0).getString("reason")).contains("suppressed");
        assertThat(reimported.body()).doesNotContain(h.email);
        assertThat(admin.postJson("api/referrals", Json.createObjectBuilder().add("customer", h.partner).add("name", "Someone")
                .add("email", h.email).build().toString()).status()).isEqualTo(409);

        // the CRM imports them again with another address: a new customer under the old external id, erased anew
        ok(admin.postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner",
                h.customer + "," + h.company + ",new-" + h.email + ",Europe/Berlin," + team.a)));
        JsonObject second = ok(admin.postJson("api/customers/" + h.customer + "/erase", "{\"reason\":\"imported again\"}")).json();
        assertThat(second.getBoolean("changed")).isTrue();
        assertThat(second.getString("marker")).isNotEqualTo(marker);
        assertThat(traces(h)).isEmpty();
    }

    @Test
    void anImportRowUnderAnErasedCustomersMarkerIsRefusedAndWritesNothing() {
        String id = "DE-" + tag;
        imported(id, "Refill" + tag + " AG", "de" + tag + "@privacy.example");
        String marker = erase(id).getString("marker");

        Api.Reply refill = ok(admin.postCsv("api/import/customers", Csv.lines("external_id,company,email,email_ok,intro_ok,time_zone",
                marker + ",Refilled AG,de2" + tag + "@privacy.example,true,true,Europe/Berlin",
                marker.toUpperCase() + ",Refilled AG,de3" + tag + "@privacy.example,true,true,Europe/Berlin")));

        JsonObject answer = refill.json();
        assertThat(answer.getInt("created") + answer.getInt("updated")).as(refill.toString()).isZero();
        assertThat(answer.getJsonArray("rejected").getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("line") + " " + r.getString("column") + ": " + r.getString("reason"))
                .containsExactly("2 external_id: this customer was erased; a new customer needs a new external id",
                        "3 external_id: this customer was erased; a new customer needs a new external id");
        JsonObject left = ok(admin.get("api/customers/" + marker + "/export")).json();
        assertThat(left.getJsonObject("customer").getString("company")).isEqualTo("[erased]");
        assertThat(left.getJsonObject("customer").isNull("email")).as(left.toString()).isTrue();
        assertThat(left.getJsonObject("consent").toString()).as("consent still says never again")
                .containsPattern("\"email_ok\":\\s*(false|0)").containsPattern("\"do_not_contact\":\\s*(true|1)");
        assertThat(erase(marker).getBoolean("changed")).as("still the first erasure").isFalse();
    }

    @Test
    void anErasedCustomerIsProposedNoRewardByTheRulesOrByHand() {
        String id = "DA-" + tag;
        ok(admin.postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,customer_since",
                id + ",Jubilee" + tag + " AG,da" + tag + "@privacy.example,Europe/Berlin," + team.a + ","
                        + LocalDate.now(ZoneOffset.UTC).minusYears(10).minusDays(21))));
        ok(admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                id + "-P1," + id + "," + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "," + TopSpend.amount() + ",EUR")));
        String marker = erase(id).getString("marker");

        ok(admin.postJson("api/tiers/recompute", ""));
        assertThat(ok(admin.get("api/customers/" + marker)).json().getString("tier")).as("their purchases still count").isEqualTo("TOP10");
        ok(admin.postJson("api/rewards/run", ""));

        assertThat(ok(admin.get("api/rewards?limit=1000")).array().getValuesAs(JsonObject.class))
                .as("no top-tier and no tenth-anniversary reward").noneMatch(r -> r.getString("customer").equals(marker));
        Api.Reply byHand = admin.postJson("api/rewards", Json.createObjectBuilder().add("customer", marker)
                .add("kind", "REFERRAL_CONVERTED").add("subject", "thanks " + tag).add("reason", "a gift").build().toString());
        assertThat(byHand.status()).as(byHand.toString()).isEqualTo(409);
        assertThat(byHand.json().getString("detail")).contains("erased");
    }

    @Test
    void cleaningOtherPeoplesRecordsReplacesWholeIdentifiersOnly() {
        String mark = "DM-" + tag;
        String partnerId = "DN-" + tag;
        ok(admin.postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,email,time_zone,owner,referred_by",
                mark + ",Mfirm" + tag + " GmbH,Mark,Eraser" + tag + ",dm" + tag + "@privacy.example,Europe/Berlin," + team.a + ",",
                partnerId + ",Marketing Partner GmbH,Paula,Partner,dn" + tag + "@privacy.example,Europe/Berlin," + team.b + "," + mark)));
        long reward = created(admin.postJson("api/rewards", Json.createObjectBuilder().add("customer", partnerId)
                .add("kind", "REFERRAL_CONVERTED").add("subject", "welcome " + tag)
                .add("reason", "Marketing Partner GmbH came through MARK ERASER" + tag + ", Mark's friend").build().toString()))
                .getJsonNumber("id").longValue();

        erase(mark);

        assertThat(ok(admin.get("api/rewards/" + reward)).json().getString("reason"))
                .as("the full name in any case, not 'Mark' in 'Marketing' nor alone")
                .isEqualTo("Marketing Partner GmbH came through [erased], Mark's friend");
        assertThat(ok(admin.get("api/customers/" + partnerId)).json().getString("company")).isEqualTo("Marketing Partner GmbH");
    }

    @Test
    void aReferralOfTheSamePersonNeverLinkedIsBlankedAndItsLeadClosed() throws SQLException {
        String prospect = "DU-" + tag;
        String referrer = "DV-" + tag;
        String email = "du" + tag + "@privacy.example";
        imported(prospect, "Ulla" + tag + " KG", email);
        imported(referrer, "Vera" + tag + " AG", "dv" + tag + "@privacy.example");
        long referral = created(admin.postJson("api/referrals", Json.createObjectBuilder().add("customer", referrer)
                .add("name", "Ulla Unlinked" + tag).add("company", "Ulla" + tag + " KG").add("email", email.toUpperCase())
                .add("phone", "+49 30 " + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999))).add("note", "she needs pallets").build().toString()))
                .getJsonNumber("id").longValue();

        erase(prospect);

        try (Connection db = Admins.database();
             PreparedStatement read = db.prepareStatement("SELECT r.prospect_name, r.prospect_company, r.prospect_email, r.prospect_phone,"
                     + " r.note, t.status, t.reason FROM referral r JOIN planned_touch t ON t.plan_key = CONCAT('referral:', r.id)"
                     + " WHERE r.id = ?")) {
            read.setLong(1, referral);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).as("the referral and its lead").isTrue();
                assertThat(row.getString(1)).isEqualTo("[erased]");
                for (int column = 2; column <= 5; column++) {
                    assertThat(row.getString(column)).as("column " + column).isNull();
                }
                assertThat(row.getString(6)).as("the lead is no longer a call to make").isEqualTo("CANCELLED");
                assertThat(row.getString(7)).isEqualTo("[erased]");
            }
        }
    }

    @Test
    void aFailedMessageOfAnErasedCustomerIsNeitherShownNorResent() {
        String id = "DF-" + tag;
        String email = "df" + tag + "@privacy.example";
        imported(id, "Failing" + tag + " AG", email);
        TestMailServer.gate().reject(email);
        long message = created(admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + id
                + "\",\"fields\":{\"years\":\"2\"}}")).getJsonNumber("id").longValue();
        Eventually.soon().until(() -> admin.get("api/outbox/" + message).json().getString("status").equals("FAILED"));

        erase(id);

        Api.Reply resend = admin.postJson("api/outbox/" + message + "/resend", "");
        assertThat(resend.status()).as(resend.toString()).isEqualTo(409);
        assertThat(resend.json().getString("detail")).contains("removed (retention or an erasure)");
        assertThat(ok(admin.get("api/outbox/" + message)).json().isNull("body_removed_at")).isFalse();
    }

    /**
     * The links in an erased customer's old emails neither greet them nor record anything: the rating, preferences and
     * recommendation pages answer "invalid link" (400) to GET and POST alike.
     */
    @Test
    void theLinksOfAnErasedCustomerAreInvalidLinks() throws Exception {
        String id = "DL-" + tag;
        String email = "dl" + tag + "@privacy.example";
        imported(id, "Linked" + tag + " AG", email);
        String unsubscribe = unsubscribeLink(id, email);
        String text = (String) ((Multipart) Mailbox.single(email).getContent()).getBodyPart(0).getContent();
        Matcher recommend = RECOMMEND.matcher(text);
        assertThat(recommend.find()).as(text).isTrue();
        long checkIn = created(admin.postJson("api/outbox", "{\"template\":\"problem-check-in\",\"customer\":\"" + id
                + "\",\"fields\":{\"problem\":{\"summary\":\"Late delivery\",\"resolution\":\"Express\"}}}"))
                .getJsonNumber("id").longValue();
        Eventually.soon().until(() -> admin.get("api/outbox/" + checkIn).json().getString("status").equals("SENT"));
        String html = null;
        for (MimeMessage mail : Mailbox.to(email)) {
            String part = (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
            html = RATING.matcher(part).find() ? part : html;
        }
        assertThat(html).as("the check-in, with its rating link").isNotNull();
        Matcher rating = RATING.matcher(html);
        Matcher click = CLICK.matcher(html);
        assertThat(rating.find() && click.find()).as(html).isTrue();
        assertThat(api.anonymous().get(rating.group(1)).status()).as("valid before the erasure").isEqualTo(200);
        assertThat(api.anonymous().get(unsubscribe).status()).isEqualTo(200);
        assertThat(api.anonymous().get(recommend.group(1)).status()).isEqualTo(200);
        String marker = erase(id).getString("marker");

        for (String link : List.of(rating.group(1), unsubscribe, recommend.group(1))) {
            Api.Reply shown = api.anonymous().get(link);
            assertThat(shown.status()).as(link + ": " + shown).isEqualTo(400);
            assertThat(shown.body()).as("greets no one").doesNotContain("[erased]", "Linked" + tag);
        }
        assertThat(form(rating.group(1), "").status()).isEqualTo(400);
        assertThat(form(unsubscribe, "List-Unsubscribe=One-Click").status()).isEqualTo(400);
        assertThat(form(unsubscribe, "action=data-request&kind=EXPORT").status()).isEqualTo(400);
        assertThat(form(recommend.group(1), "name=Jane+Roe&email=jane" + tag + "@prospect.example").status()).isEqualTo(400);

        assertThat(admin.get("api/customers/" + marker + "/messages").array()).as("the thank-you and the check-in").hasSize(2);
        assertThat(responsesOf(marker)).as("no rating, no unsubscribing recorded").isEmpty();
        assertThat(admin.get("api/data-requests?status=OPEN").array().getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getString("customer").equals(marker));
        assertThat(admin.get("api/referrals?customer=" + marker).array()).as("no recommendation recorded").isEmpty();

        // a tracked link still leads to the company's own page, and the click counts (its target is no personal data)
        assertThat(api.anonymous().get(click.group(1)).status()).isEqualTo(302);
        assertThat(responsesOf(marker)).extracting(r -> r.getString("kind")).containsExactly("CLICK");
    }

    /** A reply to an old message that arrives after the erasure counts as an answer and keeps none of its words. */
    @Test
    void aReplyArrivingAfterTheErasureKeepsNoneOfItsWords() throws Exception {
        anAnswerAfterTheErasureCountsWithoutItsWords("DR", "REPLY", (messageId, email) -> """
                Message-ID: <%s@privacy.example>
                From: %s
                To: replies@rapport.test
                Subject: Re: thank you
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Please call my wife on +49 30 5550123 about it.
                """.formatted(UUID.randomUUID(), email, messageId), "5550123", "my wife");
    }

    /**
     * A bounce of an old message that arrives after the erasure counts as a bounce and keeps none of its words: the
     * message keeps no recipient to compare the report's address with, and it is ours.
     */
    @Test
    void aBounceArrivingAfterTheErasureCountsWithoutItsWords() throws Exception {
        anAnswerAfterTheErasureCountsWithoutItsWords("DB", "BOUNCE", Bounces::userUnknown, "user unknown");
    }

    /**
     * Sends a customer a thank-you, erases them, then delivers {@code inbound} (of the thank-you's Message-ID and the
     * customer's address) to the reply mailbox: it counts as a response of {@code kind}, with no words, and neither
     * its {@code words} nor the address show on the customer.
     */
    private void anAnswerAfterTheErasureCountsWithoutItsWords(String prefix, String kind, BinaryOperator<String> inbound,
                                                             String... words) throws Exception {
        String id = prefix + "-" + tag;
        String email = prefix.toLowerCase(Locale.ROOT) + tag + "@privacy.example";
        imported(id, prefix + tag + " AG", email);
        unsubscribeLink(id, email); // sends the thank-you it will answer
        String messageId = Mailbox.single(email).getMessageID();
        String marker = erase(id).getString("marker");

        TestMailServer.deliverToReplyMailbox(inbound.apply(messageId, email));
        Eventually.soon().until(() -> responsesOf(marker).stream().anyMatch(r -> r.getString("kind").equals(kind)));

        assertThat(responsesOf(marker)).as("the answer counts, without its words").allMatch(r -> r.isNull("detail"));
        assertThat(admin.get("api/customers/" + marker).body()).doesNotContain(email).doesNotContain(words);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Imports a customer of this test's own, owned by salesperson a. */
    private void imported(String externalId, String company, String email) {
        Api.Reply reply = ok(admin.postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner",
                externalId + "," + company + "," + email + ",Europe/Berlin," + team.a)));
        assertThat(reply.json().getInt("created")).as(reply.toString()).isEqualTo(1);
    }

    /** Sends the customer a thank-you; the path of the page behind its List-Unsubscribe link. */
    private String unsubscribeLink(String customer, String email) throws Exception {
        long message = created(admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"2\"}}")).getJsonNumber("id").longValue();
        Eventually.soon().until(() -> admin.get("api/outbox/" + message).json().getString("status").equals("SENT"));
        Matcher link = UNSUBSCRIBE.matcher(Mailbox.single(email).getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private JsonObject erase(String externalId) {
        return ok(admin.postJson("api/customers/" + externalId + "/erase", "{\"reason\":\"asked\"}")).json();
    }

    /** The row id an erased customer's marker ({@code erased-<id>}) carries. */
    private static long idOf(String marker) {
        return Long.parseLong(marker.substring("erased-".length()));
    }


    /** Every text column of every table that holds the customer's company, names, email or phone: "table.column: value". */
    private List<String> traces(History h) throws SQLException {
        List<String> found = new ArrayList<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection db = Admins.database()) {
            try (PreparedStatement all = db.prepareStatement("SELECT table_name, column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
                 ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    if (TEXT_TYPES.contains(rows.getString(3).toLowerCase())) {
                        columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                for (String column : table.getValue()) {
                    for (String text : List.of(h.company, h.firstName, h.lastName, h.email, h.phone)) {
                        try (PreparedStatement search = db.prepareStatement("SELECT `" + column + "` FROM `" + table.getKey()
                                + "` WHERE `" + column + "` LIKE ? LIMIT 1")) {
                            search.setString(1, "%" + text + "%");
                            try (ResultSet hit = search.executeQuery()) {
                                if (hit.next()) {
                                    found.add(table.getKey() + "." + column + ": " + hit.getString(1));
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Path emlFolder() {
        return Path.of(System.getProperty("rapport.test.war")).getParent().resolve("it-server").resolve("outbox");
    }

    private void deliverReply(History h, String text) throws Exception {
        String reply = """
                Message-ID: <%s@privacy.example>
                From: %s <%s>
                To: replies@rapport.test
                Subject: Re: your check-in
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(UUID.randomUUID(), h.firstName, h.email, h.checkInMessageId, text);
        TestMailServer.deliverToReplyMailbox(reply);
        Eventually.soon().until(() -> responsesOf(h.customer).stream().anyMatch(r -> r.getString("kind").equals("REPLY")));
    }

    /** The responses to all of the customer's messages. */
    private List<JsonObject> responsesOf(String customer) {
        return ok(admin.get("api/customers/" + customer + "/messages")).array().getValuesAs(JsonObject.class).stream()
                .flatMap(m -> m.getJsonArray("responses").getValuesAs(JsonObject.class).stream()).toList();
    }

    private Api.Reply form(String link, String body) {
        return api.anonymous().post(link, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> bytes(String path, String accept) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Basic " + basic)
                .header("Accept", accept).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static List<JsonObject> rows(JsonObject export, String section) {
        return export.getJsonArray(section).getValuesAs(JsonObject.class);
    }

    private static JsonObject first(JsonObject export, String section) {
        JsonArray rows = export.getJsonArray(section);
        assertThat(rows).as(section).isNotEmpty();
        return rows.getJsonObject(0);
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private static JsonObject created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        return reply.json();
    }
}
