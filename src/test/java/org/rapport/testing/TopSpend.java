package org.rapport.testing;

import java.time.Instant;

/**
 * A purchase amount that ranks above every customer of an earlier test run: the test database is kept between runs,
 * so a fixed amount ties with ten earlier runs' customers for the top ten. It grows with the clock, by the same rule in
 * every test that needs a customer in the top ten (TierIT, RewardIT), so within one run those tests' customers are the
 * top spenders together.
 */
public final class TopSpend {

    private TopSpend() {
    }

    /** In EUR with two decimals, e.g. {@code 2796434200.00}. */
    public static String amount() {
        return (1_000_000_000L + Instant.now().getEpochSecond()) + ".00";
    }
}
