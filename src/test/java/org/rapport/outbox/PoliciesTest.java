package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Consent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain rules of sending: purposes against consent, backoff, throttle. */
class PoliciesTest {

    @Test
    void internalMailIsNotOutreachAndNoConsentAppliesToIt() {
        Consent refusesAll = new Consent(true, false, false, Instant.EPOCH, "one-click", EnumSet.allOf(Consent.Purpose.class),
                Instant.EPOCH, Instant.EPOCH, false);
        assertThat(MailPurpose.INTERNAL.blockedBy(refusesAll)).isEmpty();
        assertThat(MailPurpose.CHECK_IN.blockedBy(refusesAll)).hasValue("the customer is marked do-not-contact");
        assertThat(MailTemplate.DAILY_CALL_LIST.purpose()).isEqualTo(MailPurpose.INTERNAL);
        assertThat(MailTemplate.PROBLEM_CHECK_IN.purpose()).isEqualTo(MailPurpose.CHECK_IN);
        assertThat(MailPurpose.parse("thank-you")).isEqualTo(MailPurpose.THANK_YOU);
    }

    @Test
    void eachOutreachPurposeAsksTheConsentOfItsOwnPurpose() {
        for (Consent.Purpose stopped : Consent.Purpose.values()) {
            Consent consent = new Consent(false, true, true, null, null, Set.of(stopped), Instant.EPOCH, null, true);
            for (MailPurpose purpose : MailPurpose.values()) {
                assertThat(purpose.blockedBy(consent).isPresent()).as(purpose + " when " + stopped + " is stopped")
                        .isEqualTo(purpose.name().equals(stopped.name()));
            }
        }
    }

    @Test
    void whileAProblemIsPendingOnlyMailAboutItGoesOutAndMailTheCustomerAskedForIsNoOutreach() {
        Consent open = new Consent(false, true, true, null, null, Set.of(), null, null, true);
        String reason = "a problem of the customer is open or its follow-up is due: only problem-related email";
        assertThat(MailTemplate.THANK_YOU_PURCHASE.blockedBy(open, true)).hasValue(reason);
        assertThat(MailTemplate.COURTESY_CHECK_IN.blockedBy(open, true)).as("a check-in, but not about the problem").hasValue(reason);
        assertThat(MailTemplate.PROBLEM_CHECK_IN.blockedBy(open, true)).isEmpty();
        assertThat(MailTemplate.PROBLEM_FOLLOW_UP.blockedBy(open, true)).isEmpty();
        assertThat(MailTemplate.REQUEST_REPLY.blockedBy(open, true)).as("an answer the customer asked for").isEmpty();
        assertThat(MailTemplate.DAILY_CALL_LIST.blockedBy(open, true)).isEmpty();
        assertThat(MailTemplate.THANK_YOU_PURCHASE.blockedBy(open, false)).isEmpty();

        Consent unsubscribed = new Consent(false, false, true, Instant.EPOCH, "one-click", EnumSet.allOf(Consent.Purpose.class),
                Instant.EPOCH, null, false);
        assertThat(MailTemplate.REQUEST_REPLY.blockedBy(unsubscribed, false)).as("an unsubscribe stops outreach only").isEmpty();
        assertThat(MailTemplate.THANK_YOU_PURCHASE.blockedBy(unsubscribed, false)).isPresent();
        Consent dnc = new Consent(true, true, true, null, null, Set.of(), null, null, true);
        assertThat(MailTemplate.REQUEST_REPLY.blockedBy(dnc, false)).hasValue("the customer is marked do-not-contact");
        Consent bouncing = new Consent(false, true, true, null, null, Set.of(), null, Instant.EPOCH, true);
        assertThat(MailTemplate.REQUEST_REPLY.blockedBy(bouncing, false)).hasValue("the customer's address bounces");
        assertThat(MailPurpose.outreach()).doesNotContain(MailPurpose.REQUESTED, MailPurpose.INTERNAL);
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60), Duration.ofMinutes(60), 5);
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 10; attempt++) {
            double expected = Math.min(60_000 * Math.pow(2, attempt - 1), 3_600_000);
            long delay = backoff.after(attempt, random).toMillis();
            assertThat(delay).as("attempt " + attempt).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
        }
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
    }

    @Test
    void theThrottleHoldsTheRateOverallAndPerDomain() {
        Throttle throttle = new Throttle(10, 2);
        long t = 0;
        int overall = 0;
        for (int i = 0; i < 100; i++) {
            if (throttle.overallWait(t) == 0) {
                overall++;
            }
        }
        assertThat(overall).as("a burst of one second's worth").isEqualTo(10);
        assertThat(throttle.overallWait(t)).isBetween(90_000_000L, 110_000_000L);
        assertThat(throttle.overallWait(t + 100_000_000L)).isZero();

        assertThat(throttle.domainWait("a.example", t)).isZero();
        assertThat(throttle.domainWait("a.example", t)).isZero();
        assertThat(throttle.domainWait("a.example", t)).as("2 per second per domain").isPositive();
        assertThat(throttle.domainWait("b.example", t)).as("another domain has its own bucket").isZero();
        assertThat(throttle.domainWait("a.example", t + 500_000_000L)).isZero();
    }

    @Test
    void aRateOfZeroIsUnlimited() {
        Throttle throttle = new Throttle(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttle.overallWait(0)).isZero();
            assertThat(throttle.domainWait("a.example", 0)).isZero();
        }
    }
}
