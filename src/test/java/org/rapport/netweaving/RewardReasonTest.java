package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's reason keeps its cause and detail whole: a detail too long for its column is a fault, never cut. */
class RewardReasonTest {

    @Test
    void aRulesReasonKeepsItsCauseAndDetail() {
        RewardReason reason = RewardReason.referralConverted("Jane Roe");
        assertThat(reason.text()).isEqualTo("recommending Jane Roe");
        assertThat(reason.rule()).isEqualTo(RewardKind.REFERRAL_CONVERTED);
        assertThat(reason.detail()).isEqualTo("Jane Roe");
        assertThat(RewardReason.referralConverted("x".repeat(300)).detail()).hasSize(300);
    }

    @Test
    void aDetailLongerThanItsColumnIsRefusedNotCut() {
        assertThatThrownBy(() -> RewardReason.referralConverted("x".repeat(301)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A reward reason's detail has at most 300 characters, not 301.");
    }
}
