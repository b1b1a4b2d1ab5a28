package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.Consent;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel.Problem;
import org.rapport.outbox.MailModel.ProblemFollowUp;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The {@code problem-follow-up} email. The follow-up after a resolved problem is a call; when that call goes unanswered
 * after the last try (it is escalated to the manager), the customer hears from their salesperson in writing instead:
 * sorry for the trouble, is it really fixed, reply or call back. Once per problem (the idempotency key), in the
 * caller's transaction, inside the customer's send window (its retries and deferrals too), only to a customer who takes
 * check-in emails, and within the cap {@code contact.max_emails_per_7_days}: like the planner's problem check-in email
 * (Planner.capEmails), it is outreach of purpose CHECK_IN and counts against the cap; a customer at the cap is not
 * written to (the manager's alert and the escalated call remain).
 */
@ApplicationScoped
public class UnreachedFollowUps {

    @Inject
    PlanningMapper mapper;

    @Inject
    RuleService rules;

    @Inject
    OutboxService outbox;

    @Inject
    Clock clock;

    /** @return the outbox message, or empty when the touch is no problem follow-up, the customer takes no such email or is
     *         at the cap on outreach email */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> emailCustomer(long plannedTouchId) {
        Optional<PlanningMapper.ProblemRow> problem = mapper.problemOfTouch(plannedTouchId, Proposal.Rule.PROBLEM_FOLLOW_UP);
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        long customerId = problem.get().customerId;
        List<PlanningMapper.FactRow> facts = mapper.customers(customerId - 1, 1, List.of(customerId));
        if (facts.isEmpty() || !facts.get(0).consent().mayEmail(Consent.Purpose.CHECK_IN)) {
            return Optional.empty();
        }
        Rules current = rules.rules();
        int queued = outbox.outreachCounts(List.of(customerId), clock.instant().minus(Duration.ofDays(7))).getOrDefault(customerId, 0);
        if (queued >= current.maxEmailsPer7Days()) {
            return Optional.empty();
        }
        ZoneId zone = Zones.orUtc(facts.get(0).timeZone);
        Instant notBefore = rules.calendar().sendMoment(clock.instant(), zone, facts.get(0).region,
                current.sendWindowStart(), current.sendWindowEnd());
        ProblemFollowUp model = new ProblemFollowUp(new Problem(nonNull(problem.get().summary), nonNull(problem.get().resolution)));
        return Optional.of(outbox.enqueue(new Mail(Planner.problemKey("follow-up-unreached", problem.get().id, problem.get().reopened), model, customerId, null, null,
                notBefore, true)).id());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
