package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.Conflict;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.planning.PlannedTouchStatus.CANCELLED;
import static org.rapport.planning.PlannedTouchStatus.DONE;
import static org.rapport.planning.PlannedTouchStatus.ESCALATED;
import static org.rapport.planning.PlannedTouchStatus.OPEN;
import static org.rapport.planning.PlannedTouchStatus.QUEUED;

/** The planned-touch life cycle: which moves are legal, and what an illegal one says. */
class PlannedTouchStatusTest {

    /** Every legal move; every pair not listed here is illegal. */
    private static final Map<PlannedTouchStatus, Set<PlannedTouchStatus>> LEGAL = Map.of(
            OPEN, EnumSet.of(OPEN, QUEUED, ESCALATED, DONE, CANCELLED),
            QUEUED, EnumSet.of(CANCELLED),
            ESCALATED, EnumSet.of(OPEN, DONE, CANCELLED),
            DONE, EnumSet.noneOf(PlannedTouchStatus.class),
            CANCELLED, EnumSet.noneOf(PlannedTouchStatus.class));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheTableSaysSo() {
        assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(PlannedTouchStatus.values());
        for (PlannedTouchStatus from : PlannedTouchStatus.values()) {
            assertThat(from.next()).as(from.name()).isEqualTo(LEGAL.get(from));
            for (PlannedTouchStatus to : PlannedTouchStatus.values()) {
                boolean legal = LEGAL.get(from).contains(to);
                assertThat(from.mayBecome(to)).as(from + " to " + to).isEqualTo(legal);
                if (legal) {
                    assertThat(from.moveTo(to, 1)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, 1)).as(from + " to " + to).isInstanceOf(Conflict.class);
                }
            }
        }
    }

    @Test
    void anOpenTouchMayBeQueuedClosedEscalatedCancelledOrStayOpen() {
        assertThat(OPEN.moveTo(DONE, 1)).isEqualTo(DONE);
        assertThat(OPEN.moveTo(OPEN, 1)).as("a retry or a reschedule keeps it open").isEqualTo(OPEN);
    }

    @Test
    void aQueuedTouchCanOnlyBeCancelled() {
        assertThat(QUEUED.next()).containsExactly(CANCELLED);
    }

    @Test
    void anEscalatedCallGoesBackOnAListOrIsClosedByTheManagersDecisionOnly() {
        assertThat(ESCALATED.decide(OPEN, 1)).as("taken, reassigned or rescheduled").isEqualTo(OPEN);
        assertThat(ESCALATED.decide(DONE, 1)).as("closed with a note").isEqualTo(DONE);
        assertThatThrownBy(() -> ESCALATED.decide(QUEUED, 3)).isInstanceOf(Conflict.class)
                .hasMessage("Planned touch 3 is ESCALATED and cannot become QUEUED: from ESCALATED it can only become OPEN or DONE or CANCELLED.");
        for (PlannedTouchStatus from : EnumSet.complementOf(EnumSet.of(ESCALATED))) {
            for (PlannedTouchStatus to : PlannedTouchStatus.values()) {
                assertThatThrownBy(() -> from.decide(to, 9)).as(from + " decided to " + to).isInstanceOf(Conflict.class)
                        .hasMessage("Planned touch 9 is " + from + ": only an ESCALATED call waits for a manager's decision.");
            }
        }
    }

    @Test
    void aProblemOpenedWithdrawsAnOpenOrEscalatedCallAndNothingElse() {
        assertThat(OPEN.withdrawn(1)).isEqualTo(CANCELLED);
        assertThat(ESCALATED.withdrawn(2)).as("no manager's decision left to wait for").isEqualTo(CANCELLED);
        for (PlannedTouchStatus from : EnumSet.of(QUEUED, DONE, CANCELLED)) {
            assertThatThrownBy(() -> from.withdrawn(5)).as(from.name()).isInstanceOf(Conflict.class)
                    .hasMessage("Planned touch 5 is " + from + ": only an OPEN or ESCALATED call is withdrawn when a problem opens.");
        }
    }

    /** The rules of the calls each of these moves reaches, defined once (PlannedTouches) and passed to the SQL. */
    @Test
    void aConversationClosesCourtesyFollowUpAndResellCallsAndAProblemWithdrawsTheCallsNotAboutAProblem() {
        assertThat(PlannedTouches.ANSWERED_BY_A_CONVERSATION).containsExactlyInAnyOrder(Proposal.Rule.COURTESY,
                Proposal.Rule.PROBLEM_FOLLOW_UP, Proposal.Rule.RESELL);
        assertThat(PlannedTouches.WITHDRAWN_FOR_A_PROBLEM).containsExactlyInAnyOrder(Proposal.Rule.COURTESY, Proposal.Rule.RESELL)
                .doesNotContainAnyElementsOf(Urgency.PROBLEM_RULES);
    }

    @Test
    void aConversationWithTheCustomerClosesAnOpenOrEscalatedCallAndNothingElse() {
        assertThat(PlannedTouchStatus.ANSWERABLE).containsExactlyInAnyOrder(OPEN, ESCALATED);
        assertThat(OPEN.answered(1)).isEqualTo(DONE);
        assertThat(ESCALATED.answered(2)).as("no manager's decision left to wait for").isEqualTo(DONE);
        for (PlannedTouchStatus from : EnumSet.of(QUEUED, DONE, CANCELLED)) {
            assertThatThrownBy(() -> from.answered(4)).as(from.name()).isInstanceOf(Conflict.class)
                    .hasMessage("Planned touch 4 is " + from + ": only an OPEN or ESCALATED call is closed by a conversation with the customer.");
        }
    }

    @Test
    void anOutcomeMovesAnOpenCallButNeverAnEscalatedOne() {
        for (PlannedTouchStatus to : LEGAL.get(OPEN)) {
            assertThat(OPEN.record(to, 1)).isEqualTo(to);
        }
        for (PlannedTouchStatus to : PlannedTouchStatus.values()) {
            assertThatThrownBy(() -> ESCALATED.record(to, 5)).as("an outcome to " + to).isInstanceOf(Conflict.class)
                    .hasMessage("Planned touch 5 is ESCALATED: it waits for a manager's decision (take, reassign, reschedule or close).");
        }
        assertThatThrownBy(() -> DONE.record(DONE, 6)).isInstanceOf(Conflict.class).hasMessage("Planned touch 6 is DONE and cannot become DONE: DONE is final.");
    }

    @Test
    void doneAndCancelledAreFinal() {
        for (PlannedTouchStatus from : EnumSet.of(DONE, CANCELLED)) {
            assertThat(from.isFinal()).isTrue();
        }
        assertThat(EnumSet.complementOf(EnumSet.of(DONE, CANCELLED))).noneMatch(PlannedTouchStatus::isFinal);
    }

    @Test
    void onlyAnOpenOrEscalatedTouchComesBackToOpen() {
        for (PlannedTouchStatus from : PlannedTouchStatus.values()) {
            assertThat(from.mayBecome(OPEN)).as(from.name()).isEqualTo(from == OPEN || from == ESCALATED);
        }
    }

    @Test
    void anIllegalMoveIsAConflictThatNamesTheTouchBothStatusesAndTheWayOut() {
        assertThatThrownBy(() -> QUEUED.moveTo(DONE, 42)).isInstanceOf(Conflict.class)
                .hasMessage("Planned touch 42 is QUEUED and cannot become DONE: from QUEUED it can only become CANCELLED.");
        assertThatThrownBy(() -> DONE.moveTo(OPEN, 7)).isInstanceOf(Conflict.class)
                .hasMessage("Planned touch 7 is DONE and cannot become OPEN: DONE is final.");
    }
}
