package org.rapport.customers;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Rates;
import org.rapport.testing.TestServer;
import org.rapport.testing.TopSpend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly tier recomputation ranks customers by trailing-12-month purchases; a pinned tier survives it. */
class TierIT {

    private final Api admin = TestServer.api().asAdmin();

    @Test
    void aPinnedTierSurvivesTheRecomputationAndAnUnpinnedOneFollowsRevenue() {
        String tag = Csv.unique("tier");
        String pinnedDown = tag + "-PD";
        String pinnedUp = tag + "-PU";
        String unpinned = tag + "-U";
        assertThat(admin.postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,tier",
                pinnedDown + ",Big Spender Pinned,Europe/Berlin,STANDARD",
                pinnedUp + ",Quiet Pinned,Europe/Berlin,TOP10",
                unpinned + ",Big Spender,Europe/Berlin,")).json().getInt("created")).isEqualTo(3);
        // more than any earlier run's customers: both big spenders rank in the top ten
        LocalDate lastMonth = LocalDate.now().minusDays(30);
        String amount = TopSpend.amount();
        Api.Reply purchases = admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                tag + "-P1," + pinnedDown + "," + lastMonth + "," + amount + ",EUR",
                tag + "-P2," + unpinned + "," + lastMonth + "," + amount + ",EUR"));
        assertThat(purchases.json().getInt("created")).as(purchases.toString()).isEqualTo(2);
        assertThat(tier(unpinned)).as("before the recomputation").isEqualTo("STANDARD");

        Api.Reply recomputed = admin.postJson("api/tiers/recompute", "");
        assertThat(recomputed.status()).as(recomputed.toString()).isEqualTo(200);

        assertThat(tier(unpinned)).as("revenue decides an unpinned tier").isEqualTo("TOP10");
        assertThat(tier(pinnedDown)).as("pinned STANDARD despite the revenue").isEqualTo("STANDARD");
        assertThat(tier(pinnedUp)).as("pinned TOP10 without any revenue").isEqualTo("TOP10");
        assertThat(admin.get("api/customers/" + pinnedUp).json().getString("tier_pin")).isEqualTo("TOP10");
    }

    /**
     * Revenue, the key the ranking sorts by, is counted in the company currency (EUR), each purchase at the rate of its
     * date: 9,000,000,000 JPY are 55,800,000 EUR, less than 500,000,000 USD at 0.92; a purchase in a currency without a
     * rate counts nothing (it would rank first otherwise) and is listed in the answer. The amounts stay below the other
     * test's, whose customers must rank in the top ten.
     */
    @Test
    void tiersRankPurchasesConvertedIntoTheCompanyCurrencyAndReportThoseWithoutARate() {
        Rates.known(admin);
        String tag = Csv.unique("fx");
        String yen = tag + "-JPY";
        String dollars = tag + "-USD";
        String francs = tag + "-CHF";
        assertThat(admin.postCsv("api/import/customers", Csv.lines("external_id,company,time_zone",
                yen + ",Yen Buyer,Asia/Tokyo", dollars + ",Dollar Buyer,America/New_York", francs + ",Franc Buyer,Europe/Zurich"))
                .json().getInt("created")).isEqualTo(3);
        LocalDate lastMonth = LocalDate.now().minusDays(30);
        Api.Reply purchases = admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                tag + "-P1," + yen + "," + lastMonth + ",9000000000.00,JPY",
                tag + "-P2," + dollars + "," + lastMonth + ",500000000.00,USD",
                tag + "-P3," + dollars + "," + lastMonth + ",10.00,EUR",
                tag + "-P4," + francs + "," + lastMonth + ",8000000000.00,CHF"));
        assertThat(purchases.json().getInt("created")).as(purchases.toString()).isEqualTo(4);
        assertThat(purchases.json().getJsonArray("warnings")).as(purchases.toString()).singleElement().satisfies(w -> {
            JsonObject warning = w.asJsonObject();
            assertThat(warning.getInt("line")).isEqualTo(5);
            assertThat(warning.getString("column")).isEqualTo("currency");
            assertThat(warning.getString("value")).isEqualTo("CHF");
            assertThat(warning.getString("reason")).startsWith("no exchange rate from CHF to EUR valid on " + lastMonth);
        });

        Api.Reply recomputed = admin.postJson("api/tiers/recompute", "");
        assertThat(recomputed.status()).as(recomputed.toString()).isEqualTo(200);
        assertThat(recomputed.json().getString("currency")).isEqualTo("EUR");
        assertThat(recomputed.json().getJsonArray("unconverted").getValuesAs(JsonObject.class)).as(recomputed.toString())
                .anySatisfy(u -> {
                    assertThat(u.getString("currency")).isEqualTo("CHF");
                    assertThat(u.getInt("purchases")).isPositive();
                    assertThat(u.getString("last_purchased_on")).isGreaterThanOrEqualTo(lastMonth.toString());
                })
                .noneSatisfy(u -> assertThat(u.getString("currency")).isIn("EUR", "USD", "JPY"));

        assertThat(revenue(yen)).isEqualTo("55800000.00");
        assertThat(revenue(dollars)).isEqualTo("460000010.00");
        assertThat(revenue(francs)).as("nothing converts").isEqualTo("0.00");
        assertThat(tier(francs)).as("8,000,000,000 CHF never ranked as if they were euros").isEqualTo("STANDARD");
    }

    /**
     * The recomputation stores tiers range by range of customer ids ({@code RAPPORT_TIERS_BATCH_SIZE} 1,000 here), each
     * range in a short transaction: while it waits for one customer row that another transaction holds, a call logged
     * for a customer of an earlier range goes through. As one statement it held every row it had passed until the end,
     * and the nightly run made calls logged meanwhile wait or fail (a soak saw three deadlocks at 01:30 UTC).
     */
    @Test
    void aRecomputationWaitingForOneCustomerLeavesTheCustomersOfEarlierRangesFree() throws Exception {
        String tag = Csv.unique("lock");
        String early = tag + "-EARLY";
        String late = tag + "-LATE";
        List<String> rows = new ArrayList<>(List.of("external_id,company,time_zone", early + ",Early Ltd,Europe/Berlin"));
        for (int i = 0; i < 1_100; i++) { // more than a range between the two
            rows.add(tag + "-F" + i + ",Filler " + i + ",Europe/Berlin");
        }
        rows.add(late + ",Late Ltd,Europe/Berlin");
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1_102);

        try (Connection holder = database(); Connection observer = database()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("SELECT id FROM customer WHERE external_id = ? FOR UPDATE")) {
                hold.setString(1, late);
                hold.executeQuery().close();
            }
            CompletableFuture<Api.Reply> recomputation = CompletableFuture.supplyAsync(() -> admin.postJson("api/tiers/recompute", ""));
            try {
                Eventually.within(Duration.ofSeconds(60)).until(() -> recomputationWaiting(observer));

                Api.Reply call = admin.postJson("api/touches", "{\"customer\":\"" + early + "\",\"kind\":\"CALL\","
                        + "\"outcome\":\"REACHED\",\"occurred_at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}");
                assertThat(call.status()).as(call.toString()).isEqualTo(201);
                assertThat(recomputation).as("still waiting for the held customer").isNotDone();
            } finally {
                holder.rollback();
            }
            Api.Reply recomputed = recomputation.get(60, TimeUnit.SECONDS);
            assertThat(recomputed.status()).as(recomputed.toString()).isEqualTo(200);
        }
        assertThat(tier(late)).isEqualTo("STANDARD");
    }

    /** The recomputation's statement has been running for a second: it waits for the held row (a range takes ms). */
    private static boolean recomputationWaiting(Connection observer) throws Exception {
        try (Statement s = observer.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM"
                + " information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND INFO LIKE 'UPDATE customer c%'"
                + " AND INFO LIKE '%revenue_12m%' AND TIME >= 1")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private String revenue(String customer) {
        return admin.get("api/customers/" + customer).json().getString("revenue_12m");
    }

    private String tier(String customer) {
        Api.Reply reply = admin.get("api/customers/" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("tier");
    }
}
