package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.Conflict;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.netweaving.RewardStatus.APPROVED;
import static org.rapport.netweaving.RewardStatus.FULFILLED;
import static org.rapport.netweaving.RewardStatus.PROPOSED;
import static org.rapport.netweaving.RewardStatus.REJECTED;

/** The reward's life: which moves are legal, and what an illegal one says. */
class RewardStatusTest {

    private static final Map<RewardStatus, Set<RewardStatus>> LEGAL = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(FULFILLED),
            REJECTED, EnumSet.noneOf(RewardStatus.class),
            FULFILLED, EnumSet.noneOf(RewardStatus.class));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheTableSaysSo() {
        assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(RewardStatus.values());
        for (RewardStatus from : RewardStatus.values()) {
            assertThat(from.next()).as(from.name()).isEqualTo(LEGAL.get(from));
            for (RewardStatus to : RewardStatus.values()) {
                boolean legal = LEGAL.get(from).contains(to);
                assertThat(from.mayBecome(to)).as(from + " to " + to).isEqualTo(legal);
                if (legal) {
                    assertThat(from.moveTo(to, 1)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, 1)).as(from + " to " + to)
                            .isInstanceOf(RewardMoveRefused.class).isInstanceOf(Conflict.class);
                }
            }
        }
    }

    @Test
    void onlyAnApprovedRewardIsFulfilledAndRejectedAndFulfilledAreFinal() {
        for (RewardStatus from : RewardStatus.values()) {
            assertThat(from.mayBecome(FULFILLED)).as(from.name()).isEqualTo(from == APPROVED);
            assertThat(from.isFinal()).as(from.name()).isEqualTo(from == REJECTED || from == FULFILLED);
        }
    }

    @Test
    void anIllegalMoveNamesTheRewardBothStatusesAndTheWayOut() {
        assertThatThrownBy(() -> PROPOSED.moveTo(FULFILLED, 12)).isInstanceOf(RewardMoveRefused.class)
                .hasMessage("Reward 12 is PROPOSED and cannot become FULFILLED: from PROPOSED it can only become APPROVED or REJECTED.");
        assertThatThrownBy(() -> FULFILLED.moveTo(APPROVED, 3)).isInstanceOf(RewardMoveRefused.class)
                .hasMessage("Reward 3 is FULFILLED and cannot become APPROVED: FULFILLED is final.");
    }
}
