package org.rapport.netweaving;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introductions through the API: the matching run (POST /api/introductions/match) over the customers in the database,
 * and an introduction's life as far as the salespeople take it (approve, decline, outcome), with its history and who may
 * see and do what. A run matches every customer of the shared test database, so each test gives its customers category
 * codes of its own (unique per test) and asserts about its own customers only.
 */
class IntroductionIT {

    /** The stages an approved introduction may be in by the time a test looks (what follows approval is not ours). */
    private static final Set<String> APPROVED_OR_LATER = Set.of("APPROVED", "CONSENT_REQUESTED_FIRST");

    private final Api api = TestServer.api();
    private final Api admin = api.asAdmin();
    private final String tag = Csv.unique("intro").toLowerCase(Locale.ROOT);

    /**
     * This test's customers are contacted by no later test: a chunk test makes over a hundred of them, and a full plan
     * of another class (every customer in the shared database) would otherwise queue their courtesy emails ahead of the
     * next tests' own messages.
     */
    @AfterEach
    void retireThisTestsCustomers() throws SQLException {
        try (Connection db = database(); PreparedStatement retire = db.prepareStatement(
                "UPDATE customer SET do_not_contact = TRUE WHERE external_id LIKE ?")) {
            retire.setString(1, tag + "-%");
            retire.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------- the matching run

    @Test
    void complementaryCustomersAreProposedWithTheirOneLineExplanation() {
        Team team = new Team(api);
        String logistics = category("logistics", "Logistics " + tag);
        String acme = tag + "-ACME";
        String mueller = tag + "-MUELLER";
        customers(team.a + "," + acme + ",Acme " + tag + ",DE-BE,," + logistics + ",true",
                team.a + "," + mueller + ",Müller " + tag + ",DE-BE," + logistics + ",,true");

        JsonObject run = match();
        assertThat(run.getJsonNumber("id").longValue()).isPositive();
        assertThat(run.getInt("customers")).isGreaterThanOrEqualTo(2);
        assertThat(run.getJsonNumber("candidate_pairs").longValue()).isPositive();
        assertThat(run.getInt("proposed")).isPositive();
        assertThat(run.getJsonObject("customers_left_out")).isNotNull();
        assertThat(run.getJsonObject("pairs_left_out")).isNotNull();

        List<JsonObject> mine = introductions(team.as(team.a), team.a);
        assertThat(mine).hasSize(1);
        JsonObject proposal = mine.get(0);
        assertThat(proposal.getJsonObject("first").getString("customer")).as("the one who needs is first").isEqualTo(acme);
        assertThat(proposal.getJsonObject("second").getString("customer")).isEqualTo(mueller);
        assertThat(proposal.getString("stage")).isEqualTo("PROPOSED");
        assertThat(proposal.getString("explanation"))
                .isEqualTo("Acme " + tag + " needs Logistics " + tag + "; Müller " + tag + " offers Logistics " + tag + "; both in DE-BE");
        assertThat(codes(proposal, "first_needs")).containsExactly(logistics);

        JsonObject history = introduction(team.as(team.a), id(proposal));
        assertThat(events(history)).containsExactly("PROPOSED null->PROPOSED by rapport");
        assertThat(history.getJsonArray("history").getJsonObject(0).getString("note")).isEqualTo(proposal.getString("explanation"));
    }

    @Test
    void onlyAnAdminStartsARunAndASecondRunWhileOneIsUnderWayIsRefused() throws SQLException {
        Team team = new Team(api);
        for (String who : List.of(team.a, team.m)) {
            Api.Reply refused = team.as(who).postJson("api/introductions/match", "");
            assertThat(refused.status()).as(who + ": " + refused).isEqualTo(403);
        }
        assertThat(api.anonymous().postJson("api/introductions/match", "").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/openapi").body()).as("documented").contains("/api/introductions/match");

        // a run on another instance holds the lock row for its whole transaction
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM match_lock WHERE id = 1 FOR UPDATE");
                 ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).isTrue();
                Api.Reply busy = admin.postJson("api/introductions/match", "");
                assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
                assertThat(busy.json().getString("detail")).startsWith("A matching run is already under way");
            } finally {
                db.rollback();
            }
        }
        assertThat(admin.postJson("api/introductions/match", "").status()).as("free again").isEqualTo(200);
    }

    /** Proposals a matching run of the shared server stores per transaction. */
    private static final int CHUNK = TestServer.MATCH_CHUNK;

    /** More pairs of this test's own than one chunk of stored proposals. */
    private static final int PAIRS = CHUNK + 5;

    /**
     * PAIRS codes, each needed by one customer and offered by one other: exactly PAIRS proposals of ours. The pairs
     * earlier tests left unproposed are proposed first, so that the next run's chunks hold ours.
     */
    private void morePairsThanAChunk() {
        match();
        Team team = new Team(api);
        String[] categories = new String[PAIRS + 1];
        String[] rows = new String[2 * PAIRS];
        categories[0] = "code,name";
        for (int k = 0; k < PAIRS; k++) {
            String code = tag + "-k" + k;
            categories[k + 1] = code + ",K" + k + " " + tag;
            rows[2 * k] = team.a + "," + tag + "-N" + k + ",N" + k + ",DE-BE,," + code + ",true";
            rows[2 * k + 1] = team.a + "," + tag + "-O" + k + ",O" + k + ",DE-BE," + code + ",,true";
        }
        Api.Reply imported = admin.postCsv("api/import/categories", Csv.lines(categories));
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
        customers(rows);
    }

    @Test
    void aRunThatFailsInItsSecondChunkKeepsTheFirstAsValidProposalsAndIsRecordedAsFailed() throws SQLException {
        morePairsThanAChunk();

        long failedRun;
        try (Connection db = database(); java.sql.Statement sql = db.createStatement()) {
            // the database refuses the run's first proposal after a chunk: the second chunk's multi-row insert fails whole
            sql.execute("DROP TRIGGER IF EXISTS match_it_second_chunk");
            sql.execute("CREATE TRIGGER match_it_second_chunk BEFORE INSERT ON introduction FOR EACH ROW BEGIN"
                    + " IF NEW.match_run_id IS NOT NULL AND (SELECT COUNT(*) FROM introduction i"
                    + " WHERE i.match_run_id = NEW.match_run_id) >= " + CHUNK + " THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: no room for a second chunk'; END IF; END");
            try {
                Api.Reply failed = admin.postJson("api/introductions/match", "");
                assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS match_it_second_chunk");
            }
            failedRun = single(db, "SELECT MAX(id) FROM match_run");
            try (ResultSet run = sql.executeQuery("SELECT status, proposed, failure, finished_at FROM match_run WHERE id = " + failedRun)) {
                assertThat(run.next()).isTrue();
                assertThat(run.getString("status")).isEqualTo("FAILED");
                assertThat(run.getInt("proposed")).as("the first chunk, committed").isEqualTo(CHUNK);
                assertThat(run.getString("failure")).contains("no room for a second chunk");
                assertThat(run.getTimestamp("finished_at")).isNotNull();
            }
            assertThat(single(db, "SELECT COUNT(*) FROM introduction WHERE match_run_id = " + failedRun + " AND stage = 'PROPOSED'"))
                    .as("stored proposals stay").isEqualTo(CHUNK);
            assertThat(single(db, "SELECT COUNT(*) FROM introduction_event e JOIN introduction i ON i.id = e.introduction_id"
                    + " WHERE i.match_run_id = " + failedRun + " AND e.kind = 'PROPOSED' AND e.actor = 'rapport'"
                    + " AND e.note = i.explanation")).as("each with its PROPOSED event").isEqualTo(CHUNK);
        }
        long oursBefore = ourPairs(1);

        // the lock went with the failed run; the next run proposes the rest of ours, none of the stored ones again
        JsonObject next = match();
        assertThat(next.getJsonNumber("id").longValue()).isGreaterThan(failedRun);
        assertThat(ourPairs(1)).as("each of our pairs once, in one run or the other").isEqualTo(PAIRS);
        assertThat(ourPairs(2)).as("no pair twice").isZero();
        assertThat(oursBefore).isPositive().isLessThanOrEqualTo(CHUNK);
        try (Connection db = database(); java.sql.Statement sql = db.createStatement();
             ResultSet run = sql.executeQuery("SELECT status, proposed, failure FROM match_run WHERE id = "
                     + next.getJsonNumber("id").longValue())) {
            assertThat(run.next()).isTrue();
            assertThat(run.getString("status")).isEqualTo("FINISHED");
            assertThat(run.getInt("proposed")).isEqualTo(next.getInt("proposed")).isGreaterThanOrEqualTo(PAIRS - (int) oursBefore);
            assertThat(run.getString("failure")).isNull();
        }
    }

    /**
     * The order is the test's: the run's second chunk waits at its first row until the test lets it go, and the test
     * marks the run FAILED only once the chunk is waiting there. The gate and the chunk's signal are named locks
     * (GET_LOCK), not rows: a table the trigger reads is locked for the whole waiting INSERT (a MEMORY table's
     * table lock held the test's opening of a gate back until the trigger gave up).
     */
    @Test
    void aRunWhoseRowAnotherRunMarkedFailedStoresNoFurtherChunkAndLeavesThatFailureAsItIs() throws Exception {
        morePairsThanAChunk();
        String abandoned = "abandoned: marked FAILED by the test, as the run that took the lock would " + tag;
        try (Connection db = database(); Connection gate = database(); java.sql.Statement sql = db.createStatement()) {
            // a row lock the chunk held would make the UPDATE below wait: fail then, do not wait out the gate
            sql.execute("SET SESSION innodb_lock_wait_timeout = 10");
            assertThat(single(gate, "SELECT GET_LOCK('match_it_gate', 10)")).as("the test holds the gate").isEqualTo(1);
            sql.execute("DROP TRIGGER IF EXISTS match_it_second_chunk_waits");
            sql.execute("CREATE TRIGGER match_it_second_chunk_waits BEFORE INSERT ON introduction FOR EACH ROW BEGIN"
                    + " IF NEW.match_run_id IS NOT NULL AND (SELECT COUNT(*) FROM introduction i"
                    + " WHERE i.match_run_id = NEW.match_run_id) = " + CHUNK + " THEN"
                    + " IF GET_LOCK('match_it_reached', 0) = 1 THEN" // the signal: the chunk is at the gate
                    + " DO GET_LOCK('match_it_gate', 60); DO RELEASE_LOCK('match_it_gate');"
                    + " DO RELEASE_LOCK('match_it_reached'); END IF; END IF; END");
            try {
                java.util.concurrent.CompletableFuture<Api.Reply> running = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> admin.postJson("api/introductions/match", ""));
                org.rapport.testing.Eventually.within(java.time.Duration.ofSeconds(60)).until(() -> running.isDone()
                        || single(db, "SELECT IS_USED_LOCK('match_it_reached') IS NOT NULL") == 1);
                assertThat(running).as("the run waits at its second chunk").isNotDone();
                long run = single(db, "SELECT MAX(id) FROM match_run WHERE status = 'RUNNING'");
                assertThat(single(db, "SELECT proposed FROM match_run WHERE id = " + run)).as("its first chunk stored")
                        .isEqualTo(CHUNK);
                // what the next run does once it has the lock (MatchRuns.start): this run is FAILED from now on
                try (PreparedStatement fail = db.prepareStatement(
                        "UPDATE match_run SET status = 'FAILED', failure = ?, finished_at = NOW(3) WHERE id = ?")) {
                    fail.setString(1, abandoned);
                    fail.setLong(2, run);
                    assertThat(fail.executeUpdate()).isEqualTo(1);
                }
                assertThat(single(gate, "SELECT RELEASE_LOCK('match_it_gate')")).as("the gate opens").isEqualTo(1);
                Api.Reply stopped = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(stopped.status()).as(stopped.toString()).isEqualTo(409);
                assertThat(stopped.json().getString("detail")).contains("Matching run " + run + " stopped");

                try (ResultSet row = sql.executeQuery("SELECT status, proposed, failure FROM match_run WHERE id = " + run)) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("status")).isEqualTo("FAILED");
                    assertThat(row.getString("failure")).as("neither its FINISHED nor its own failure overwrote it")
                            .isEqualTo(abandoned);
                    assertThat(row.getInt("proposed")).isEqualTo(CHUNK);
                }
                assertThat(single(db, "SELECT COUNT(*) FROM introduction WHERE match_run_id = " + run))
                        .as("the second chunk rolled back whole").isEqualTo(CHUNK);
                assertThat(single(db, "SELECT COUNT(*) FROM introduction_event e JOIN introduction i ON i.id = e.introduction_id"
                        + " WHERE i.match_run_id = " + run)).isEqualTo(CHUNK);
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS match_it_second_chunk_waits");
                single(gate, "SELECT COALESCE(RELEASE_LOCK('match_it_gate'), 0)");
            }
        }
    }

    @Test
    void aChunkTheDatabaseRolledBackAsADeadlockVictimIsStoredAgainAndTheRunFinishes() throws SQLException {
        Team team = new Team(api);
        String logistics = category("logistics", "Logistics " + tag);
        customers(team.a + "," + tag + "-N,N " + tag + ",DE-BE,," + logistics + ",true",
                team.a + "," + tag + "-O,O " + tag + ",DE-BE," + logistics + ",,true");
        JsonObject run;
        try (Connection db = database(); java.sql.Statement sql = db.createStatement()) {
            // the run's first proposal row is refused once as a deadlock victim (1213, SQLSTATE 40001); the MEMORY
            // table keeps that it happened through the rollback
            sql.execute("CREATE TABLE IF NOT EXISTS match_it_deadlocked (once INT) ENGINE=MEMORY");
            sql.execute("DELETE FROM match_it_deadlocked");
            sql.execute("DROP TRIGGER IF EXISTS match_it_deadlock_once");
            sql.execute("CREATE TRIGGER match_it_deadlock_once BEFORE INSERT ON introduction FOR EACH ROW BEGIN"
                    + " IF NEW.match_run_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM match_it_deadlocked) THEN"
                    + " INSERT INTO match_it_deadlocked VALUES (1);"
                    + " SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'test: deadlock victim'; END IF; END");
            try {
                run = match();
                assertThat(single(db, "SELECT COUNT(*) FROM match_it_deadlocked")).as("the deadlock happened").isEqualTo(1);
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS match_it_deadlock_once");
                sql.execute("DROP TABLE IF EXISTS match_it_deadlocked");
            }
            long id = run.getJsonNumber("id").longValue();
            try (ResultSet row = sql.executeQuery("SELECT status, proposed FROM match_run WHERE id = " + id)) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("FINISHED");
                assertThat(row.getInt("proposed")).isEqualTo(run.getInt("proposed")).isPositive();
            }
            assertThat(single(db, "SELECT COUNT(*) FROM introduction WHERE match_run_id = " + id))
                    .as("each proposal once").isEqualTo(run.getInt("proposed"));
            assertThat(single(db, "SELECT COUNT(*) FROM introduction_event e JOIN introduction i ON i.id = e.introduction_id"
                    + " WHERE i.match_run_id = " + id)).isEqualTo(run.getInt("proposed"));
        }
        assertThat(introductions(admin, team.a)).hasSize(1);
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceIsMarkedFailedByTheNextRun() throws SQLException {
        long abandoned;
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO match_run (started_at, started_by, status) VALUES (NOW(3), 'killed-instance', 'RUNNING')",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                abandoned = key.getLong(1);
            }
        }
        match();
        try (Connection db = database(); java.sql.Statement sql = db.createStatement();
             ResultSet run = sql.executeQuery("SELECT status, failure, finished_at FROM match_run WHERE id = " + abandoned)) {
            assertThat(run.next()).isTrue();
            assertThat(run.getString("status")).isEqualTo("FAILED");
            assertThat(run.getString("failure")).startsWith("abandoned");
            assertThat(run.getTimestamp("finished_at")).isNotNull();
        }
    }

    /** How many of this test's pairs (N k needs what O k offers) have exactly {@code times} introductions. */
    private long ourPairs(int times) throws SQLException {
        try (Connection db = database()) {
            return single(db, "SELECT COUNT(*) FROM (SELECT a.id FROM customer a JOIN introduction i ON i.first_customer_id = a.id"
                    + " JOIN customer b ON b.id = i.second_customer_id"
                    + " WHERE a.external_id LIKE '" + tag + "-N%' AND b.external_id = REPLACE(a.external_id, '-N', '-O')"
                    + " GROUP BY a.id HAVING COUNT(*) = " + times + ") pairs");
        }
    }

    private static long single(Connection db, String query) throws SQLException {
        try (java.sql.Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    @Test
    void theWeeklyRunIsScheduledOnMondayAtSixInTheScheduleZone() throws SQLException {
        try (Connection db = database();
             PreparedStatement trigger = db.prepareStatement("SELECT CRON_EXPRESSION, TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS "
                     + "WHERE TRIGGER_NAME = 'MatchingJob'");
             ResultSet row = trigger.executeQuery()) {
            assertThat(row.next()).as("the job is scheduled").isTrue();
            assertThat(row.getString(1)).isEqualTo("0 0 6 ? * MON");
            assertThat(row.getString(2)).as("rapport.schedule.zone of the test server").isEqualTo("UTC");
        }
    }

    @Test
    void neverCompetitorsNorCustomersNotOpenToIntroductionsNorWithAnOpenProblem() {
        Team team = new Team(api);
        String l = category("l", "L " + tag);
        String m = category("m", "M " + tag);
        String q = category("q", "Q " + tag);
        String r = category("r", "R " + tag);
        String s = category("s", "S " + tag);
        customers(
                // competitors: K1 needs Q, which K2 offers, but two of their three offered codes are the same
                team.a + "," + tag + "-K1,K1,DE-BE," + l + ";" + m + "," + q + ",true",
                team.a + "," + tag + "-K2,K2,DE-BE," + l + ";" + m + ";" + q + ",,true",
                // Z offers Q as well, but is not open to introductions
                team.a + "," + tag + "-Z,Z,DE-BE," + q + ",,false",
                // V needs R, which only W offers; W has an open problem
                team.a + "," + tag + "-V,V,DE-BE,," + r + ",true",
                team.a + "," + tag + "-W,W,DE-BE," + r + ",,true",
                // the control: X needs S, Y offers it
                team.a + "," + tag + "-X,X,DE-BE,," + s + ",true",
                team.a + "," + tag + "-Y,Y,DE-BE," + s + ",,true");
        Api.Reply problem = admin.postJson("api/problems", Json.createObjectBuilder().add("external_id", tag + "-P")
                .add("customer", tag + "-W").add("opened_at", "2026-11-01T09:00:00Z").add("category", r)
                .add("summary", "Late delivery").build().toString());
        assertThat(problem.status()).as(problem.toString()).isEqualTo(201);
        Api.Reply closed = admin.postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,offers,intro_ok,do_not_contact,owner",
                tag + "-D,D,Europe/Berlin," + m + ",true,true," + team.a));
        assertThat(closed.json().getJsonArray("rejected")).as(closed.toString()).isEmpty();

        JsonObject run = match();
        assertThat(run.getJsonObject("pairs_left_out").getInt("COMPETITORS")).isPositive();
        assertThat(run.getJsonObject("customers_left_out").getInt("NOT_OPEN_TO_INTRODUCTIONS")).isGreaterThanOrEqualTo(2);
        assertThat(run.getJsonObject("customers_left_out").getInt("PROBLEM_PENDING")).isPositive();

        assertThat(introductions(admin, team.a)).extracting(IntroductionIT::pair)
                .containsExactly(tag + "-X+" + tag + "-Y");
    }

    @Test
    void companiesWithLongNamesGetAShortenedExplanationAndTheRunGoesOn() {
        Team team = new Team(api);
        String l = category("l", "Logistics and warehousing " + tag);
        String s = category("s", "Software development and maintenance " + tag);
        String longX = "X".repeat(190) + " " + tag.substring(tag.length() - 8);
        String longY = "Y".repeat(190) + " " + tag.substring(tag.length() - 8);
        // a mutual fit names each company twice: four names of 199 characters
        customers(team.a + "," + tag + "-X," + longX + ",DE-BE," + s + "," + l + ",true",
                team.a + "," + tag + "-Y," + longY + ",DE-BE," + l + "," + s + ",true");
        match();
        List<JsonObject> mine = introductions(admin, team.a);
        assertThat(mine).hasSize(1);
        String explanation = mine.get(0).getString("explanation");
        assertThat(explanation).hasSizeLessThanOrEqualTo(500).startsWith(mine.get(0).getJsonObject("first").getString("company")
                + " needs ").endsWith("…");
    }

    @Test
    void twoWayTouchesWithinNinetyDaysOnBothSidesAreAStrongRelationship() {
        Team team = new Team(api);
        String l = category("l", "L " + tag);
        String k = category("k", "K " + tag);
        customers(team.a + "," + tag + "-X,X,DE-BE,," + l + ",true", team.a + "," + tag + "-Y,Y,DE-BE," + l + ",,true",
                team.a + "," + tag + "-P,P,DE-BE,," + k + ",true", team.a + "," + tag + "-Q,Q,DE-BE," + k + ",,true");
        java.time.Instant now = java.time.Instant.now();
        touched(tag + "-X", now.minus(java.time.Duration.ofDays(3)));
        touched(tag + "-Y", now.minus(java.time.Duration.ofDays(89)));
        touched(tag + "-P", now.minus(java.time.Duration.ofDays(3)));
        touched(tag + "-Q", now.minus(java.time.Duration.ofDays(91)));
        match();
        assertThat(introductions(admin, team.a)).extracting(i -> pair(i) + ": " + i.getString("explanation"))
                .containsExactlyInAnyOrder(
                        tag + "-X+" + tag + "-Y: X needs L " + tag + "; Y offers L " + tag + "; both in DE-BE; good relationships with both",
                        tag + "-P+" + tag + "-Q: P needs K " + tag + "; Q offers K " + tag + "; both in DE-BE");
    }

    @Test
    void aRecentRatingOfOneOrTwoIsNoStrongRelationship() throws Exception {
        Team team = new Team(api);
        String l = category("l", "L " + tag);
        String k = category("k", "K " + tag);
        customers(team.a + "," + tag + "-X,X,DE-BE,," + l + ",true", team.a + "," + tag + "-Y,Y,DE-BE," + l + ",,true",
                team.a + "," + tag + "-P,P,DE-BE,," + k + ",true", team.a + "," + tag + "-Q,Q,DE-BE," + k + ",,true");
        java.time.Instant recently = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
        for (String customer : List.of("X", "Y", "P", "Q")) {
            touched(tag + "-" + customer, recently);
        }
        rated(team, tag + "-Y", "c1-" + tag + "@example.com", 2);

        match();
        assertThat(introductions(admin, team.a)).extracting(i -> pair(i) + ": " + i.getString("explanation"))
                .containsExactlyInAnyOrder(
                        tag + "-X+" + tag + "-Y: X needs L " + tag + "; Y offers L " + tag + "; both in DE-BE",
                        tag + "-P+" + tag + "-Q: P needs K " + tag + "; Q offers K " + tag + "; both in DE-BE; good relationships with both");
    }

    @Test
    void aPairDeclinedIsNotProposedAgain() {
        Team team = new Team(api);
        String l = category("l", "L " + tag);
        customers(team.a + "," + tag + "-X,X,DE-BE,," + l + ",true", team.b + "," + tag + "-Y,Y,DE-BE," + l + ",,true");
        match();
        JsonObject proposal = introductions(admin, team.a).get(0);

        Api.Reply noReason = team.as(team.a).postJson(path(proposal, "decline"), "{\"reason\":\"  \"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().getString("detail")).startsWith("reason:");
        assertThat(team.as(team.a).postJson(path(proposal, "decline"), "").status()).as("no body").isEqualTo(400);

        Api.Reply declined = team.as(team.a).postJson(path(proposal, "decline"), "{\"reason\":\"They met last year\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().getString("stage")).isEqualTo("DECLINED");
        assertThat(events(declined.json())).containsExactly("PROPOSED null->PROPOSED by rapport",
                "MOVED PROPOSED->DECLINED by " + team.a + ": They met last year");

        match();
        assertThat(introductions(admin, team.a)).extracting(i -> i.getString("stage")).containsExactly("DECLINED");
    }

    @Test
    void aCustomerHasAtMostOneOpenIntroduction() {
        Team team = new Team(api);
        String l = category("l", "L " + tag);
        // X and Z both need what only Y offers
        customers(team.a + "," + tag + "-X,X,DE-BE,," + l + ",true", team.a + "," + tag + "-Y,Y,DE-BE," + l + ",,true",
                team.a + "," + tag + "-Z,Z,DE-BE,," + l + ",true");
        match();
        List<JsonObject> first = introductions(admin, team.a);
        assertThat(first).hasSize(1);
        assertThat(pair(first.get(0))).contains(tag + "-Y");

        match();
        assertThat(introductions(admin, team.a)).as("Y's introduction is still open").hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ the introduction's life

    @Test
    void theOneOwnerApprovesAlone() {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.a);
        Api.Reply approved = team.as(team.a).postJson(path(proposal, "approve"), "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("stage")).isIn(APPROVED_OR_LATER);
        assertThat(events(approved.json())).startsWith("PROPOSED null->PROPOSED by rapport",
                "MOVED PROPOSED->APPROVED by " + team.a);

        Api.Reply again = team.as(team.a).postJson(path(proposal, "approve"), "");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().getString("detail")).contains("cannot become APPROVED");
    }

    @Test
    void twoOwnersApproveEachTheirSideOrTheirManagerDecidesAlone() {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.b);
        Api.Reply one = team.as(team.a).postJson(path(proposal, "approve"), "");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().getString("stage")).isEqualTo("PROPOSED");
        assertThat(one.json().getBoolean("first_approved")).isTrue();
        assertThat(one.json().getBoolean("second_approved")).isFalse();
        assertThat(events(one.json())).containsExactly("PROPOSED null->PROPOSED by rapport",
                "APPROVED_SIDE PROPOSED->PROPOSED by " + team.a);

        Api.Reply both = team.as(team.b).postJson(path(proposal, "approve"), "");
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().getString("stage")).isIn(APPROVED_OR_LATER);
        assertThat(events(both.json())).startsWith("PROPOSED null->PROPOSED by rapport",
                "APPROVED_SIDE PROPOSED->PROPOSED by " + team.a, "MOVED PROPOSED->APPROVED by " + team.b);

        Team other = new Team(api);
        JsonObject second = proposed(other, other.a, other.b);
        Api.Reply manager = other.as(other.m).postJson(path(second, "approve"), "");
        assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
        assertThat(manager.json().getString("stage")).isIn(APPROVED_OR_LATER);
        assertThat(events(manager.json())).startsWith("PROPOSED null->PROPOSED by rapport",
                "MOVED PROPOSED->APPROVED by " + other.m);
    }

    @Test
    void anotherTeamNeitherSeesNorDecidesAndAnAdminLearnsOfUnknownIds() {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.b);
        String otherManager = team.m2;
        Api.Reply login = admin.postJson("api/users", "{\"username\":\"" + otherManager + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + otherManager + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(201);

        for (String outsider : List.of(team.c, otherManager)) {
            Api as = team.as(outsider);
            assertThat(as.get(path(proposal, "")).status()).as(outsider + " GET").isEqualTo(403);
            assertThat(as.postJson(path(proposal, "approve"), "").status()).as(outsider + " approve").isEqualTo(403);
            assertThat(as.postJson(path(proposal, "decline"), "{\"reason\":\"mine now\"}").status()).as(outsider + " decline").isEqualTo(403);
            assertThat(as.postJson(path(proposal, "outcome"), "{\"outcome\":\"MET\"}").status()).as(outsider + " outcome").isEqualTo(403);
            assertThat(ids(as, null)).as(outsider + " list").doesNotContain(id(proposal));
            assertThat(ids(as, team.a)).as(outsider + " list by owner").doesNotContain(id(proposal));
        }
        assertThat(introduction(admin, id(proposal)).getString("stage")).as("nothing changed").isEqualTo("PROPOSED");
        assertThat(ids(team.as(team.b), null)).as("the other owner sees it").contains(id(proposal));

        Api.Reply unknown = admin.get("api/introductions/999999999");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(team.as(team.a).get("api/introductions/999999999").status()).as("not told it does not exist").isEqualTo(403);
        assertThat(team.as(team.a).get("api/introductions/x1").status()).isEqualTo(400);
    }

    @Test
    void theOwnerFilterMatchesOneSalespersonExactly() {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.a);
        assertThat(ids(admin, team.a)).containsExactly(id(proposal));
        assertThat(ids(admin, team.b)).isEmpty();
        assertThat(ids(admin, team.a.substring(0, team.a.length() - 1))).as("a prefix").isEmpty();
        assertThat(ids(admin, team.tag + "-%")).as("a wildcard").isEmpty();
        assertThat(ids(admin, team.a + "X")).as("a longer id").isEmpty();
        assertThat(ids(team.as(team.a), team.a)).containsExactly(id(proposal));
        Api.Reply stage = admin.get("api/introductions?stage=SOMEDAY");
        assertThat(stage.status()).as(stage.toString()).isEqualTo(400);
        assertThat(admin.get("api/introductions?stage=proposed&owner=" + team.a).array()).hasSize(1);
    }

    @Test
    void anOutcomeIsRecordedOnlyOnceTheIntroductionIsMadeAndADealCarriesItsValue() throws SQLException {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.a);
        Api seller = team.as(team.a);

        Api.Reply tooEarly = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"MET\"}");
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
        assertThat(tooEarly.json().getString("detail")).isEqualTo("Introduction " + id(proposal)
                + " is PROPOSED and cannot become MET: from PROPOSED it can only become APPROVED or DECLINED or WITHDRAWN.");

        introduced(id(proposal)); // consent is another feature's: the introduction is made in the database
        Api.Reply noValue = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"DEAL_CLOSED\",\"currency\":\"EUR\"}");
        assertThat(noValue.status()).as(noValue.toString()).isEqualTo(400);
        assertThat(noValue.json().getString("detail")).startsWith("value:");
        Api.Reply noCurrency = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"DEAL_CLOSED\",\"value\":100}");
        assertThat(noCurrency.status()).as(noCurrency.toString()).isEqualTo(400);
        assertThat(noCurrency.json().getString("detail")).startsWith("currency:");
        Api.Reply badCurrency = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"DEAL_CLOSED\",\"value\":100,\"currency\":\"EURO\"}");
        assertThat(badCurrency.status()).as(badCurrency.toString()).isEqualTo(400);
        Api.Reply metWithValue = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"MET\",\"value\":100,\"currency\":\"EUR\"}");
        assertThat(metWithValue.status()).as(metWithValue.toString()).isEqualTo(400);
        assertThat(metWithValue.json().getString("detail")).contains("only a DEAL_CLOSED outcome carries a value");
        Api.Reply unknownOutcome = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"MAYBE\"}");
        assertThat(unknownOutcome.status()).as(unknownOutcome.toString()).isEqualTo(400);
        Api.Reply noOutcome = seller.postJson(path(proposal, "outcome"), "{}");
        assertThat(noOutcome.status()).as(noOutcome.toString()).isEqualTo(400);
        assertThat(introduction(seller, id(proposal)).getString("stage")).as("nothing recorded").isEqualTo("INTRODUCED");

        Api.Reply met = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"MET\",\"note\":\"Lunch on Friday\"}");
        assertThat(met.status()).as(met.toString()).isEqualTo(200);
        assertThat(met.json().getString("stage")).isEqualTo("MET");
        Api.Reply deal = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"DEAL_CLOSED\",\"value\":\"12500.50\",\"currency\":\"eur\"}");
        assertThat(deal.status()).as(deal.toString()).isEqualTo(200);
        assertThat(deal.json().getString("stage")).isEqualTo("DEAL_CLOSED");
        assertThat(deal.json().getJsonNumber("deal_value").bigDecimalValue()).isEqualByComparingTo("12500.50");
        assertThat(deal.json().getString("deal_currency")).isEqualTo("EUR");
        assertThat(events(deal.json())).containsExactly("PROPOSED null->PROPOSED by rapport",
                "MOVED PROPOSED->INTRODUCED by test",
                "MOVED INTRODUCED->MET by " + team.a + ": Lunch on Friday",
                "MOVED MET->DEAL_CLOSED by " + team.a);
        assertThat(deal.json().getJsonArray("history").getValuesAs(JsonObject.class))
                .allSatisfy(e -> assertThat(e.getString("occurred_at")).isNotBlank());

        Api.Reply after = seller.postJson(path(proposal, "outcome"), "{\"outcome\":\"NO_DEAL\"}");
        assertThat(after.status()).as(after.toString()).isEqualTo(409);
        assertThat(after.json().getString("detail")).contains("DEAL_CLOSED is final");
        assertThat(stored(id(proposal), "SELECT furthest_stage FROM introduction WHERE id = ?")).containsExactly("DEAL_CLOSED");
    }

    @Test
    void eachMoveRecordsHowLongTheIntroductionStayedAndTheFurthestStageWhichTheReportReads() throws SQLException {
        Team team = new Team(api);
        JsonObject proposal = proposed(team, team.a, team.a);
        String need = codes(proposal, "first_needs").get(0);
        try (Connection db = database();
             PreparedStatement back = db.prepareStatement(
                     "UPDATE introduction SET stage_since = stage_since - INTERVAL 2 DAY - INTERVAL 5 MINUTE WHERE id = ?")) {
            back.setLong(1, id(proposal));
            assertThat(back.executeUpdate()).isEqualTo(1);
        }

        Api.Reply declined = team.as(team.a).postJson(path(proposal, "decline"), "{\"reason\":\"not now\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

        assertThat(stored(id(proposal), "SELECT CONCAT(kind, ' ', COALESCE(stage_from, '-'), ' ', COALESCE(stay_minutes, '-'))"
                + " FROM introduction_event WHERE introduction_id = ? ORDER BY id"))
                .as("two days and five minutes in PROPOSED, from its stage_since").containsExactly("PROPOSED - -", "MOVED PROPOSED 2885");
        assertThat(stored(id(proposal), "SELECT furthest_stage FROM introduction WHERE id = ?")).as("declined: left the way there")
                .containsExactly("PROPOSED");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Api.Reply report = team.as(team.m).get("api/reports/netweaving?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject proposed = report.json().getJsonArray("funnel").getJsonObject(0);
        assertThat(proposed.getInt("reached")).isEqualTo(1);
        assertThat(proposed.getJsonNumber("median_days").doubleValue()).as("48 h").isEqualTo(2.0);
        assertThat(report.json().getJsonArray("funnel").getJsonObject(1).getInt("reached")).isZero();
        assertThat(report.json().getJsonObject("ended").getInt("DECLINED")).isEqualTo(1);
        JsonObject pair = report.json().getJsonArray("category_pairs").getJsonObject(0);
        assertThat(List.of(pair.getString("first_needs"), pair.getString("second_needs"), String.valueOf(pair.getInt("introductions"))))
                .as("the code X needs of Y, and nothing the other way").containsExactly(need, "", "1");
    }

    @Test
    void aRunStoresEachProposalsPairsOfSingleCodesForTheReport() throws SQLException {
        Team team = new Team(api);
        String x = category("px", "Print " + tag), y = category("py", "Paper " + tag), z = category("pz", "Freight " + tag);
        String w = category("pw", "Wiring " + tag);
        String printer = tag + "-PRINTER", mill = tag + "-MILL", builder = tag + "-BUILDER", electric = tag + "-ELECTRIC";
        customers(team.a + "," + printer + ",Printer " + tag + ",DE-BE," + z + "," + x + ";" + y + ",true",
                team.a + "," + mill + ",Mill " + tag + ",DE-BE," + x + ";" + y + "," + z + ",true",
                team.a + "," + builder + ",Builder " + tag + ",DE-BE,," + w + ",true",
                team.a + "," + electric + ",Electric " + tag + ",DE-BE," + w + ",,true");
        match();

        List<JsonObject> mine = introductions(team.as(team.a), team.a);
        assertThat(mine).hasSize(2);
        for (JsonObject proposal : mine) {
            String first = proposal.getJsonObject("first").getString("customer");
            List<String> pairs = stored(id(proposal), "SELECT CONCAT(first_code, '>', second_code) FROM introduction_need_pair"
                    + " WHERE introduction_id = ? ORDER BY first_code, second_code");
            if (first.equals(printer)) {
                assertThat(pairs).as("each need with each need of the other").containsExactly(x + ">" + z, y + ">" + z);
            } else if (first.equals(mill)) {
                assertThat(pairs).containsExactly(z + ">" + x, z + ">" + y);
            } else {
                assertThat(first).isEqualTo(builder);
                assertThat(pairs).as("one way: nothing needed back").containsExactly(w + ">");
            }
        }
    }

    /** The first column of each row {@code sql} gives for the introduction {@code id}. */
    private static List<String> stored(long id, String sql) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            List<String> values = new java.util.ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    // -------------------------------------------------------------------------------------------------------- helpers

    /** A code of this test's own, so its customers match nobody else's; the code. */
    private String category(String suffix, String name) {
        String code = tag + "-" + suffix;
        Api.Reply imported = admin.postCsv("api/import/categories", Csv.lines("code,name", code + "," + name));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
        return code;
    }

    /** Rows of {@code owner,external_id,company,region,offers,needs,intro_ok}; email allowed, an address each. */
    private void customers(String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = "owner,external_id,company,region,offers,needs,intro_ok,email,time_zone";
        for (int i = 0; i < rows.length; i++) {
            lines[i + 1] = rows[i] + ",c" + i + "-" + tag + "@example.com,Europe/Berlin";
        }
        Api.Reply reply = admin.postCsv("api/import/customers", Csv.lines(lines));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("rejected")).as(reply.toString()).isEmpty();
    }

    /** One proposal between a customer of {@code firstOwner} who needs and one of {@code secondOwner} who offers. */
    private JsonObject proposed(Team team, String firstOwner, String secondOwner) {
        String l = category(team.tag, "L " + team.tag);
        customers(firstOwner + "," + team.tag + "-X,X,DE-BE,," + l + ",true", secondOwner + "," + team.tag + "-Y,Y,DE-BE," + l + ",,true");
        match();
        List<JsonObject> mine = introductions(admin, firstOwner);
        assertThat(mine).as(mine.toString()).hasSize(1);
        return mine.get(0);
    }

    /** The customer rates a problem's handling {@code score} of 5 through the link of a check-in email from their salesperson. */
    private void rated(Team team, String customer, String email, int score) throws Exception {
        Api.Reply composed = team.as(team.a).postJson("api/outbox", "{\"template\":\"problem-check-in\",\"customer\":\"" + customer
                + "\",\"fields\":{\"problem\":{\"summary\":\"Late delivery\",\"resolution\":\"Express\"}}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        org.rapport.testing.Eventually.soon().until(() -> Mailbox.to(email).size() == 1);
        String html = (String) ((jakarta.mail.Multipart) Mailbox.single(email).getContent()).getBodyPart(1).getContent();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:8080/(r/[a-z2-7]+)").matcher(html);
        List<String> ratings = new java.util.ArrayList<>();
        while (link.find()) {
            ratings.add(link.group(1));
        }
        assertThat(ratings).as(html).hasSize(5);
        Api.Reply sent = api.anonymous().post(ratings.get(score - 1), "application/x-www-form-urlencoded", new byte[0]);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    private void touched(String customer, java.time.Instant at) {
        Api.Reply call = admin.postJson("api/touches", "{\"customer\":\"" + customer
                + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"occurred_at\":\"" + at + "\"}");
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
    }

    private JsonObject match() {
        Api.Reply run = admin.postJson("api/introductions/match", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.json();
    }

    private static List<JsonObject> introductions(Api as, String owner) {
        Api.Reply list = as.get("api/introductions?owner=" + owner);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.array().getValuesAs(JsonObject.class);
    }

    private static List<Long> ids(Api as, String owner) {
        Api.Reply list = as.get("api/introductions" + (owner == null ? "" : "?owner=" + java.net.URLEncoder.encode(owner,
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.array().getValuesAs(JsonObject.class).stream().map(IntroductionIT::id).toList();
    }

    private static JsonObject introduction(Api as, long id) {
        Api.Reply one = as.get("api/introductions/" + id);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        return one.json();
    }

    private static long id(JsonObject introduction) {
        return introduction.getJsonNumber("id").longValue();
    }

    private static String path(JsonObject introduction, String action) {
        return "api/introductions/" + id(introduction) + (action.isEmpty() ? "" : "/" + action);
    }

    private static String pair(JsonObject introduction) {
        return introduction.getJsonObject("first").getString("customer") + "+"
                + introduction.getJsonObject("second").getString("customer");
    }

    private static List<String> codes(JsonObject introduction, String field) {
        return introduction.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** "KIND FROM->TO by ACTOR[: note]" for each event, oldest first (a proposal's note is its explanation: left out). */
    private static List<String> events(JsonObject introduction) {
        return introduction.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("kind") + " " + (e.isNull("stage_from") ? "null" : e.getString("stage_from")) + "->"
                        + e.getString("stage_to") + " by " + e.getString("actor")
                        + (e.getString("kind").equals("PROPOSED") || !e.containsKey("note") || e.isNull("note") ? "" : ": " + e.getString("note")))
                .toList();
    }

    /** Moves an introduction to INTRODUCED as the consent steps would, with its event. */
    private static void introduced(long id) throws SQLException {
        try (Connection db = database();
             PreparedStatement move = db.prepareStatement(
                     "UPDATE introduction SET stage = 'INTRODUCED', stage_since = NOW(3), introduced_at = NOW(3), "
                     + "furthest_stage = 'INTRODUCED' WHERE id = ?");
             PreparedStatement event = db.prepareStatement("INSERT INTO introduction_event (introduction_id, kind, stage_from, "
                     + "stage_to, actor, occurred_at) VALUES (?, 'MOVED', 'PROPOSED', 'INTRODUCED', 'test', NOW(3))")) {
            move.setLong(1, id);
            assertThat(move.executeUpdate()).isEqualTo(1);
            event.setLong(1, id);
            event.executeUpdate();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }
}
