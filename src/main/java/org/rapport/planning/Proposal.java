package org.rapport.planning;

import org.rapport.outbox.MailModel;

import java.time.LocalDate;

/**
 * A touch the rules ask for. {@code key} is deterministic (rule, customer, cause), so planning twice, or on two
 * instances at once, proposes the same row and stores it once.
 *
 * @param dueOn    the customer-local date it is due
 * @param dueBy    the last date it meets its service standard (problem follow-ups), else {@code dueOn}
 * @param email    for email touches, the message to send (its model names the template); {@code null} otherwise
 */
public record Proposal(String key, Rule rule, Channel channel, long customerId, Long causeId, LocalDate dueOn,
                       LocalDate dueBy, int priority, String reason, MailModel email) {

    /**
     * REFERRAL_LEAD: a prospect a customer recommended, to be called by the customer's salesperson. INTRODUCTION_FOLLOW_UP:
     * a customer introduced to another some days ago, asked whether they met.
     */
    public enum Rule {
        COURTESY, PROBLEM_FOLLOW_UP, PROBLEM_CHECK_IN, RESELL, THANK_YOU_PURCHASE, THANK_YOU_ANNIVERSARY, LOW_RATING,
        REFERRAL_LEAD, INTRODUCTION_FOLLOW_UP, POLL_ANSWER
    }

    public enum Channel { CALL, VISIT, EMAIL }

    public boolean problemRelated() {
        return Urgency.PROBLEM_RULES.contains(rule);
    }
}
