package org.rapport.outbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of the contact policy racing a batch in flight: a one-click unsubscribe, a problem opened. The gate holds a
 * message to the customer on the wire (its final "." kept back), so the race is arranged, not hoped for.
 */
class UnsubscribeRaceIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/u/([a-z2-7]+)>");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @AfterEach
    void releaseGate() {
        TestMailServer.gate().release();
    }

    @Test
    void anUnsubscribeWaitsForTheMessageOnTheWireOnlyAndNothingLeavesAfterIt() throws Exception {
        // six emails to one customer: above the cap of two outreach emails in seven days, which holds for every login
        withRoomForEmails(6, () -> {
            sixEmailsAndAnUnsubscribe();
            return null;
        });
    }

    /** Runs {@code test} with the rule {@code contact.max_emails_per_7_days} raised to {@code emails}, then restores it. */
    private <T> T withRoomForEmails(int emails, java.util.concurrent.Callable<T> test) throws Exception {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        JsonObject room = Json.createObjectBuilder(rules).add("contact_policy",
                Json.createObjectBuilder(rules.getJsonObject("contact_policy")).add("max_emails_per_7_days", emails)).build();
        assertThat(api.asAdmin().put("api/rules", room.toString()).status()).isEqualTo(200);
        try {
            return test.call();
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).isEqualTo(200);
        }
    }

    private void sixEmailsAndAnUnsubscribe() throws Exception {
        String email = customer("race");
        String token = firstMessageAndItsToken(email);
        TestMailServer.gate().hold(email);
        // due at the same instant, so one dispatcher claims all five in one batch
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(compose(email, LATER).getInt("id"));
        }
        dueTogetherNow(ids);
        assertThat(TestMailServer.gate().awaitHeld(Duration.ofSeconds(30))).as("a message to the customer on the wire").isTrue();

        CompletableFuture<Api.Reply> post = CompletableFuture.supplyAsync(() -> api.anonymous().post("u/" + token,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)));
        Thread.sleep(1500);
        assertThat(post).as("the POST waits while a message to the customer is on the wire").isNotDone();
        TestMailServer.gate().release();
        Api.Reply unsubscribed = post.get(30, TimeUnit.SECONDS);
        Instant answered = Instant.now();
        int receivedWhenAnswered = Mailbox.to(email).size();

        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
        assertThat(receivedWhenAnswered).as("the first message and the one on the wire").isEqualTo(2);
        // Eventually: the rest of the batch is marked SUPPRESSED just after the POST committed (ADR 0003)
        onlyTheOneOnTheWireWent(ids, answered, null);
        Thread.sleep(2000);
        assertThat(Mailbox.to(email)).as("nothing after the POST returned").hasSize(2);
    }

    @Test
    void aMessageTheServerAcceptedStaysSentWhenItsTransactionLosesADeadlock() throws Exception {
        String email = customer("deadlock");
        firstMessageAndItsToken(email);
        TestMailServer.gate().hold(email);
        int id = compose(email, null).getInt("id");
        assertThat(TestMailServer.gate().awaitHeld(Duration.ofSeconds(30))).as("the message on the wire").isTrue();
        long customerId = customerIdOf(id);
        long salespersonId = salespersonIdOf(id);

        // Another transaction holds the salesperson row (which the delivery's touch needs once the server accepted) and
        // then wants the message's row. It has written far more, so the database picks the delivery as the deadlock
        // victim, after the message left.
        try (Connection other = db()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement();
                 PreparedStatement weight = other.prepareStatement("INSERT INTO mail_response (customer_id, kind, occurred_at, "
                         + "detail) VALUES (?, 'CLICK', UTC_TIMESTAMP(3), 'weight')")) {
                s.executeUpdate("UPDATE salesperson SET name = name WHERE id = " + salespersonId);
                s.execute("SAVEPOINT weight");
                for (int i = 0; i < 500; i++) {
                    weight.setLong(1, customerId);
                    weight.addBatch();
                }
                weight.executeBatch();
            }
            CompletableFuture<Void> suppression = CompletableFuture.runAsync(() -> {
                try (PreparedStatement lock = other.prepareStatement("SELECT id FROM outbox_message WHERE id = ? FOR UPDATE");
                     PreparedStatement suppress = other.prepareStatement("UPDATE outbox_message SET status = 'SUPPRESSED', "
                             + "last_error = 'the customer unsubscribed' WHERE id = ? AND status IN ('PENDING', 'SENDING')")) {
                    lock.setLong(1, id);
                    lock.executeQuery().close();
                    try (Statement s = other.createStatement()) {
                        s.execute("ROLLBACK TO SAVEPOINT weight");
                    }
                    suppress.setLong(1, id);
                    // the delivery, rolled back after the server accepted, left its row SENDING: this suppresses it
                    assertThat(suppress.executeUpdate()).as("the row the lost delivery left behind, suppressed").isEqualTo(1);
                    other.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("the test's own transaction lost the deadlock", e);
                }
            });
            Thread.sleep(1000); // its lock request waits behind the delivery
            TestMailServer.gate().release(); // the server accepts; the delivery then needs the salesperson row: deadlock
            suppression.get(60, TimeUnit.SECONDS);
        }

        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));
        assertThat(Mailbox.to(email)).as("the customer has it").hasSize(2);
        assertThat(api.asAdmin().get("api/outbox/" + id).json().getString("status")).isEqualTo("SENT");
    }

    /**
     * While a problem is open only problem-related email may go (the SPEC's contact policy): once the POST that opens it
     * has answered, no thank-you note may leave, not even one whose delivery had started. Opening the problem waits for
     * the message on the wire, as an unsubscribe does (ADR 0003).
     */
    @Test
    void aProblemOpenedWaitsForTheMessageOnTheWireAndNothingButProblemMailLeavesAfterIt() throws Exception {
        String email = customer("problem");
        String problem = Csv.unique("complaint");
        nothingLeavesAfter(email, () -> api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem
                + "\",\"customer\":\"" + externalId(email) + "\",\"opened_at\":\"" + Instant.now().minusSeconds(60)
                + "\",\"summary\":\"Angry call\"}"), 201);
    }

    /**
     * A delivery that waits for its customer's row reads the customer as they are once it has the row: a problem that
     * the transaction it waited for committed stops it. The problem state is a subquery of the delivery's locking read,
     * which the lock does not cover; it must not come from a snapshot older than the lock (ADR 0003).
     */
    @Test
    void aDeliveryThatWaitedForItsCustomersRowSeesTheProblemCommittedMeanwhile() throws Exception {
        String email = customer("waited");
        firstMessageAndItsToken(email);
        int id = compose(email, LATER).getInt("id");
        long customerId = customerIdOf(id);
        try (Connection holder = db(); Connection observer = db()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM customer WHERE id = " + customerId + " FOR UPDATE").close();
            }
            dueTogetherNow(List.of(id));
            Eventually.soon().until(() -> deliveriesReadingTheirCustomer(observer) > 0); // and waiting for the row
            try (PreparedStatement problem = holder.prepareStatement("INSERT INTO problem (external_id, customer_id, opened_at,"
                    + " summary, created_at, updated_at) VALUES (?, ?, UTC_TIMESTAMP(3), 'Angry call', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))")) {
                problem.setString(1, Csv.unique("meanwhile"));
                problem.setLong(2, customerId);
                problem.executeUpdate();
            }
            holder.commit();
        }

        Eventually.soon().until(() -> !api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENDING"));
        JsonObject message = api.asAdmin().get("api/outbox/" + id).json();
        assertThat(message.getString("status")).as(message.toString()).isEqualTo("SUPPRESSED");
        assertThat(message.getString("last_error")).contains("only problem-related email");
        assertThat(Mailbox.to(email)).as("only the first message").hasSize(1);
    }

    /**
     * How many deliveries are inside their locking read of message and customer now. While the test holds the
     * customer's row, one there is waiting for it. Read from the process list, which shows a login its own
     * connections without the PROCESS privilege (the CI's second pass runs as a login with none).
     */
    private static long deliveriesReadingTheirCustomer(Connection observer) throws SQLException {
        try (Statement s = observer.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM"
                + " information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE '%AS problem_pending%'"
                + " AND INFO LIKE '%LOCK IN SHARE MODE%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A resolved problem that a help-desk import brings back open (resolved_at emptied) is a problem opened. */
    @Test
    void aResolvedProblemImportedOpenAgainWaitsTheSameWay() throws Exception {
        String email = customer("reopen");
        String problem = Csv.unique("back");
        // resolved long ago: no follow-up is pending, so outreach email goes until the problem is back
        Instant opened = Instant.now().minus(Duration.ofDays(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String header = "external_id,customer,opened_at,resolved_at,summary";
        Api.Reply resolved = api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                problem + "," + externalId(email) + "," + opened + "," + opened.plus(Duration.ofDays(1)) + ",Broken part"));
        assertThat(resolved.json().getInt("created")).as(resolved.toString()).isEqualTo(1);

        Api.Reply reopened = nothingLeavesAfter(email, () -> api.asAdmin().postCsv("api/import/problems", Csv.lines(header,
                problem + "," + externalId(email) + "," + opened + ",,Broken part")), 200);
        assertThat(reopened.json().getInt("updated")).as(reopened.toString()).isEqualTo(1);
    }

    /**
     * Three thank-you notes to the customer, due together (one batch), the first held on the wire while {@code opening}
     * runs: it waits for that message and answers {@code status}; nothing else reaches the customer.
     */
    private Api.Reply nothingLeavesAfter(String email, java.util.function.Supplier<Api.Reply> opening, int status) throws Exception {
        return withRoomForEmails(3, () -> threeNotesAndThen(email, opening, status));
    }

    private Api.Reply threeNotesAndThen(String email, java.util.function.Supplier<Api.Reply> opening, int status) throws Exception {
        TestMailServer.gate().hold(email);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(compose(email, LATER).getInt("id"));
        }
        dueTogetherNow(ids);
        assertThat(TestMailServer.gate().awaitHeld(Duration.ofSeconds(30))).as("a message to the customer on the wire").isTrue();

        CompletableFuture<Api.Reply> post = CompletableFuture.supplyAsync(opening);
        Thread.sleep(1500);
        assertThat(post).as("opening the problem waits while a message to the customer is on the wire").isNotDone();
        TestMailServer.gate().release();
        Api.Reply opened = post.get(30, TimeUnit.SECONDS);
        Instant answered = Instant.now();
        int receivedWhenAnswered = Mailbox.to(email).size();

        assertThat(opened.status()).as(opened.toString()).isEqualTo(status);
        assertThat(receivedWhenAnswered).as("the one on the wire").isEqualTo(1);
        onlyTheOneOnTheWireWent(ids, answered, "only problem-related email");
        Thread.sleep(2000);
        assertThat(Mailbox.to(email)).as("nothing after the POST returned").hasSize(1);
        return opened;
    }

    /**
     * Of the batch {@code ids}, the message on the wire was SENT before the POST answered at {@code answered}, and the
     * others were SUPPRESSED (saying {@code because}, when given) just after it committed.
     */
    private void onlyTheOneOnTheWireWent(List<Integer> ids, Instant answered, String because) {
        Eventually.soon().untilAsserted(() -> {
            List<String> statuses = new ArrayList<>();
            for (int id : ids) {
                statuses.add(api.asAdmin().get("api/outbox/" + id).json().getString("status"));
            }
            assertThat(statuses).as("the one on the wire went; the rest of its batch did not")
                    .containsOnlyOnce("SENT").containsOnly("SENT", "SUPPRESSED");
        });
        for (int id : ids) {
            JsonObject message = api.asAdmin().get("api/outbox/" + id).json();
            if (message.getString("status").equals("SENT")) {
                assertThat(Instant.parse(message.getString("sent_at"))).as("the one on the wire was sent before the POST answered")
                        .isBefore(answered);
            } else if (because != null) {
                assertThat(message.getString("last_error")).contains(because);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String externalId(String email) {
        return email.substring(0, email.indexOf('@')).toUpperCase();
    }

    private String customer(String prefix) {
        String tag = Csv.unique(prefix).toUpperCase();
        String email = tag.toLowerCase() + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                tag + ",Race AG,Rita," + email + ",Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return email;
    }

    /** Sends one message to the customer and returns the unsubscribe token it carries. */
    private String firstMessageAndItsToken(String email) throws Exception {
        int first = compose(email, null).getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + first).json().getString("status").equals("SENT"));
        MimeMessage message = Mailbox.single(email);
        Matcher m = UNSUBSCRIBE.matcher(message.getHeader("List-Unsubscribe", null));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private JsonObject compose(String email, Instant notBefore) {
        String customer = email.substring(0, email.indexOf('@')).toUpperCase();
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"2\"}" + (notBefore == null ? "" : ",\"not_before\":\"" + notBefore + "\"")
                + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static long customerIdOf(int outboxId) throws SQLException {
        return column("customer_id", outboxId);
    }

    private static long salespersonIdOf(int outboxId) throws SQLException {
        return column("(SELECT owner_id FROM customer WHERE customer.id = outbox_message.customer_id)", outboxId);
    }

    /** Composed for an hour from now: none is due until {@link #dueTogetherNow} makes them all due at once. */
    private static final Instant LATER = Instant.now().plus(Duration.ofHours(1));

    /**
     * Set-up: the messages {@code ids}, composed for {@link #LATER}, become due at one instant in one statement, so one
     * dispatcher claims them in one batch, with no wait for a moment set ahead.
     */
    private static void dueTogetherNow(List<Integer> ids) throws SQLException {
        try (Connection c = db(); PreparedStatement due = c.prepareStatement("UPDATE outbox_message SET not_before = UTC_TIMESTAMP(3)"
                + " WHERE status = 'PENDING' AND id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                due.setLong(i + 1, ids.get(i));
            }
            assertThat(due.executeUpdate()).as("all still waiting").isEqualTo(ids.size());
        }
    }

    private static long column(String expression, int outboxId) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT " + expression + " FROM outbox_message WHERE id = ?")) {
            s.setLong(1, outboxId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getLong(1);
            }
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }
}
