package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.Conflict;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.planning.PlannedTouchStatus.CANCELLED;
import static org.rapport.planning.PlannedTouchStatus.DONE;
import static org.rapport.planning.PlannedTouchStatus.ESCALATED;
import static org.rapport.planning.PlannedTouchStatus.OPEN;
import static org.rapport.planning.PlannedTouchStatus.QUEUED;

/** The planned-touch life cycle: which moves are legal, and what an illegal one says. */
class PlannedTouchStatusTest {

    @Test
    void anOpenTouchMayBeQueuedClosedEscalatedCancelledOrStayOpen() {
        assertThat(OPEN.next()).containsExactlyInAnyOrder(OPEN, QUEUED, ESCALATED, DONE, CANCELLED);
        assertThat(OPEN.moveTo(DONE, 1)).isEqualTo(DONE);
        assertThat(OPEN.moveTo(OPEN, 1)).as("a retry or a reschedule keeps it open").isEqualTo(OPEN);
    }

    @Test
    void aQueuedOrEscalatedTouchCanOnlyBeCancelled() {
        for (PlannedTouchStatus from : EnumSet.of(QUEUED, ESCALATED)) {
            assertThat(from.next()).as(from.name()).containsExactly(CANCELLED);
            assertThat(from.mayBecome(OPEN)).as(from + " back to OPEN").isFalse();
            assertThat(from.mayBecome(DONE)).as(from + " to DONE").isFalse();
        }
    }

    @Test
    void doneAndCancelledAreFinal() {
        for (PlannedTouchStatus from : EnumSet.of(DONE, CANCELLED)) {
            assertThat(from.isFinal()).isTrue();
            for (PlannedTouchStatus to : PlannedTouchStatus.values()) {
                assertThat(from.mayBecome(to)).as(from + " to " + to).isFalse();
            }
        }
        assertThat(EnumSet.complementOf(EnumSet.of(DONE, CANCELLED))).noneMatch(PlannedTouchStatus::isFinal);
    }

    @Test
    void nothingMovesBackToOpenOnceItLeftIt() {
        for (PlannedTouchStatus from : PlannedTouchStatus.values()) {
            assertThat(from.mayBecome(OPEN)).as(from.name()).isEqualTo(from == OPEN);
        }
    }

    @Test
    void anIllegalMoveIsAConflictThatNamesTheTouchBothStatusesAndTheWayOut() {
        assertThatThrownBy(() -> ESCALATED.moveTo(DONE, 42)).isInstanceOf(Conflict.class)
                .hasMessage("Planned touch 42 is ESCALATED and cannot become DONE: from ESCALATED it can only become CANCELLED.");
        assertThatThrownBy(() -> DONE.moveTo(OPEN, 7)).isInstanceOf(Conflict.class)
                .hasMessage("Planned touch 7 is DONE and cannot become OPEN: DONE is final.");
    }
}
