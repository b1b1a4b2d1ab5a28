package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.NotAllowed;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Salespeople 5 and 6 report to manager 2; salesperson 8 reports to manager 3. */
class IntroductionApprovalTest {

    private static final Set<Long> NOBODY = Set.of();

    @Test
    void whenOneSalespersonOwnsBothCustomersTheirYesIsEnough() {
        assertThat(IntroductionApproval.pending(1, 5, 5).approvedBy(5, NOBODY).complete()).isTrue();
    }

    @Test
    void twoOwnersBothApprove() {
        IntroductionApproval one = IntroductionApproval.pending(1, 5, 6).approvedBy(5, NOBODY);
        assertThat(one.complete()).isFalse();
        assertThat(one.approvedBy(5, NOBODY).complete()).as("the same owner twice").isFalse();
        assertThat(one.approvedBy(6, NOBODY).complete()).isTrue();
    }

    @Test
    void theirManagerApprovesForBoth() {
        assertThat(IntroductionApproval.pending(1, 5, 6).approvedBy(2, Set.of(5L, 6L)).complete()).isTrue();
    }

    @Test
    void aManagerOfOneOwnerApprovesOnlyThatSide() {
        IntroductionApproval half = IntroductionApproval.pending(1, 5, 8).approvedBy(2, Set.of(5L, 6L));
        assertThat(half.firstApproved()).isTrue();
        assertThat(half.complete()).isFalse();
        assertThat(half.approvedBy(3, Set.of(8L)).complete()).isTrue();
    }

    @Test
    void someoneSpeakingForNeitherCustomerMayNotApproveOrDecline() {
        IntroductionApproval pending = IntroductionApproval.pending(4, 5, 6);
        assertThat(pending.mayDecide(8, NOBODY)).isFalse();
        assertThat(pending.mayDecide(3, Set.of(8L))).isFalse();
        assertThat(pending.mayDecide(6, NOBODY)).isTrue();
        assertThatThrownBy(() -> pending.approvedBy(8, NOBODY)).isInstanceOf(IntroductionApprovalNotAllowed.class)
                .isInstanceOf(NotAllowed.class)
                .hasMessage("Introduction 4 is decided by the salespeople who own its customers (5 and 6) or their manager, "
                        + "not by salesperson 8.");
    }
}
