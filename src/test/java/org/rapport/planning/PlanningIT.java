package org.rapport.planning;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Rates;
import org.rapport.testing.Team;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner against the real database: idempotent, safe to run twice at once, and scoped to the caller. */
class PlanningIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void planningTwiceOrTwiceAtOnceGivesTheSameRows() {
        assertThat(planned(team.customerOfA)).as("imported customers wait for the next run").isEmpty();
        Api.Reply run = api.asAdmin().postJson("api/planning/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("customers")).isGreaterThanOrEqualTo(3);
        List<JsonObject> first = planned(team.customerOfA);
        assertThat(first).as("a new customer nobody has spoken to is due for a courtesy call").isNotEmpty();
        assertThat(first.get(0).getString("rule")).isEqualTo("COURTESY");
        assertThat(first.get(0).getString("channel")).isEqualTo("CALL");
        assertThat(first.get(0).getString("salesperson")).isEqualTo(team.a);
        assertThat(first.get(0).getString("reason")).contains("no conversation on record");

        JsonObject again = api.asAdmin().postJson("api/planning/run", "").json();
        assertThat(again.getInt("proposals")).as("the same touches proposed again").isGreaterThanOrEqualTo(first.size());
        assertThat(again.getInt("created")).as("none of them new").isZero();
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() -> api.asAdmin().postJson("api/planning/run", ""));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() -> api.asAdmin().postJson("api/planning/run", ""));
        assertThat(one.join().status()).as(one.join().toString()).isEqualTo(200);
        assertThat(two.join().status()).as(two.join().toString()).isEqualTo(200);
        assertThat(planned(team.customerOfA)).extracting(o -> o.getInt("id")).containsExactlyElementsOf(first.stream().map(o -> o.getInt("id")).toList());
    }

    @Test
    void aResolvedProblemBecomesAFollowUpCallAtOnce() {
        String problem = Csv.unique("p");
        Api.Reply opened = api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + team.customerOfB
                + "\",\"opened_at\":\"" + Instant.now().minusSeconds(86_400) + "\",\"summary\":\"Late delivery\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Sent by express\"}").status()).isEqualTo(200);

        List<JsonObject> touches = planned(team.customerOfB);
        JsonObject followUp = touches.stream().filter(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP")).findFirst().orElseThrow();
        assertThat(followUp.getInt("priority")).isGreaterThanOrEqualTo(200);
        assertThat(followUp.getString("reason")).contains("Late delivery");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(LocalDate.parse(followUp.getString("due_on"))).isAfter(today);
    }

    @Test
    void theFollowUpIsDueOnADayItsOwnerWorks() {
        // an owner who works one day a week, four days from now: the follow-up of a problem resolved now is due then,
        // not the next business day (at most three days off, Friday to Monday)
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        java.time.DayOfWeek only = today.plusDays(4).getDayOfWeek();
        String seller = Csv.unique("wd");
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + ",Wanda Weekly,Europe/Berlin," + only.name().substring(0, 3)));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        String customer = seller + "-1";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner",
                customer + ",Weekly GmbH,Europe/Berlin," + seller)).json().getInt("created")).isEqualTo(1);
        String problem = Csv.unique("pwd");
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + customer
                + "\",\"opened_at\":\"" + Instant.now().minusSeconds(86_400) + "\",\"summary\":\"Late delivery\"}").status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Sent\"}").status()).isEqualTo(200);

        JsonObject followUp = planned(customer).stream().filter(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP")).findFirst()
                .orElseThrow();
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), api.asAdmin().get("api/holidays").array()
                .getValuesAs(JsonObject.class).stream().map(h -> LocalDate.parse(h.getString("date"))).collect(java.util.stream.Collectors.toSet()));
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.of(only);
        LocalDate due = LocalDate.parse(followUp.getString("due_on"));
        assertThat(due).isEqualTo(calendar.callDayAfter(today, 1, null, new BusinessCalendar.Workweek(null, days))).isAfterOrEqualTo(today.plusDays(4));
        assertThat(due.getDayOfWeek()).isEqualTo(only);
        assertThat(LocalDate.parse(followUp.getString("due_by"))).isEqualTo(calendar.callDayAfter(today, 2, null, new BusinessCalendar.Workweek(null, days)));
    }

    @Test
    void aProblemImportedResolvedBecomesAFollowUpCallAtOnceAsThroughTheApi() {
        String resolved = Csv.unique("pr");
        String open = Csv.unique("po");
        Instant opened = Instant.now().minusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String header = "external_id,customer,opened_at,resolved_at,summary,resolution";
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                resolved + "," + team.customerOfA + "," + opened + "," + opened.plusSeconds(3_600) + ",Broken invoice,Credit note sent",
                open + "," + team.customerOfB + "," + opened + ",,Slow support,"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(2);

        JsonObject followUp = planned(team.customerOfA).stream().filter(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP"))
                .findFirst().orElseThrow(() -> new AssertionError("no follow-up for the imported resolved problem: " + planned(team.customerOfA)));
        assertThat(followUp.getInt("priority")).isGreaterThanOrEqualTo(200);
        assertThat(followUp.getString("reason")).contains("Broken invoice");
        assertThat(followUp.getString("salesperson")).isEqualTo(team.a);
        assertThat(planned(team.customerOfB)).as("an open problem is not followed up yet")
                .noneMatch(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP"));

        Api.Reply resolvedLater = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                open + "," + team.customerOfB + "," + opened + "," + opened.plusSeconds(7_200) + ",Slow support,Called back"));
        assertThat(resolvedLater.json().getInt("updated")).as(resolvedLater.toString()).isEqualTo(1);
        assertThat(planned(team.customerOfB)).as("resolved by the next import").anyMatch(t ->
                t.getString("rule").equals("PROBLEM_FOLLOW_UP") && t.getString("reason").contains("Slow support"));
    }

    @Test
    void aProblemOpenedWithdrawsCourtesyAndResellCallsAndStopsWaitingMailNotAboutIt() {
        // a problem resolved 31 days ago: a re-sell call is due, and a courtesy call (nobody has spoken to the customer)
        String old = Csv.unique("old");
        Instant resolved = Instant.now().minus(Duration.ofDays(31)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(
                "external_id,customer,opened_at,resolved_at,summary,resolution",
                old + "," + team.customerOfA + "," + resolved.minus(Duration.ofDays(2)) + "," + resolved + ",Broken part,Replaced"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        JsonObject resell = open(team.customerOfA, "RESELL");
        JsonObject courtesy = open(team.customerOfA, "COURTESY");
        // waiting in the outbox for tomorrow: a thank-you, and a check-in about the old problem
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        int thanks = queue(team.customerOfA, "thank-you-anniversary", "{\"years\":\"2\"}", tomorrow);
        int checkIn = queue(team.customerOfA, "problem-check-in", "{\"problem\":{\"summary\":\"Broken part\"}}", tomorrow);

        String complaint = Csv.unique("complaint");
        Api.Reply opened = team.as(team.a).postJson("api/problems", "{\"external_id\":\"" + complaint + "\",\"customer\":\""
                + team.customerOfA + "\",\"opened_at\":\"" + Instant.now().minusSeconds(600) + "\",\"summary\":\"Angry call\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        for (JsonObject call : List.of(resell, courtesy)) {
            JsonObject now = planned(team.customerOfA).stream().filter(t -> t.getInt("id") == call.getInt("id")).findFirst().orElseThrow();
            assertThat(now.getString("status")).as(now.toString()).isEqualTo("CANCELLED");
            assertThat(now.getString("outcome")).isEqualTo("WITHDRAWN");
            assertThat(now.getString("note")).contains("problem " + complaint + " opened");
        }
        org.rapport.testing.Eventually.soon().until(() -> outbox(thanks).getString("status").equals("SUPPRESSED"));
        assertThat(outbox(thanks).getString("last_error")).contains("only problem-related email");
        assertThat(outbox(checkIn).getString("status")).as("mail about the problem still waits").isEqualTo("PENDING");

        api.asAdmin().postJson("api/planning/run", "");
        assertThat(planned(team.customerOfA)).as("nothing but the problem while it is open")
                .noneMatch(t -> t.getString("status").equals("OPEN") && List.of("COURTESY", "RESELL").contains(t.getString("rule")));
    }

    /**
     * Each resolution of a problem is followed up: one resolved, opened again and resolved again gets a second follow-up
     * call (its first round's call was made), and planning again adds no third.
     */
    @Test
    void aProblemResolvedAgainAfterItWasOpenedAgainIsFollowedUpAgain() {
        String problem = Csv.unique("twice");
        String body = "{\"external_id\":\"" + problem + "\",\"customer\":\"" + team.customerOfB + "\",\"opened_at\":\""
                + Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\",\"summary\":\"Wrong invoice\"}";
        assertThat(api.asAdmin().postJson("api/problems", body).status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Credit note\"}").status())
                .isEqualTo(200);
        JsonObject first = open(team.customerOfB, "PROBLEM_FOLLOW_UP");
        Api.Reply reached = team.as(team.b).postJson("api/call-lists/items/" + first.getInt("id") + "/outcome",
                "{\"outcome\":\"REACHED\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);

        assertThat(api.asAdmin().postJson("api/problems", body).status()).as("stored open again").isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Second credit note\"}")
                .status()).isEqualTo(200);
        JsonObject second = open(team.customerOfB, "PROBLEM_FOLLOW_UP");
        assertThat(second.getInt("id")).as("a follow-up of its own").isNotEqualTo(first.getInt("id"));
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(planned(team.customerOfB)).filteredOn(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP"))
                .extracting(t -> t.getInt("id")).containsExactlyInAnyOrder(first.getInt("id"), second.getInt("id"));
    }

    /**
     * A resolved problem stored open again (its resolved_at cleared through the API or by the help desk's next import) is
     * a problem opened: the calls that are not about it are withdrawn and the waiting mail that is not about it stops.
     */
    @Test
    void aResolvedProblemOpenedAgainActsLikeAProblemOpened() {
        // resolved 31 days ago: a re-sell call is due, and a courtesy call (nobody has spoken to the customers)
        String viaApi = Csv.unique("again-api");
        String viaImport = Csv.unique("again-csv");
        Instant resolved = Instant.now().minus(Duration.ofDays(31)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant opened = resolved.minus(Duration.ofDays(2));
        String header = "external_id,customer,opened_at,resolved_at,summary,resolution";
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                viaApi + "," + team.customerOfA + "," + opened + "," + resolved + ",Broken part,Replaced",
                viaImport + "," + team.customerOfB + "," + opened + "," + resolved + ",Slow support,Called back"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(2);
        List<JsonObject> calls = List.of(open(team.customerOfA, "RESELL"), open(team.customerOfA, "COURTESY"),
                open(team.customerOfB, "RESELL"), open(team.customerOfB, "COURTESY"));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        int thanksA = queue(team.customerOfA, "thank-you-anniversary", "{\"years\":\"2\"}", tomorrow);
        int thanksB = queue(team.customerOfB, "thank-you-anniversary", "{\"years\":\"2\"}", tomorrow);

        Api.Reply againApi = team.as(team.a).postJson("api/problems", "{\"external_id\":\"" + viaApi + "\",\"customer\":\""
                + team.customerOfA + "\",\"opened_at\":\"" + opened + "\",\"summary\":\"Broken part\",\"resolution\":\"Replaced\"}");
        assertThat(againApi.status()).as(againApi.toString()).isEqualTo(201);
        Api.Reply againImport = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                viaImport + "," + team.customerOfB + "," + opened + ",,Slow support,Called back"));
        assertThat(againImport.json().getInt("updated")).as(againImport.toString()).isEqualTo(1);

        for (JsonObject call : calls) {
            String customer = call.getString("customer");
            JsonObject now = planned(customer).stream().filter(t -> t.getInt("id") == call.getInt("id")).findFirst().orElseThrow();
            assertThat(now.getString("status")).as(now.toString()).isEqualTo("CANCELLED");
            assertThat(now.getString("outcome")).isEqualTo("WITHDRAWN");
            assertThat(now.getString("note")).contains("problem " + (customer.equals(team.customerOfA) ? viaApi : viaImport) + " opened");
        }
        for (int thanks : List.of(thanksA, thanksB)) {
            org.rapport.testing.Eventually.soon().until(() -> outbox(thanks).getString("status").equals("SUPPRESSED"));
            assertThat(outbox(thanks).getString("last_error")).contains("only problem-related email");
        }
    }

    @Test
    void aProblemImportedOpenWithdrawsTheCustomersCourtesyCall() {
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        JsonObject courtesy = open(team.customerOfB, "COURTESY");
        String header = "external_id,customer,opened_at,resolved_at,summary,resolution";
        String complaint = Csv.unique("imported");
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                complaint + "," + team.customerOfB + "," + Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + ",,Slow support,"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);

        JsonObject after = planned(team.customerOfB).stream().filter(t -> t.getInt("id") == courtesy.getInt("id")).findFirst().orElseThrow();
        assertThat(after.getString("status")).isEqualTo("CANCELLED");
        assertThat(after.getString("note")).contains(complaint);
        assertThat(open(team.customerOfA, "COURTESY").getString("status")).as("another customer keeps theirs").isEqualTo("OPEN");
    }

    @Test
    void aLargePurchaseIsThankedByEmailInsideTheCustomersSendWindow() {
        Rates.known(api.asAdmin());
        String purchase = Csv.unique("buy");
        Api.Reply recorded = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + purchase + "\",\"customer\":\""
                + team.customerOfC + "\",\"purchased_on\":\"" + LocalDate.now(ZoneId.of("America/New_York")).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"USD\",\"description\":\"Fleet licence\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonObject thanks = planned(team.customerOfC).stream().filter(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"))
                .findFirst().orElseThrow();
        assertThat(thanks.getString("status")).isEqualTo("QUEUED");
        JsonObject message = api.asAdmin().get("api/outbox/" + thanks.getInt("outbox_id")).json();
        assertThat(message.getString("template")).isEqualTo("thank-you-purchase");
        int hour = Instant.parse(message.getString("not_before")).atZone(ZoneId.of("America/New_York")).getHour();
        assertThat(hour).as("inside 08:00-18:00 New York time").isBetween(8, 17);
    }

    /**
     * One thank-you note per 14 days counts every thank-you note in the outbox, whoever queued it: a customer thanked
     * for consenting to an introduction (here composed the same way) gets no thank-you for a purchase the next day.
     */
    @Test
    void aThankYouNoteQueuedByAnyoneElseHoldsBackThePlannersNextOne() {
        Rates.known(api.asAdmin());
        queue(team.customerOfC, "thank-you-introduction", "{\"introduction\":{\"otherCompany\":\"Nordwind\"}}",
                Instant.now().plus(Duration.ofDays(1)));
        Api.Reply recorded = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("buy") + "\",\"customer\":\""
                + team.customerOfC + "\",\"purchased_on\":\"" + LocalDate.now(ZoneId.of("America/New_York")).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"USD\",\"description\":\"Fleet licence\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(planned(team.customerOfC)).as("planned again alone").noneMatch(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"));
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(planned(team.customerOfC)).as("in the full plan").noneMatch(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"));
    }

    /**
     * A follow-up call still to be made holds back everything but the problem. The follow-up was planned before, so the
     * plan learns that it is pending only from the stored call: read per customer when one customer is planned again,
     * per page in the full plan.
     */
    @Test
    void aFollowUpCallStillToBeMadeHoldsBackOtherTouchesUntilItIsMade() {
        Rates.known(api.asAdmin());
        Instant resolved = Instant.now().minus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(
                "external_id,customer,opened_at,resolved_at,summary,resolution",
                Csv.unique("fu") + "," + team.customerOfC + "," + resolved.minus(Duration.ofDays(1)) + "," + resolved + ",Wrong size,Exchanged"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        JsonObject followUp = open(team.customerOfC, "PROBLEM_FOLLOW_UP");
        assertThat(LocalDate.parse(followUp.getString("due_by"))).as("overdue").isBefore(LocalDate.now(ZoneId.of("America/New_York")));

        Api.Reply bought = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("buy") + "\",\"customer\":\""
                + team.customerOfC + "\",\"purchased_on\":\"" + LocalDate.now(ZoneId.of("America/New_York")).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"USD\",\"description\":\"Fleet licence\"}");
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(planned(team.customerOfC)).as("planned again alone, the follow-up pending")
                .noneMatch(t -> List.of("THANK_YOU_PURCHASE", "COURTESY").contains(t.getString("rule")));
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(planned(team.customerOfC)).as("in the full plan's page, the follow-up pending")
                .noneMatch(t -> List.of("THANK_YOU_PURCHASE", "COURTESY").contains(t.getString("rule")));

        Api.Reply reached = team.as(team.c).postJson("api/call-lists/items/" + followUp.getInt("id") + "/outcome",
                "{\"outcome\":\"REACHED\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        org.rapport.testing.Eventually.soon().until(() -> planned(team.customerOfC).stream()
                .anyMatch(t -> t.getString("rule").equals("THANK_YOU_PURCHASE")));
    }

    /**
     * The threshold is an amount in the company currency (EUR here): 1,000 JPY are 6.20 EUR and stay under 500 EUR, 1,000
     * USD at 0.92 are 920 EUR and are thanked; 100,000 CHF have no rate, are not compared, and the answer says so.
     */
    @Test
    void theThankYouThresholdCountsPurchasesInTheCompanyCurrency() {
        Rates.known(api.asAdmin());
        JsonObject rules = api.asAdmin().get("api/rules").json();
        JsonObject lower = Json.createObjectBuilder(rules).add("thank_you", Json.createObjectBuilder(rules.getJsonObject("thank_you"))
                .add("purchase_threshold", 500)).build();
        Api.Reply changed = api.asAdmin().put("api/rules", lower.toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1);
            assertThat(purchase(team.customerOfA, yesterday, "1000.00", "JPY").json().getJsonArray("warnings")).isEmpty();
            assertThat(purchase(team.customerOfB, yesterday, "1000.00", "USD").json().getJsonArray("warnings")).isEmpty();
            Api.Reply francs = purchase(team.customerOfC, LocalDate.now(ZoneId.of("America/New_York")).minusDays(1), "100000.00", "CHF");
            assertThat(francs.json().getJsonArray("warnings").getString(0)).as(francs.toString())
                    .startsWith("no exchange rate from CHF to EUR valid on ");

            assertThat(planned(team.customerOfA)).as("1,000 JPY = 6.20 EUR").noneMatch(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"));
            assertThat(planned(team.customerOfB)).filteredOn(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"))
                    .singleElement().satisfies(t -> assertThat(t.getString("reason"))
                            .isEqualTo("Purchase of 1,000.00 USD (920.00 EUR) on " + yesterday));
            assertThat(planned(team.customerOfC)).as("no rate: not compared").noneMatch(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"));
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).isEqualTo(200);
        }
    }

    private Api.Reply purchase(String customer, LocalDate on, String amount, String currency) {
        Api.Reply reply = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("buy") + "\",\"customer\":\""
                + customer + "\",\"purchased_on\":\"" + on + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }

    /**
     * The hourly job runs this same plan ({@code PlanningService}) for the time it fires. Kiritimati is UTC+14 and Pago
     * Pago UTC-11: at every hour of the day at least one of them is on another date than UTC, and each customer's
     * first courtesy call is due on their own "today".
     */
    @Test
    void aPlanRunDatesEachCustomersCallByTheirOwnLocalDay() throws Exception {
        Map<String, ZoneId> customers = new LinkedHashMap<>();
        String tag = Csv.unique("tz");
        customers.put(tag + "-KIRITIMATI", ZoneId.of("Pacific/Kiritimati"));
        customers.put(tag + "-PAGO-PAGO", ZoneId.of("Pacific/Pago_Pago"));
        customers.put(tag + "-UTC", ZoneId.of("UTC"));
        List<String> rows = new ArrayList<>(List.of("external_id,company,preferred_name,email,time_zone,owner"));
        customers.forEach((id, zone) -> rows.add(id + "," + id + " Ltd,Pat," + id.toLowerCase() + "@zones.example," + zone + "," + team.a));
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(3);
        awayFromLocalMidnight(customers.values());

        Instant before = Instant.now();
        Api.Reply run = api.asAdmin().postJson("api/planning/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        LocalDate utcToday = LocalDate.ofInstant(before, ZoneOffset.UTC);
        assertThat(customers.values()).extracting(zone -> LocalDate.ofInstant(before, zone))
                .as("local dates at %s", before).anyMatch(local -> !local.equals(utcToday));
        customers.forEach((id, zone) -> {
            JsonObject call = planned(id).stream().filter(t -> t.getString("rule").equals("COURTESY")).findFirst()
                    .orElseThrow(() -> new AssertionError("no courtesy call for " + id + ": " + planned(id)));
            assertThat(LocalDate.parse(call.getString("due_on"))).as("%s in %s, planned at %s", id, zone, before)
                    .isEqualTo(LocalDate.ofInstant(before, zone));
        });
    }

    /**
     * Each column the planner's pages read (plain JDBC, by index: CustomerPages) reaches the plan as itself: the owner,
     * the tier, the zone, the last conversation, the customer-since date and the consent columns, each with an effect
     * the planned touches show. A column read into the wrong field changes one of them.
     */
    @Test
    void everyColumnOfACustomerReachesThePlanner() throws InterruptedException {
        ZoneId zone = ZoneId.of("Pacific/Kiritimati"); // UTC+14: its today is another date than UTC's most of the day
        awayFromLocalMidnight(List.of(zone, ZoneOffset.UTC));
        LocalDate localToday = LocalDate.now(zone);
        String seller = Csv.unique("col");
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,region,working_days",
                seller + ",Carla Columns,Europe/Berlin,DE-BE,MON-SUN"));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        String all = seller + "-all";
        String noContact = seller + "-dnc";
        String noEmailOk = seller + "-noemail";
        String noAddress = seller + "-noaddress";
        String header = "external_id,company,contact_first_name,email,time_zone,locale,region,owner,tier,customer_since,email_ok,intro_ok,do_not_contact";
        String since = localToday.minusYears(3).toString();
        Api.Reply customers = api.asAdmin().postCsv("api/import/customers", Csv.lines(header,
                all + ",All Columns Ltd,Ada,ada@example.com,Pacific/Kiritimati,en,KI," + seller + ",TOP10," + since + ",true,true,false",
                noContact + ",Do Not Call Ltd,Bo,bo@example.com,Pacific/Kiritimati,en,KI," + seller + ",TOP10," + since + ",true,true,true",
                noEmailOk + ",No Email Ltd,Cy,cy@example.com,Pacific/Kiritimati,en,KI," + seller + ",TOP10," + since + ",false,true,false",
                noAddress + ",No Address Ltd,Di,,Pacific/Kiritimati,en,KI," + seller + ",TOP10," + since + ",true,true,false"));
        assertThat(customers.json().getInt("created")).as(customers.toString()).isEqualTo(4);
        Instant spoken = Instant.now().minus(Duration.ofDays(20));
        Api.Reply touch = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + all
                + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"occurred_at\":\"" + spoken + "\"}");
        assertThat(touch.status()).as(touch.toString()).isEqualTo(201);

        Api.Reply run = api.asAdmin().postJson("api/planning/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(spoken, zone), localToday);
        JsonObject call = open(all, "COURTESY");
        assertThat(call.getString("salesperson")).as("the owner").isEqualTo(seller);
        assertThat(call.getString("reason")).as("the tier and the last conversation, in the customer's zone")
                .isEqualTo("Top-10 customer, last spoken " + days + " days ago");
        JsonObject thanks = planned(all).stream().filter(t -> t.getString("rule").equals("THANK_YOU_ANNIVERSARY")).findFirst()
                .orElseThrow(() -> new AssertionError("no anniversary email: " + planned(all)));
        assertThat(thanks.getString("reason")).as("customer since").isEqualTo("3 years a customer today");
        assertThat(LocalDate.parse(thanks.getString("due_on"))).as("the customer's today").isEqualTo(localToday);
        assertThat(thanks.getString("status")).isEqualTo("QUEUED");
        JsonObject message = outbox(thanks.getInt("outbox_id"));
        assertThat(message.getString("idempotency_key")).startsWith("plan:anniversary:");
        assertThat(message.getString("template")).isEqualTo("thank-you-anniversary");
        assertThat(message.getString("status")).isEqualTo("PENDING");
        java.time.LocalTime leaves = Instant.parse(message.getString("not_before")).atZone(zone).toLocalTime();
        assertThat(leaves).as("inside the send window of the customer's zone").isBetween(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0));

        assertThat(planned(noContact)).as("do not contact").isEmpty();
        assertThat(planned(noEmailOk)).extracting(t -> t.getString("rule")).as("email not allowed").containsExactly("COURTESY");
        assertThat(planned(noAddress)).extracting(t -> t.getString("rule")).as("no address").containsExactly("COURTESY");
        assertThat(open(noEmailOk, "COURTESY").getString("reason")).isEqualTo("Top-10 customer, no conversation on record");
    }

    @Test
    void plannedTouchesAreScopedAndPlanningIsForAdmins() {
        assertThat(team.as(team.c).get("api/planned-touches?customer=" + team.customerOfA).status()).isEqualTo(403);
        assertThat(team.as(team.a).get("api/planned-touches?customer=" + team.customerOfA).status()).isEqualTo(200);
        assertThat(team.as(team.a).get("api/planned-touches").array().getValuesAs(JsonObject.class))
                .allMatch(t -> t.getString("salesperson", "").equals(team.a) || t.isNull("salesperson"));
        assertThat(team.as(team.a).postJson("api/planning/run", "").status()).isEqualTo(403);
        assertThat(api.asAdmin().postJson("api/planning/run?date=not-a-date", "").status()).isEqualTo(400);
    }

    /** Waits until no local midnight of these zones falls within the next minute, so "today" holds during the run. */
    private static void awayFromLocalMidnight(Collection<ZoneId> zones) throws InterruptedException {
        Instant now = Instant.now();
        for (ZoneId zone : zones) {
            Instant midnight = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
            if (Duration.between(now, midnight).compareTo(Duration.ofMinutes(1)) < 0) {
                Thread.sleep(Duration.between(now, midnight).plusSeconds(1).toMillis());
                now = Instant.now();
            }
        }
    }

    private JsonObject open(String customer, String rule) {
        return planned(customer).stream().filter(t -> t.getString("rule").equals(rule) && t.getString("status").equals("OPEN"))
                .findFirst().orElseThrow(() -> new AssertionError("no open " + rule + " for " + customer + ": " + planned(customer)));
    }

    private int queue(String customer, String template, String fields, Instant notBefore) {
        Api.Reply queued = api.asAdmin().postJson("api/outbox", "{\"template\":\"" + template + "\",\"customer\":\"" + customer
                + "\",\"fields\":" + fields + ",\"not_before\":\"" + notBefore + "\"}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        return queued.json().getInt("id");
    }

    private JsonObject outbox(int id) {
        return api.asAdmin().get("api/outbox/" + id).json();
    }

    private List<JsonObject> planned(String customer) {
        Api.Reply reply = api.asAdmin().get("api/planned-touches?customer=" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }
}
