package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.planning.Proposal.Rule;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for the order of a call list: escalations, then problem-related calls, then courtesy calls. */
class UrgencyTest {

    @Test
    void problemFollowUpsCheckInsAndLowRatingCallsAreProblemCallsEverythingElseIsCourtesy() {
        for (Rule rule : Rule.values()) {
            Urgency expected = EnumSet.of(Rule.PROBLEM_FOLLOW_UP, Rule.PROBLEM_CHECK_IN, Rule.LOW_RATING).contains(rule)
                    ? Urgency.PROBLEM : Urgency.COURTESY;
            assertThat(Urgency.of(rule, PlannedTouchStatus.OPEN)).as(rule.name()).isEqualTo(expected);
        }
        assertThat(Urgency.of(Rule.RESELL, PlannedTouchStatus.OPEN)).as("a re-sell call is a courtesy call").isEqualTo(Urgency.COURTESY);
    }

    @Test
    void anEscalatedCallOfAnyRuleComesFirst() {
        for (Rule rule : Rule.values()) {
            assertThat(Urgency.of(rule, PlannedTouchStatus.ESCALATED)).as(rule.name()).isEqualTo(Urgency.ESCALATED);
        }
        assertThat(Urgency.values()).as("the list order").containsExactly(Urgency.ESCALATED, Urgency.PROBLEM, Urgency.COURTESY);
    }

    @Test
    void theProblemCallsAreTheOnesTheContactPolicyNeverHoldsBack() {
        for (Rule rule : Rule.values()) {
            Proposal p = new Proposal("k", rule, Proposal.Channel.CALL, 1, null, null, null, 0, "", null);
            assertThat(p.problemRelated()).as(rule.name()).isEqualTo(Urgency.of(rule, PlannedTouchStatus.OPEN) == Urgency.PROBLEM);
        }
        assertThat(Urgency.problemRuleNames()).containsExactly("PROBLEM_FOLLOW_UP", "PROBLEM_CHECK_IN", "LOW_RATING");
    }
}
