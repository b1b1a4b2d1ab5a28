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

    /**
     * The contact policy (Proposal.problemRelated: no call limit, no outreach cap) and the list order (Urgency.of) both
     * read PROBLEM_RULES; the expected rules are written out here so that a change to that set shows up in this test.
     */
    @Test
    void theProblemCallsAreTheOnesTheContactPolicyNeverHoldsBack() {
        java.util.List<String> problemRules = java.util.List.of("PROBLEM_FOLLOW_UP", "PROBLEM_CHECK_IN", "LOW_RATING");
        for (Rule rule : Rule.values()) {
            boolean expected = problemRules.contains(rule.name());
            Proposal p = new Proposal("k", rule, Proposal.Channel.CALL, 1, null, null, null, 0, "", null);
            assertThat(p.problemRelated()).as("contact policy, " + rule.name()).isEqualTo(expected);
            assertThat(Urgency.of(rule, PlannedTouchStatus.OPEN)).as("list order, " + rule.name())
                    .isEqualTo(expected ? Urgency.PROBLEM : Urgency.COURTESY);
        }
        assertThat(Urgency.problemRuleNames()).as("the names the list's SQL compares").containsExactlyElementsOf(problemRules);
    }
}
