package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.planning.PlanningLease.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanningLeaseTest {

    private static final Instant CLAIMED = Instant.parse("2026-03-02T05:05:00Z");

    private final PlanningLease lease = new PlanningLease(Duration.ofMinutes(2), Duration.ofMinutes(1));

    private static RunClaim running(Instant until) {
        return new RunClaim("host/1/a", 1, CLAIMED, until, null, null);
    }

    @Test
    void aDueTimeNoInstanceClaimedIsClaimed() {
        PlanningSchedule hourly = new PlanningSchedule("0 5 * * * ?", TimeZone.getTimeZone("UTC"));
        Instant now = Instant.parse("2026-03-02T05:30:00Z");
        assertThat(hourly.dueSlot(now)).contains(CLAIMED);
        assertThat(lease.next(Optional.empty(), now)).isEqualTo(Step.CLAIM);
    }

    @Test
    void aFinishedTimeIsServedForGood() {
        RunClaim finished = new RunClaim("host/1/a", 1, CLAIMED, null, null, CLAIMED.plusSeconds(60));
        assertThat(lease.next(Optional.of(finished), CLAIMED.plus(Duration.ofDays(3)))).isEqualTo(Step.SERVED);
    }

    @Test
    void aPlanWithinItsLeaseHoldsItsTime() {
        Instant until = lease.until(CLAIMED);
        assertThat(until).isEqualTo(CLAIMED.plus(Duration.ofMinutes(2)));
        assertThat(lease.next(Optional.of(running(until)), until.minusMillis(1))).isEqualTo(Step.HELD);
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOver() {
        Instant until = lease.until(CLAIMED);
        assertThat(lease.next(Optional.of(running(until)), until)).isEqualTo(Step.TAKE_OVER);
        assertThat(lease.next(Optional.of(running(until)), until.plus(Duration.ofHours(5)))).isEqualTo(Step.TAKE_OVER);
    }

    @Test
    void aClaimOfAnOlderVersionWithoutLeaseHoldsForOneLeaseFromItsStart() {
        RunClaim old = new RunClaim("host/1/a", 1, CLAIMED, null, null, null);
        assertThat(lease.heldUntil(old)).isEqualTo(CLAIMED.plus(Duration.ofMinutes(2)));
        assertThat(lease.next(Optional.of(old), CLAIMED.plusSeconds(119))).isEqualTo(Step.HELD);
        assertThat(lease.next(Optional.of(old), CLAIMED.plusSeconds(120))).isEqualTo(Step.TAKE_OVER);
    }

    @Test
    void aPlanRenewsAfterAQuarterOfItsLease() {
        assertThat(lease.renewalDue(CLAIMED, CLAIMED.plusSeconds(29))).isFalse();
        assertThat(lease.renewalDue(CLAIMED, CLAIMED.plusSeconds(30))).isTrue();
    }

    @Test
    void aFailedTimeIsTriedAgainAfterAPauseThatDoublesWithEachTryUpToAnHour() {
        Instant failed = CLAIMED.plusSeconds(10);
        assertThat(lease.retryAt(failed, 1)).isEqualTo(failed.plus(Duration.ofMinutes(1)));
        assertThat(lease.retryAt(failed, 2)).isEqualTo(failed.plus(Duration.ofMinutes(2)));
        assertThat(lease.retryAt(failed, 4)).isEqualTo(failed.plus(Duration.ofMinutes(8)));
        assertThat(lease.retryAt(failed, 7)).isEqualTo(failed.plus(Duration.ofHours(1)));
        assertThat(lease.retryAt(failed, 1_000)).isEqualTo(failed.plus(Duration.ofHours(1)));
    }

    @Test
    void aGivenBackTimeIsHeldDuringItsPauseThenTriedAgain() {
        Instant failed = CLAIMED.plusSeconds(10);
        RunClaim givenBack = new RunClaim("host/1/a", 1, CLAIMED, lease.retryAt(failed, 1), failed, null);
        assertThat(lease.next(Optional.of(givenBack), failed.plusSeconds(59))).isEqualTo(Step.HELD);
        assertThat(lease.next(Optional.of(givenBack), failed.plusSeconds(60))).isEqualTo(Step.TAKE_OVER);
    }

    @Test
    void settingsThatCannotWorkNameTheirSetting() {
        assertThatThrownBy(() -> new PlanningLease(Duration.ofSeconds(5), Duration.ofMinutes(1)))
                .hasMessageContaining("RAPPORT_PLANNING_LEASE_SECONDS").hasMessageContaining("5");
        assertThatThrownBy(() -> new PlanningLease(Duration.ofMinutes(2), Duration.ZERO))
                .hasMessageContaining("RAPPORT_PLANNING_RETRY_SECONDS");
    }
}
