package org.rapport.reports;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Mondays;
import org.rapport.testing.Salespeople;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/reports/problems}: problems imported with dates in a past quarter for a team of this test's own, in
 * categories of its own; each figure below is worked out by hand from the rows.
 */
class ProblemsReportIT {

    static final String PERIOD = "from=2025-01-01&to=2025-03-31";

    Api api;
    Team team;
    String x;
    String y;
    String id;

    @BeforeEach
    void problems() {
        api = TestServer.api();
        team = new Team(api);
        x = Csv.unique("pcx");
        y = Csv.unique("pcy");
        id = Csv.unique("prr");
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(
                "external_id,customer,opened_at,resolved_at,category,summary",
                // 97 days before the next: before the period, and too long before for that one to repeat it
                id + "-0," + team.customerOfA + ",2024-10-01T12:00:00Z,2024-10-02T12:00:00Z," + x + ",Old",
                id + "-1," + team.customerOfA + ",2025-01-06T12:00:00Z,2025-01-06T14:00:00Z," + x + ",Two hours",
                // 28 days after the one before: a repeat
                id + "-2," + team.customerOfA + ",2025-02-03T12:00:00Z,2025-02-03T22:00:00Z," + x + ",Ten hours",
                id + "-3," + team.customerOfA + ",2025-02-04T12:00:00Z,,,Open and without category",
                // the same category as A's, another customer: no repeat
                id + "-4," + team.customerOfB + ",2025-01-07T12:00:00Z,2025-01-07T16:00:00Z," + x + ",Four hours",
                id + "-5," + team.customerOfB + ",2025-01-08T12:00:00Z,," + y + ",Open",
                // the other team's
                id + "-6," + team.customerOfC + ",2025-01-07T12:00:00Z,2025-01-11T16:00:00Z," + x + ",A hundred hours",
                // after the period
                id + "-7," + team.customerOfB + ",2025-04-01T12:00:00Z,," + y + ",Later"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(8);
    }

    @Test
    void aManagerSeesTheTeamsProblemsPerWeekRepeatsMediansAndTopCustomers() {
        JsonObject report = report(team.m, "");
        assertThat(report.getInt("problems")).isEqualTo(5);
        assertThat(report.getJsonArray("weekly").getValuesAs(JsonObject.class).stream()
                .map(w -> w.getString("week") + " " + w.getString("category") + " " + w.getInt("problems")))
                .containsExactlyInAnyOrder("2025-01-06 " + x + " 2", "2025-01-06 " + y + " 1", "2025-02-03 " + x + " 1",
                        "2025-02-03 uncategorised 1");
        assertThat(counts(report, "repeats")).containsExactly(x + " 1");
        assertThat(medians(report)).as("2, 4 and 10 hours").containsExactly(x + " 3 4.0");
        assertThat(report.getJsonArray("top_customers").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("external_id") + " " + c.getString("company") + " " + c.getInt("problems")))
                .containsExactly(team.customerOfA + " Alpha GmbH 3", team.customerOfB + " Beta KG 2");
    }

    /**
     * What SQL now groups: a week's bound to the millisecond (the schedule zone is UTC here), a repeat and an even count of
     * durations in a category of its own, and ties at two and at one problem among the top ten, broken by external id
     * as Java compares it (case first, where the collation would put "j" before "K").
     */
    @Test
    void weeksEndAtTheirBoundRepeatsAndMediansCountPerCategoryAndTiesInTheTopTenGoByExternalId() {
        String z = Csv.unique("pcz");
        String k = team.tag + "-K";
        StringBuilder customers = new StringBuilder("external_id,company,email,time_zone,owner");
        StringBuilder problems = new StringBuilder("external_id,customer,opened_at,resolved_at,category,summary");
        for (int i = 0; i <= 12; i++) {
            String customer = (i == 12 ? team.tag + "-j" : k) + String.format("%02d", i);
            customers.append("\r\n").append(customer).append(",Co ").append(i).append(",,Europe/Berlin,").append(team.a);
            if (i > 0) {
                problems.append("\r\n").append(id).append("-k").append(i).append(',').append(customer)
                        .append(",2025-02-10T12:00:00Z,,").append(z).append(",One");
            }
        }
        problems.append("\r\n").append(id).append("-s,").append(k).append("00,2025-01-12T23:59:59.999Z,2025-01-13T00:59:59.999Z,")
                .append(z).append(",Sunday's last millisecond and an hour");
        problems.append("\r\n").append(id).append("-m,").append(k).append("00,2025-01-13T00:00:00Z,2025-01-13T03:00:00Z,")
                .append(z).append(",Monday's first and three hours and a repeat");
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", customers.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        imported = api.asAdmin().postCsv("api/import/problems", problems.toString());
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(14);

        JsonObject report = report(team.m, "");
        assertThat(report.getInt("problems")).isEqualTo(19);
        assertThat(report.getJsonArray("weekly").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("category").equals(z))
                .map(w -> w.getString("week") + " " + w.getInt("problems")))
                .containsExactly("2025-01-06 1", "2025-01-13 1", "2025-02-10 12");
        assertThat(counts(report, "repeats")).containsExactlyInAnyOrder(x + " 1", z + " 1");
        assertThat(medians(report)).as("1 and 3 hours").contains(z + " 2 2.0");
        assertThat(report.getJsonArray("top_customers").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("external_id") + " " + c.getInt("problems")))
                .containsExactly(team.customerOfA + " 3", team.customerOfB + " 2", k + "00 2", k + "01 1", k + "02 1",
                        k + "03 1", k + "04 1", k + "05 1", k + "06 1", k + "07 1");
    }

    @Test
    void aSalespersonSeesOnlyTheirCustomersProblemsAndAnAdminPicksATeam() {
        JsonObject a = report(team.a, "");
        assertThat(a.getInt("problems")).isEqualTo(3);
        assertThat(medians(a)).as("2 and 10 hours").containsExactly(x + " 2 6.0");
        assertThat(counts(a, "repeats")).containsExactly(x + " 1");
        JsonObject c = report(team.c, "");
        assertThat(c.getInt("problems")).isEqualTo(1);
        assertThat(medians(c)).containsExactly(x + " 1 100.0");
        assertThat(c.getJsonArray("top_customers").getJsonObject(0).getString("external_id")).isEqualTo(team.customerOfC);

        JsonObject teamM = report(null, "&team=" + team.m);
        assertThat(teamM.getInt("problems")).isEqualTo(5);
        assertThat(medians(teamM)).containsExactly(x + " 3 4.0");
        assertThat(report(null, "&team=" + team.m2).getInt("problems")).isEqualTo(1);
        assertThat(report(team.m, "&team=" + team.m).getInt("problems")).as("a manager may name their own team").isEqualTo(5);
    }

    /**
     * Follow-up calls and check-in emails written as the planner, the call list and the outbox leave them: for A's first
     * problem (x) a call that reached the customer and a check-in rated 5 then 1 (the last counts) and replied to; for
     * A's repeat (x) a call escalated after its last try and the email written instead, replied to; for B's (x) a call
     * closed as not needed and a check-in rated 4; for B's (y) a call withdrawn and a check-in that failed; for the other
     * team's (x) a call that reached and a check-in rated 1.
     */
    @Test
    void followUpCallsAndCheckInEmailsPerCategoryOfTheTeamOnly() throws Exception {
        try (Connection db = db()) {
            call(db, "-1", "DONE", "REACHED");
            long first = checkIn(db, "-1", "SENT");
            response(db, first, "RATING", "5", "2025-01-20T10:00:00Z");
            response(db, first, "RATING", "1", "2025-01-21T10:00:00Z");
            response(db, first, "REPLY", "Not quite, see the rating", "2025-01-21T11:00:00Z");
            call(db, "-2", "ESCALATED", "NO_ANSWER");
            response(db, email(db, "follow-up-unreached:" + problemId(db, "-2"), "-2", "problem-follow-up", "SENT"), "REPLY",
                    "All fine now", "2025-02-10T10:00:00Z");
            call(db, "-4", "DONE", "NOT_NEEDED");
            response(db, checkIn(db, "-4", "SENT"), "RATING", "4", "2025-01-20T10:00:00Z");
            call(db, "-5", "CANCELLED", "WITHDRAWN");
            checkIn(db, "-5", "FAILED");
            call(db, "-6", "DONE", "REACHED");
            response(db, checkIn(db, "-6", "SENT"), "RATING", "1", "2025-01-20T10:00:00Z");
        }

        JsonObject m = report(team.m, "");
        assertThat(calls(m)).containsExactly(x + " planned 3 reached 1 closed 1 open 1 escalated 1 cancelled 0",
                y + " planned 1 reached 0 closed 0 open 0 escalated 0 cancelled 1");
        assertThat(emails(m)).containsExactly(
                x + " problem-check-in emails 2 sent 2 unsent 0 answered 2 replied 1 rated 2 average 2.5 low 1",
                x + " problem-follow-up emails 1 sent 1 unsent 0 answered 1 replied 1 rated 0 average - low 0",
                y + " problem-check-in emails 1 sent 0 unsent 1 answered 0 replied 0 rated 0 average - low 0");

        JsonObject b = report(team.b, "");
        assertThat(calls(b)).as("B's own customers only").containsExactly(
                x + " planned 1 reached 0 closed 1 open 0 escalated 0 cancelled 0",
                y + " planned 1 reached 0 closed 0 open 0 escalated 0 cancelled 1");
        assertThat(emails(report(null, "&team=" + team.m2))).as("the other team's")
                .containsExactly(x + " problem-check-in emails 1 sent 1 unsent 0 answered 1 replied 0 rated 1 average 1.0 low 1");

        Api.Reply csv = team.as(team.m).get("api/reports/problems.csv?" + PERIOD);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).contains(
                "weekly," + x + ",2025-01-06,,,,2,,,,,,,,,,,,,,,,",
                "top_customers,,,," + team.customerOfA + ",Alpha GmbH,3,,,,,,,,,,,,,,,,",
                "follow_up_calls," + x + ",,,,,,,,3,1,1,1,1,0,,,,,,,,",
                "check_in_emails," + x + ",,problem-check-in,,,,,,,,,,,,2,2,0,2,1,2,2.5,1")
                .noneMatch(line -> line.contains(team.customerOfC));
    }

    private static List<String> calls(JsonObject report) {
        return report.getJsonArray("follow_up_calls").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("category") + " planned " + c.getInt("planned") + " reached " + c.getInt("reached")
                        + " closed " + c.getInt("closed_unreached") + " open " + c.getInt("open") + " escalated "
                        + c.getInt("escalated") + " cancelled " + c.getInt("cancelled")).toList();
    }

    private static List<String> emails(JsonObject report) {
        return report.getJsonArray("check_in_emails").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("category") + " " + e.getString("template") + " emails " + e.getInt("emails") + " sent "
                        + e.getInt("sent") + " unsent " + e.getInt("unsent") + " answered " + e.getInt("answered") + " replied "
                        + e.getInt("replied") + " rated " + e.getInt("rated") + " average "
                        + (e.containsKey("average_rating") && !e.isNull("average_rating")
                        ? e.getJsonNumber("average_rating").doubleValue() : "-") + " low " + e.getInt("low_ratings")).toList();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private long problemId(Connection db, String suffix) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM problem WHERE external_id = ?")) {
            q.setString(1, id + suffix);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as(id + suffix).isTrue();
                return r.getLong(1);
            }
        }
    }

    /** The problem's follow-up call, as the planner stores it and a call outcome or a manager leaves it. */
    private void call(Connection db, String suffix, String status, String outcome) throws SQLException {
        plannedTouch(db, suffix, "PROBLEM_FOLLOW_UP", "CALL", "follow-up:", status, outcome, null);
    }

    /** The problem's check-in email, planned and queued, in the outbox with {@code status}. */
    private long checkIn(Connection db, String suffix, String status) throws SQLException {
        long outbox = email(db, "plan:check-in:" + problemId(db, suffix), suffix, "problem-check-in", status);
        plannedTouch(db, suffix, "PROBLEM_CHECK_IN", "EMAIL", "check-in:", "QUEUED", null, outbox);
        return outbox;
    }

    private void plannedTouch(Connection db, String suffix, String rule, String channel, String key, String status, String outcome,
                              Long outbox) throws SQLException {
        long problem = problemId(db, suffix);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO planned_touch (plan_key, rule, channel, customer_id, "
                + "cause_id, due_on, due_by, priority, reason, status, outbox_id, outcome, created_at, updated_at) "
                + "SELECT ?, ?, ?, customer_id, id, '2025-03-01', '2025-03-03', 100, 'set up by ProblemsReportIT', ?, ?, ?, "
                + "NOW(3), NOW(3) FROM problem WHERE id = ?")) {
            insert.setString(1, key + problem);
            insert.setString(2, rule);
            insert.setString(3, channel);
            insert.setString(4, status);
            insert.setObject(5, outbox);
            insert.setString(6, outcome);
            insert.setLong(7, problem);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private long email(Connection db, String key, String suffix, String template, String status) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_message (idempotency_key, template, purpose, "
                + "customer_id, fields, status, not_before, message_id, created_at, sent_at, closed_at) "
                + "SELECT ?, ?, 'CHECK_IN', customer_id, '{}', ?, NOW(3), ?, NOW(3), IF(? = 'SENT', NOW(3), NULL), NOW(3) "
                + "FROM problem WHERE external_id = ?", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key);
            insert.setString(2, template);
            insert.setString(3, status);
            insert.setString(4, "<" + key + "." + id + "@problems-report-it>");
            insert.setString(5, status);
            insert.setString(6, id + suffix);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void response(Connection db, long outbox, String kind, String detail, String at) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO mail_response (outbox_id, customer_id, kind, occurred_at, "
                + "detail) SELECT id, customer_id, ?, ?, ? FROM outbox_message WHERE id = ?")) {
            insert.setString(1, kind);
            insert.setTimestamp(2, Timestamp.from(Instant.parse(at)));
            insert.setString(3, detail);
            insert.setLong(4, outbox);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void badParametersAndTeamsOutOfReachAreRefused() {
        Api.Reply otherTeam = team.as(team.m).get("api/reports/problems?" + PERIOD + "&team=" + team.m2);
        assertThat(otherTeam.status()).as(otherTeam.toString()).isEqualTo(403);
        Api.Reply widen = team.as(team.a).get("api/reports/problems?" + PERIOD + "&team=" + team.m);
        assertThat(widen.status()).as("a salesperson cannot widen to the team").isEqualTo(403);
        assertThat(team.as(team.m).get("api/reports/problems.csv?" + PERIOD + "&team=" + team.m2).status())
                .as("nor as CSV").isEqualTo(403);
        Api.Reply own = team.as(team.a).get("api/reports/problems.csv?" + PERIOD);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(team.customerOfA).doesNotContain(team.customerOfB).doesNotContain(team.customerOfC);
        Api.Reply lookAlike = api.asAdmin().get("api/reports/problems.csv?" + PERIOD + "&team=" + team.m + "%25");
        assertThat(lookAlike.status()).as("no pattern match on the manager's id").isEqualTo(400);
        Api.Reply notAManager = api.asAdmin().get("api/reports/problems?" + PERIOD + "&team=" + team.a);
        assertThat(notAManager.status()).isEqualTo(400);
        assertThat(notAManager.body()).contains("team: " + team.a + " is not the external id of a manager");
        Api.Reply backwards = team.as(team.m).get("api/reports/problems?from=2025-03-02&to=2025-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("is before from");
        Api.Reply badDate = team.as(team.m).get("api/reports/problems?from=2025-13-01&to=2025-03-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("from");
    }

    /**
     * Two managers, each with a salesperson and a customer: the weekly email of each names the spikes of their own team's
     * customers only (the 14 days before this Monday against the 12 weeks before), not a category as busy as ever.
     */
    @Test
    void eachManagersWeeklyEmailNamesTheSpikesOfTheirTeamsCustomers() throws Exception {
        ZoneId zone = Mondays.zoneWhereMondayEightHasPassed();
        String tag = Csv.unique("psk").toUpperCase();
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,role,manager",
                tag + "-M,Mia Manager," + tag.toLowerCase() + "-m@example.com," + zone.getId() + ",MANAGER,",
                tag + "-S,Sam Seller,," + zone.getId() + ",SALES," + tag + "-M",
                tag + "-N,Nils Manager," + tag.toLowerCase() + "-n@example.com," + zone.getId() + ",MANAGER,",
                tag + "-T,Tom Seller,," + zone.getId() + ",SALES," + tag + "-N"));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        Api.Reply customers = api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner",
                tag + "-C1,Spiky GmbH,,Europe/Berlin," + tag + "-S",
                tag + "-C2,Other KG,,Europe/Berlin," + tag + "-T"));
        assertThat(customers.json().getInt("created")).as(customers.toString()).isEqualTo(2);
        String spiky = tag + "-X"; // the categories: unknown to the taxonomy, so named by their codes
        String steady = tag + "-Z";
        String others = tag + "-Y";
        Instant monday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        List<String> rows = new java.util.ArrayList<>(List.of("external_id,customer,opened_at,resolved_at,category,summary"));
        for (int i = 1; i <= 6; i++) { // six in the last 14 days where there were none before
            rows.add(tag + "-X" + i + "," + tag + "-C1," + monday.minus(Duration.ofDays(i).plusHours(3)) + ",," + spiky + ",Spike");
        }
        for (int w = 0; w <= 6; w++) { // one in each window, the last 14 days included: as ever
            rows.add(tag + "-Z" + w + "," + tag + "-C1," + monday.minus(Duration.ofDays(14L * w + 7)) + ",," + steady + ",Steady");
        }
        rows.add(tag + "-X0," + tag + "-C1," + monday.plus(Duration.ofHours(1)) + ",," + spiky + ",After the Monday: not counted");
        for (int i = 1; i <= 7; i++) { // the other team's spike
            rows.add(tag + "-Y" + i + "," + tag + "-C2," + monday.minus(Duration.ofDays(i)) + ",," + others + ",Theirs");
        }
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(rows.size() - 1);

        Salespeople.onlyTheseHaveAnEmail(tag + "-M", tag + "-N");
        Api.Reply run = api.asAdmin().postJson("api/reports/netweaving/weekly/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        String mine = mailText(tag.toLowerCase() + "-m@example.com");
        assertThat(mine).contains("  - " + spiky + " problems rose 12-fold: 6 in 14 days against 0 before")
                .doesNotContain(steady).doesNotContain(others);
        String theirs = mailText(tag.toLowerCase() + "-n@example.com");
        assertThat(theirs).contains("  - " + others + " problems rose 14-fold: 7 in 14 days against 0 before")
                .doesNotContain(spiky).doesNotContain(steady);
    }

    private static String mailText(String address) throws Exception {
        Eventually.soon().until(() -> Mailbox.to(address).size() == 1);
        return (String) ((jakarta.mail.Multipart) Mailbox.single(address).getContent()).getBodyPart(0).getContent();
    }

    private JsonObject report(String login, String extra) {
        Api caller = login == null ? api.asAdmin() : team.as(login);
        Api.Reply reply = caller.get("api/reports/problems?" + PERIOD + extra);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> counts(JsonObject report, String section) {
        return report.getJsonArray(section).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("category") + " " + c.getInt("problems")).toList();
    }

    private static List<String> medians(JsonObject report) {
        return report.getJsonArray("median_hours_to_resolve").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("category") + " " + m.getInt("resolved") + " " + m.getJsonNumber("median_hours").doubleValue())
                .toList();
    }
}
