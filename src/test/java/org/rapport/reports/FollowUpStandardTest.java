package org.rapport.reports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.reports.FollowUpStandard.MISSED;
import static org.rapport.reports.FollowUpStandard.ON_TIME;
import static org.rapport.reports.FollowUpStandard.PENDING;

/** A follow-up due by Tuesday 24 November 2026. */
class FollowUpStandardTest {

    private static final LocalDate DUE_BY = LocalDate.of(2026, 11, 24);

    @Test
    void aFollowUpNotYetDueIsNoMiss() {
        assertThat(FollowUpStandard.of(DUE_BY, null, DUE_BY.minusDays(1))).isEqualTo(PENDING);
        assertThat(FollowUpStandard.of(DUE_BY, null, DUE_BY)).as("the due date itself is still in time").isEqualTo(PENDING);
    }

    @Test
    void aFollowUpNotReachedByItsDueDateIsAMissFromTheNextDay() {
        assertThat(FollowUpStandard.of(DUE_BY, null, DUE_BY.plusDays(1))).isEqualTo(MISSED);
    }

    @Test
    void reachingTheCustomerByTheDueDateIsOnTimeAndLaterIsAMiss() {
        assertThat(FollowUpStandard.of(DUE_BY, DUE_BY.minusDays(1), DUE_BY.plusDays(30))).isEqualTo(ON_TIME);
        assertThat(FollowUpStandard.of(DUE_BY, DUE_BY, DUE_BY.plusDays(30))).isEqualTo(ON_TIME);
        assertThat(FollowUpStandard.of(DUE_BY, DUE_BY.plusDays(1), DUE_BY.plusDays(1))).isEqualTo(MISSED);
    }
}
