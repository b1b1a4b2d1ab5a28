package org.rapport.customers;

import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.TestServer;

import java.time.LocalDate;

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
        // far more than any other test spends: both big spenders rank in the top ten
        LocalDate lastMonth = LocalDate.now().minusDays(30);
        Api.Reply purchases = admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                tag + "-P1," + pinnedDown + "," + lastMonth + ",900000000.00,EUR",
                tag + "-P2," + unpinned + "," + lastMonth + ",900000000.00,EUR"));
        assertThat(purchases.json().getInt("created")).as(purchases.toString()).isEqualTo(2);
        assertThat(tier(unpinned)).as("before the recomputation").isEqualTo("STANDARD");

        Api.Reply recomputed = admin.postJson("api/tiers/recompute", "");
        assertThat(recomputed.status()).as(recomputed.toString()).isEqualTo(200);

        assertThat(tier(unpinned)).as("revenue decides an unpinned tier").isEqualTo("TOP10");
        assertThat(tier(pinnedDown)).as("pinned STANDARD despite the revenue").isEqualTo("STANDARD");
        assertThat(tier(pinnedUp)).as("pinned TOP10 without any revenue").isEqualTo("TOP10");
        assertThat(admin.get("api/customers/" + pinnedUp).json().getString("tier_pin")).isEqualTo("TOP10");
    }

    private String tier(String customer) {
        Api.Reply reply = admin.get("api/customers/" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("tier");
    }
}
