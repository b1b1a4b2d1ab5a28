package org.rapport.platform.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clustered Quartz scheduler runs the nightly tier job on its cron from configuration, with the container's
 * context (data source, CDI): an instance started like production whose tier cron fires every two seconds ranks
 * customers by trailing-twelve-month purchases without anyone asking.
 */
@Tag("process")
class SchedulingIT {

    private LauncherInstance instance;

    @AfterEach
    void stop() throws InterruptedException {
        if (instance != null) {
            instance.stop();
        }
    }

    @Test
    void theTierJobFiresOnItsCronAndRanksCustomersByTrailingTwelveMonthPurchases() throws Exception {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        instance = LauncherInstance.start("scheduling", target.resolve("scheduling"),
                Map.of("RAPPORT_TIERS_CRON", "0/2 * * * * ?")).awaitUp();
        Api admin = Api.at(instance.baseUri()).asAdmin();

        String tag = Csv.unique("job");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // amounts above anything earlier runs stored, so these eleven are the eleven largest customers
        long base = System.currentTimeMillis() * 100;
        StringBuilder customers = new StringBuilder("external_id,company,time_zone\n");
        StringBuilder purchases = new StringBuilder("external_id,customer,purchased_on,amount,currency\n");
        for (int i = 1; i <= 11; i++) {
            customers.append(tag).append("-C").append(i).append(",Big ").append(i).append(",UTC\n");
            purchases.append(tag).append("-P").append(i).append(',').append(tag).append("-C").append(i).append(',')
                    .append(today.minusMonths(1)).append(',').append(base + 12 - i).append(",EUR\n");
        }
        // the largest purchase of all, but thirteen months ago: outside the window
        customers.append(tag).append("-OLD,Old Big,UTC\n");
        purchases.append(tag).append("-POLD,").append(tag).append("-OLD,").append(today.minusMonths(13)).append(',')
                .append(base * 10).append(",EUR\n");
        assertThat(admin.postCsv("api/import/customers", customers.toString()).status()).isEqualTo(200);
        assertThat(admin.postCsv("api/import/purchases", purchases.toString()).status()).isEqualTo(200);

        // nobody calls POST /api/tiers/recompute: only the scheduled job can move these tiers
        Eventually.within(Duration.ofMinutes(1)).until(() -> tier(admin, tag + "-C1").equals("TOP10"));
        assertThat(tier(admin, tag + "-C10")).isEqualTo("TOP10");
        assertThat(tier(admin, tag + "-C11")).isEqualTo("TOP100");
        assertThat(tier(admin, tag + "-OLD")).isEqualTo("STANDARD");
    }

    private static String tier(Api admin, String customer) {
        Api.Reply detail = admin.get("api/customers/" + customer);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json().getString("tier");
    }
}
