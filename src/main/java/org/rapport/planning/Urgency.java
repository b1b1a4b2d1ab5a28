package org.rapport.planning;

import org.rapport.planning.Proposal.Rule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How urgent a call is, before any score: the one rule for the order of a call list. An escalated call waits for a
 * manager's decision; problem-related calls (a follow-up after a resolved problem, the urgent call after a low rating)
 * keep the service standard; courtesy calls (by tier and age) come after them however old they are. The list orders
 * by this class first (in declaration order), then by its score (priority plus days overdue) within the class.
 */
public enum Urgency {
    ESCALATED, PROBLEM, COURTESY;

    /** The rules whose calls are {@link #PROBLEM}: the service standard comes first, and no call limit holds them back. */
    public static final Set<Rule> PROBLEM_RULES = EnumSet.of(Rule.PROBLEM_FOLLOW_UP, Rule.PROBLEM_CHECK_IN, Rule.LOW_RATING);

    public static Urgency of(Rule rule, PlannedTouchStatus status) {
        if (status == PlannedTouchStatus.ESCALATED) {
            return ESCALATED;
        }
        return PROBLEM_RULES.contains(rule) ? PROBLEM : COURTESY;
    }

    /** The names of {@link #PROBLEM_RULES}, as the SQL of the list compares them with {@code planned_touch.rule}. */
    public static List<String> problemRuleNames() {
        return Arrays.stream(Rule.values()).filter(PROBLEM_RULES::contains).map(Enum::name).toList();
    }
}
