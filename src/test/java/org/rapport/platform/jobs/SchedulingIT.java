package org.rapport.platform.jobs;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.customers.CustomerImporter;
import org.rapport.customers.CustomerService;
import org.rapport.customers.Tier;
import org.rapport.customers.TierRecomputationJob;
import org.rapport.imports.CsvImporter;
import org.rapport.platform.security.Scope;
import org.rapport.purchases.PurchaseImporter;
import org.rapport.testing.Deployments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the container: the clustered Quartz scheduler runs the nightly tier job on container-managed context. Arquillian
 * deploys its own copy of the WAR for the injection, so it runs with the process tests, not on the shared server.
 */
@Tag("process")
@ExtendWith(ArquillianExtension.class)
class SchedulingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.rapport().addClass(SchedulingIT.class);
    }

    @Inject
    Scheduling scheduling;

    @Inject
    CsvImporter csv;

    @Inject
    CustomerImporter customers;

    @Inject
    PurchaseImporter purchases;

    @Inject
    CustomerService customerService;

    @Inject
    Clock clock;

    @Test
    void tierJobRanksCustomersByTrailingTwelveMonthPurchases() throws Exception {
        String tag = "job-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // amounts above anything earlier runs stored, so these eleven are the eleven largest customers
        long base = System.currentTimeMillis() * 100;
        StringBuilder customerCsv = new StringBuilder("external_id,company,time_zone\n");
        StringBuilder purchaseCsv = new StringBuilder("external_id,customer,purchased_on,amount,currency\n");
        for (int i = 1; i <= 11; i++) {
            customerCsv.append(tag).append("-C").append(i).append(",Big ").append(i).append(",UTC\n");
            purchaseCsv.append(tag).append("-P").append(i).append(',').append(tag).append("-C").append(i).append(',')
                    .append(today.minusMonths(1)).append(',').append(base + 12 - i).append(",EUR\n");
        }
        // the largest purchase of all, but thirteen months ago: outside the window
        customerCsv.append(tag).append("-OLD,Old Big,UTC\n");
        purchaseCsv.append(tag).append("-POLD,").append(tag).append("-OLD,").append(today.minusMonths(13)).append(',')
                .append(base * 10).append(",EUR\n");
        csv.run(new ByteArrayInputStream(customerCsv.toString().getBytes(StandardCharsets.UTF_8)), customers);
        csv.run(new ByteArrayInputStream(purchaseCsv.toString().getBytes(StandardCharsets.UTF_8)), purchases);
        assertEquals(Tier.STANDARD, tier(tag + "-C1"));

        scheduling.triggerNow(TierRecomputationJob.class);

        long deadline = System.currentTimeMillis() + 60_000;
        while (tier(tag + "-C1") != Tier.TOP10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(Tier.TOP10, tier(tag + "-C1"));
        assertEquals(Tier.TOP10, tier(tag + "-C10"));
        assertEquals(Tier.TOP100, tier(tag + "-C11"));
        assertEquals(Tier.STANDARD, tier(tag + "-OLD"));
        assertTrue(scheduling.isRunning());
    }

    private Tier tier(String customer) {
        return customerService.detail(Scope.EVERYTHING, customer).tier();
    }
}
