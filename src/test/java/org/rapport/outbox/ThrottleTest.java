package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sending rates (RAPPORT_MAIL_RATE_PER_SECOND, RAPPORT_MAIL_RATE_PER_DOMAIN_PER_SECOND) on a clock of our own. */
class ThrottleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long START = 1_000 * SECOND;

    @Test
    void aDomainGetsOneSecondsWorthAtOnceThenOneMessagePerInterval() {
        Throttle throttle = new Throttle(0, 2);
        assertThat(throttle.domainWait("example.com", START)).isZero();
        assertThat(throttle.domainWait("example.com", START)).isZero();
        long wait = throttle.domainWait("example.com", START);
        assertThat(wait).as("the third message in the same instant waits half a second").isEqualTo(SECOND / 2);
        assertThat(throttle.domainWait("example.com", START + wait)).as("and goes when it comes back then").isZero();
        assertThat(throttle.domainWait("example.com", START + wait)).isEqualTo(SECOND / 2);
    }

    @Test
    void messagesHeldBackTogetherAreGivenTurnsAtTheDomainsRate() {
        Throttle throttle = new Throttle(0, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.domainWait("example.com", START)).isZero();
        }
        long[] turns = new long[10];
        for (int i = 0; i < turns.length; i++) {
            turns[i] = START + throttle.domainWait("example.com", START);
        }
        for (int i = 0; i < turns.length; i++) {
            assertThat(turns[i] - START).as("turn %d", i).isEqualTo((i + 1) * SECOND / 5);
        }
        for (long turn : turns) {
            assertThat(throttle.domainWait("example.com", turn)).as("back at its turn, it goes").isZero();
        }
        assertThat(throttle.domainWait("other.example", START)).as("other domains wait for nobody").isZero();
    }

    @Test
    void eachDomainHasItsOwnLimit() {
        Throttle throttle = new Throttle(0, 1);
        assertThat(throttle.domainWait("a.example", START)).isZero();
        assertThat(throttle.domainWait("a.example", START)).isEqualTo(SECOND);
        assertThat(throttle.domainWait("b.example", START)).as("another domain is not held back").isZero();
    }

    @Test
    void overTenSecondsADomainReceivesItsRateAndNoMore() {
        Throttle throttle = new Throttle(0, 5);
        int granted = 0;
        for (long t = START; t < START + 10 * SECOND; t += SECOND / 1000) {
            if (throttle.domainWait("example.com", t) == 0) {
                granted++;
            }
        }
        // a full bucket (5) at the start, then 5 per second for 10 s
        assertThat(granted).isBetween(50, 55);
    }

    @Test
    void theOverallRateHoldsAcrossDomains() {
        Throttle throttle = new Throttle(3, 0);
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isEqualTo((long) Math.ceil(SECOND / 3.0));
        assertThat(throttle.domainWait("anything.example", START)).as("no per-domain limit set").isZero();
    }

    @Test
    void aPermitGivenBackLetsTheNextMessageGoAtOnceButNeverBeyondTheBurst() {
        Throttle throttle = new Throttle(2, 0);
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).as("the burst is spent").isPositive();
        throttle.giveBack(); // that message was suppressed: it did not count
        assertThat(throttle.overallWait(START)).isZero();
        throttle.giveBack();
        throttle.giveBack();
        throttle.giveBack();
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).as("no more than one second's worth, however many were given back").isPositive();
    }

    @Test
    void aRateBelowOnePerSecondLetsOneMessageThroughThenSpacesThem() {
        Throttle throttle = new Throttle(0.5, 0);
        assertThat(throttle.overallWait(START)).isZero();
        assertThat(throttle.overallWait(START)).isEqualTo(2 * SECOND);
        assertThat(throttle.overallWait(START + 2 * SECOND)).isZero();
    }

    @Test
    void zeroMeansUnlimited() {
        Throttle throttle = new Throttle(0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttle.overallWait(START)).isZero();
            assertThat(throttle.domainWait("example.com", START)).isZero();
        }
    }

    @Test
    void everyDispatcherOfAnInstanceDrawsOnTheSameRate() throws Exception {
        MailSettings settings = new MailSettings();
        settings.perSecond = 0;
        settings.perDomainPerSecond = 4;
        Throttle first = settings.throttle();
        for (int i = 0; i < 4; i++) {
            assertThat(first.domainWait("example.com", START)).isZero();
        }
        assertThat(settings.throttle().domainWait("example.com", START))
                .as("a second dispatcher (or the next run) finds the bucket the first one emptied").isEqualTo(SECOND / 4);

        // eight threads at once, a thousand tries each, in the same instant: exactly one second's worth goes
        MailSettings fresh = new MailSettings();
        fresh.perDomainPerSecond = 100;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] runs = new Future<?>[8];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = threads.submit(() -> {
                    go.await();
                    for (int n = 0; n < 1_000; n++) {
                        if (fresh.throttle().domainWait("example.com", START) == 0) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(granted).hasValue(100);
    }

    /** Each dispatcher run asks MailSettings for the throttle: the next run, a moment later, gets no fresh burst. */
    @Test
    void theNextDispatcherRunContinuesTheOverallRateWithoutAFreshBurst() {
        MailSettings settings = new MailSettings();
        settings.perSecond = 5;
        for (int i = 0; i < 5; i++) {
            assertThat(settings.throttle().overallWait(START)).as("the first run's burst").isZero();
        }
        long nextRun = START + SECOND / 10; // the dispatch cron fires again
        assertThat(settings.throttle().overallWait(nextRun)).as("the next run waits for the rate")
                .isEqualTo(SECOND / 10);
        assertThat(settings.throttle().overallWait(nextRun + SECOND / 10)).isZero();
        assertThat(settings.throttle()).isSameAs(settings.throttle());
    }

    @Test
    void domainsWhoseBucketIsFullAgainAreForgottenAndBusyOnesKeepTheirState() {
        Throttle throttle = new Throttle(0, 1);
        for (int i = 0; i < Throttle.DOMAINS_KEPT - 1; i++) {
            assertThat(throttle.domainWait("d" + i + ".example", START)).isZero();
        }
        assertThat(throttle.domainWait("busy.example", START + 1_250_000_000L)).isZero();
        assertThat(throttle.domainsKept()).isEqualTo(Throttle.DOMAINS_KEPT);

        assertThat(throttle.domainWait("new.example", START + 2 * SECOND)).isZero();
        assertThat(throttle.domainsKept()).as("the idle domains went, busy.example and new.example stay").isEqualTo(2);
        assertThat(throttle.domainWait("busy.example", START + 2 * SECOND)).as("still a quarter of a second to wait")
                .isEqualTo(SECOND / 4);
        assertThat(throttle.domainWait("d7.example", START + 2 * SECOND)).as("a forgotten domain starts full").isZero();
    }
}
