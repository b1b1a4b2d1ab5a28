package org.rapport.reports;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.netweaving.IntroductionStage;
import org.rapport.netweaving.NeedPairs;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/reports/netweaving}. The introductions are written into the database as their life would have left
 * them (row and history), so that the report is tested on lives of weeks without waiting weeks; the life itself is
 * tested through the API and the consent links elsewhere.
 */
class NetweavingReportIT {

    Api api;
    Team team;
    String needs;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
        needs = Csv.unique("nwr");
    }

    @Test
    void theFunnelDealsAndSalespeopleOfTheTeamsIntroductions() throws Exception {
        String secondOfA = customerOf(team.a);
        Instant proposed = Instant.now().minus(Duration.ofDays(26)).truncatedTo(ChronoUnit.SECONDS);
        // a deal: through every stage
        introduction(team.customerOfA, team.customerOfB, proposed, "DEAL_CLOSED", "EUR", "1200.00",
                "APPROVED", 24, "CONSENT_REQUESTED_FIRST", 1, "CONSENT_REQUESTED_SECOND", 48, "CONSENTED", 24,
                "INTRODUCED", 1, "MET", 14 * 24, "DEAL_CLOSED", 7 * 24);
        // declined by its owner
        introduction(secondOfA, team.customerOfA, proposed, "DECLINED", null, null, "DECLINED", 48);
        // with another team's customer, who said no
        introduction(team.customerOfB, team.customerOfC, proposed, "CONSENT_DECLINED", null, null,
                "APPROVED", 24, "CONSENT_REQUESTED_FIRST", 1, "CONSENT_DECLINED", 72);

        JsonObject report = report(team.m, "");
        assertThat(report.getInt("introductions")).isEqualTo(3);
        assertThat(report.getJsonArray("funnel").getValuesAs(JsonObject.class).stream().map(s -> s.getInt("reached")))
                .containsExactly(3, 2, 2, 1, 1, 1, 1, 1);
        JsonObject proposedStage = report.getJsonArray("funnel").getJsonObject(0);
        assertThat(proposedStage.getString("stage")).isEqualTo("PROPOSED");
        assertThat(proposedStage.getJsonNumber("conversion").doubleValue()).isEqualTo(0.667);
        assertThat(proposedStage.getJsonNumber("median_days").doubleValue()).as("24, 24 and 48 hours").isEqualTo(1.0);
        assertThat(report.getJsonArray("funnel").getJsonObject(6).getJsonNumber("median_days").doubleValue()).as("met to deal")
                .isEqualTo(7.0);
        assertThat(report.getJsonObject("ended").getInt("DECLINED")).isEqualTo(1);
        assertThat(report.getJsonObject("ended").getInt("CONSENT_DECLINED")).isEqualTo(1);
        assertThat(report.getJsonArray("deals")).hasSize(1);
        assertThat(report.getJsonArray("deals").getJsonObject(0).getString("currency")).isEqualTo("EUR");
        assertThat(report.getJsonArray("deals").getJsonObject(0).getJsonNumber("value").bigDecimalValue())
                .isEqualByComparingTo("1200");
        JsonObject a = salesperson(report, team.a);
        assertThat(List.of(a.getInt("introductions"), a.getInt("introduced"), a.getInt("deals"))).containsExactly(2, 1, 1);
        JsonObject b = salesperson(report, team.b);
        assertThat(List.of(b.getInt("introductions"), b.getInt("introduced"), b.getInt("deals"))).containsExactly(2, 1, 1);
        assertThat(report.getJsonArray("category_pairs").getJsonObject(0).getString("first_needs")).isEqualTo(needs);

        assertThat(report(team.c, "").getInt("introductions")).as("the other team sees the one with its customer").isEqualTo(1);
        assertThat(report(team.a, "").getInt("introductions")).as("a salesperson sees those of their customers").isEqualTo(2);
        Api.Reply admin = api.asAdmin().get("api/reports/netweaving?" + period() + "&team=" + team.m);
        assertThat(admin.json().getInt("introductions")).as("an admin picks a team").isEqualTo(3);
        assertThat(api.asAdmin().get("api/reports/netweaving?" + period() + "&team=" + team.m2).json().getInt("introductions"))
                .isEqualTo(1);

        Api.Reply csv = team.as(team.m).get("api/reports/netweaving.csv?" + period());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).startsWith(
                "section,name,second_name,introductions,introduced,deals,conversion,median_days,value",
                "funnel,PROPOSED,,3,,,0.667,1.0,").contains("deals,EUR,,,,1,,,1200.00");
    }

    @Test
    void categoryPairsArePairsOfSingleCodesAndAnIntroductionForTwoNeedsCountsInEach() throws Exception {
        Instant proposed = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String printing = needs + "-print";
        String legal = needs + "-legal";
        // the first customer needs two things of the second, who needs one of the first
        introduction(needs + ";" + printing, legal, team.customerOfA, team.customerOfB, proposed, "INTRODUCED", null, null,
                "APPROVED", 24, "CONSENT_REQUESTED_FIRST", 1, "CONSENT_REQUESTED_SECOND", 48, "CONSENTED", 24, "INTRODUCED", 1);
        // one-way, for one of the same needs
        introduction(needs, "", team.customerOfA, team.customerOfB, proposed, "DECLINED", null, null, "DECLINED", 48);

        JsonObject report = report(team.m, "");
        assertThat(report.getInt("introductions")).isEqualTo(2);
        assertThat(report.getJsonArray("category_pairs").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("first_needs") + "+" + p.getString("second_needs") + " " + p.getInt("introductions") + "/"
                        + p.getInt("introduced")))
                .containsExactly(needs + "+ 1/0", needs + "+" + legal + " 1/1", printing + "+" + legal + " 1/1");
        assertThat(report.isNull("other_category_pairs")).as("three pairs are all listed").isTrue();
        assertThat(report.getJsonArray("funnel").getJsonObject(5).getInt("reached")).as("introduced").isEqualTo(1);
        assertThat(report.getJsonArray("funnel").getJsonObject(1).getJsonNumber("median_days").doubleValue())
                .as("one hour approved").isEqualTo(0.0);
        assertThat(report.getJsonArray("funnel").getJsonObject(2).getJsonNumber("median_days").doubleValue())
                .as("48 hours until the first customer's yes").isEqualTo(2.0);
        assertThat(report.getJsonArray("funnel").getJsonObject(3).getJsonNumber("median_days").doubleValue()).isEqualTo(1.0);
        assertThat(report.getJsonArray("funnel").getJsonObject(5).isNull("median_days")).as("still introduced").isTrue();
        assertThat(team.as(team.m).get("api/reports/netweaving.csv?" + period()).body().lines().toList())
                .contains("category_pair," + printing + "," + legal + ",1,1,0,0.0,,");
    }

    @Test
    void aTeamFilterMustNameAManagerTheCallerReaches() {
        Api.Reply otherTeam = team.as(team.m).get("api/reports/netweaving?" + period() + "&team=" + team.m2);
        assertThat(otherTeam.status()).as(otherTeam.toString()).isEqualTo(403);
        assertThat(team.as(team.m).get("api/reports/netweaving?" + period() + "&team=" + team.c).status())
                .as("only an admin learns whether a name is a manager's").isEqualTo(403);
        Api.Reply notAManager = api.asAdmin().get("api/reports/netweaving?" + period() + "&team=" + team.a);
        assertThat(notAManager.status()).isEqualTo(400);
        assertThat(notAManager.body()).contains("team: " + team.a + " is not the external id of a manager");
        Api.Reply prefix = api.asAdmin().get("api/reports/netweaving?" + period() + "&team=" + team.m.substring(0, team.m.length() - 1));
        assertThat(prefix.status()).as("no partial match").isEqualTo(400);
        Api.Reply backwards = team.as(team.m).get("api/reports/netweaving?from=2026-03-02&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
    }

    @Test
    void eachManagerGetsWhatHappenedLastWeekByEmailOnceMondayEightHasPassedInTheirZone() throws Exception {
        ZoneId zone = Mondays.zoneWhereMondayEightHasPassed();
        String tag = Csv.unique("wk").toUpperCase();
        String manager = tag + "-M";
        String managerEmail = tag.toLowerCase() + "-m@example.com";
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,role,manager",
                manager + ",Wanda Weekly," + managerEmail + "," + zone.getId() + ",MANAGER,",
                tag + "-S,Sam Seller," + tag.toLowerCase() + "-s@example.com," + zone.getId() + ",SALES," + manager));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        String first = customerOf(tag + "-S");
        String second = customerOf(tag + "-S");
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant lastWeek = monday.minusDays(5).atTime(10, 0).atZone(zone).toInstant();
        // proposed and introduced last week
        introduction(first, second, lastWeek, "INTRODUCED", null, null, "APPROVED", 1, "CONSENT_REQUESTED_FIRST", 1,
                "CONSENT_REQUESTED_SECOND", 1, "CONSENTED", 1, "INTRODUCED", 1);
        // proposed three weeks ago, its deal closed last week
        introduction(second, first, lastWeek.minus(Duration.ofDays(20)), "DEAL_CLOSED", "EUR", "500.00", "APPROVED", 1,
                "CONSENT_REQUESTED_FIRST", 1, "CONSENT_REQUESTED_SECOND", 1, "CONSENTED", 1, "INTRODUCED", 1,
                "DEAL_CLOSED", 20 * 24 - 5);
        Api.Reply reward = api.asAdmin().postJson("api/rewards", "{\"customer\":\"" + first + "\",\"kind\":\"REFERRAL_CONVERTED\","
                + "\"subject\":\"weekly\",\"reason\":\"recommending a friend\"}");
        assertThat(reward.status()).as(reward.toString()).isEqualTo(201);

        assertThat(team.as(team.m).postJson("api/reports/netweaving/weekly/run", "").status()).isEqualTo(403);
        Salespeople.onlyTheseHaveAnEmail(manager);
        Api.Reply run = api.asAdmin().postJson("api/reports/netweaving/weekly/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("enqueued")).as("ours alone").isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/reports/netweaving/weekly/run", "").status()).isEqualTo(200);

        Eventually.soon().until(() -> Mailbox.to(managerEmail).size() == 1);
        assertThat(api.asAdmin().get("api/outbox?template=weekly-netweaving-report&limit=1000").array()
                .getValuesAs(JsonObject.class)).filteredOn(m -> m.getString("recipient", "").equals(managerEmail))
                .as("once a week, however often it runs").hasSize(1);
        jakarta.mail.internet.MimeMessage mail = Mailbox.single(managerEmail);
        assertThat(mail.getSubject()).isEqualTo("Netweaving report for the week of "
                + monday.minusWeeks(1).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)));
        String text = (String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).containsPattern("Introductions proposed \\.+ 1\\R")
                .containsPattern("Consented by both customers \\.+ 1\\R")
                .containsPattern("Introduced \\.+ 1\\R")
                .containsPattern("Deals won \\.+ 1\\R")
                .containsPattern("Value of deals won \\.+ EUR 500.00\\R")
                .containsPattern("Rewards owed to customers \\.+ 1\\R")
                .contains("api/reports/netweaving?from=" + monday.minusWeeks(1) + "&to=" + monday.minusDays(1));
    }

    private JsonObject report(String login, String extra) {
        Api.Reply reply = team.as(login).get("api/reports/netweaving?" + period() + extra);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String period() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(30) + "&to=" + today.plusDays(1);
    }

    private static JsonObject salesperson(JsonObject report, String externalId) {
        return report.getJsonArray("salespeople").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("salesperson").equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError(externalId + " not in " + report));
    }

    private String customerOf(String owner) {
        String tag = Csv.unique("nwc").toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,email,time_zone,owner",
                tag + ",Second GmbH," + tag.toLowerCase() + "@customers.example,Europe/Berlin," + owner));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return tag;
    }

    /**
     * An introduction proposed at {@code proposed} that went through {@code moves} (stage, hours after the move before),
     * ending in {@code stage}: the row and its history as the service writes them.
     */
    private void introduction(String first, String second, Instant proposed, String stage, String currency, String value,
                              Object... moves) throws SQLException {
        introduction(needs, "", first, second, proposed, stage, currency, value, moves);
    }

    /** As above, for what the first customer needs of the second and the second of the first (';'-separated codes). */
    private void introduction(String firstNeeds, String secondNeeds, String first, String second, Instant proposed, String stage,
                              String currency, String value, Object... moves) throws SQLException {
        IntroductionStage furthest = IntroductionStage.PROPOSED;
        for (int i = 0; i < moves.length; i += 2) {
            furthest = IntroductionStage.valueOf((String) moves[i]).furthestAfter(furthest);
        }
        try (Connection c = db()) {
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO introduction (first_customer_id, second_customer_id, "
                    + "stage, stage_since, first_needs, score, explanation, proposed_at, deal_value, deal_currency, second_needs, "
                    + "furthest_stage) VALUES ((SELECT id FROM customer WHERE external_id = ?), "
                    + "(SELECT id FROM customer WHERE external_id = ?), ?, ?, ?, 10, 'set up by NetweavingReportIT', ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, first);
                insert.setString(2, second);
                insert.setString(3, stage);
                insert.setTimestamp(4, Timestamp.from(proposed));
                insert.setString(5, firstNeeds);
                insert.setTimestamp(6, Timestamp.from(proposed));
                insert.setBigDecimal(7, value == null ? null : new java.math.BigDecimal(value));
                insert.setString(8, currency);
                insert.setString(9, secondNeeds);
                insert.setString(10, furthest.name());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement pair = c.prepareStatement("INSERT INTO introduction_need_pair (introduction_id, first_code, "
                    + "second_code) VALUES (?, ?, ?)")) {
                for (NeedPairs.Pair p : NeedPairs.of(codes(firstNeeds), codes(secondNeeds))) {
                    pair.setLong(1, id);
                    pair.setString(2, p.firstCode());
                    pair.setString(3, p.secondCode());
                    pair.addBatch();
                }
                pair.executeBatch();
            }
            // each move with the minutes spent in the stage it leaves, as the service records them
            try (PreparedStatement event = c.prepareStatement("INSERT INTO introduction_event (introduction_id, kind, stage_from, "
                    + "stage_to, actor, occurred_at, stay_minutes) VALUES (?, ?, ?, ?, 'set-up', ?, ?)")) {
                Instant at = proposed;
                String from = null;
                String to = "PROPOSED";
                for (int i = -2; i < moves.length; i += 2) {
                    if (i >= 0) {
                        from = to;
                        to = (String) moves[i];
                        at = at.plus(Duration.ofHours((Integer) moves[i + 1]));
                    }
                    event.setLong(1, id);
                    event.setString(2, i < 0 ? "PROPOSED" : "MOVED");
                    event.setString(3, from);
                    event.setString(4, to);
                    event.setTimestamp(5, Timestamp.from(at));
                    if (i < 0) {
                        event.setNull(6, java.sql.Types.INTEGER);
                    } else {
                        event.setLong(6, 60L * (Integer) moves[i + 1]);
                    }
                    event.addBatch();
                }
                event.executeBatch();
            }
        }
    }

    private static java.util.Set<String> codes(String list) {
        return list.isEmpty() ? java.util.Set.of() : new java.util.TreeSet<>(List.of(list.split(";")));
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }
}
