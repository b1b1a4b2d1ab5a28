package org.rapport.planning;

import org.rapport.customers.Tier;
import org.rapport.customers.Consent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the planner knows about one customer: read for all customers in one streamed query, never one query each.
 *
 * @param consent         what the customer lets us do (the one contact rule)
 * @param problems        problems still open, or resolved recently enough that a rule may still apply
 * @param purchases       recent purchases
 * @param lastThankYouAt  the last thank-you note planned or sent
 * @param emailsLast7Days outreach emails queued in the last seven days and not suppressed or failed, whoever queued
 *                        them (the outbox's count: the planner's and callers' of {@code POST /api/outbox})
 * @param ownerWorkweek   the days the owner works: a call is due only on one of them
 * @param followUpPending a problem follow-up call of the customer is OPEN or ESCALATED, however long overdue (the
 *                        send-time {@code problemPending} predicate's second half, CustomerMapper's followUpPending)
 * @param courtesyHandedBackAt when the salesperson last handed back a courtesy call of the customer (no call happened,
 *                        the courtesy cadence counts from then), or {@code null}
 */
public record CustomerFacts(long customerId, Tier tier, ZoneId zone, String region, Long ownerId, Consent consent,
                            Instant lastTwoWayAt,
                            LocalDate customerSince, List<ProblemFact> problems, List<PurchaseFact> purchases,
                            Instant lastThankYouAt, int emailsLast7Days, BusinessCalendar.Workweek ownerWorkweek,
                            boolean followUpPending, Instant courtesyHandedBackAt) {

    /** A customer none of whose courtesy calls was handed back. */
    public CustomerFacts(long customerId, Tier tier, ZoneId zone, String region, Long ownerId, Consent consent,
                         Instant lastTwoWayAt, LocalDate customerSince, List<ProblemFact> problems, List<PurchaseFact> purchases,
                         Instant lastThankYouAt, int emailsLast7Days, BusinessCalendar.Workweek ownerWorkweek,
                         boolean followUpPending) {
        this(customerId, tier, zone, region, ownerId, consent, lastTwoWayAt, customerSince, problems, purchases, lastThankYouAt,
                emailsLast7Days, ownerWorkweek, followUpPending, null);
    }

    /** A customer without a follow-up call under way. */
    public CustomerFacts(long customerId, Tier tier, ZoneId zone, String region, Long ownerId, Consent consent,
                         Instant lastTwoWayAt, LocalDate customerSince, List<ProblemFact> problems, List<PurchaseFact> purchases,
                         Instant lastThankYouAt, int emailsLast7Days, BusinessCalendar.Workweek ownerWorkweek) {
        this(customerId, tier, zone, region, ownerId, consent, lastTwoWayAt, customerSince, problems, purchases, lastThankYouAt,
                emailsLast7Days, ownerWorkweek, false);
    }

    /** A customer whose owner works Monday to Friday. */
    public CustomerFacts(long customerId, Tier tier, ZoneId zone, String region, Long ownerId, Consent consent,
                         Instant lastTwoWayAt, LocalDate customerSince, List<ProblemFact> problems, List<PurchaseFact> purchases,
                         Instant lastThankYouAt, int emailsLast7Days) {
        this(customerId, tier, zone, region, ownerId, consent, lastTwoWayAt, customerSince, problems, purchases, lastThankYouAt,
                emailsLast7Days, BusinessCalendar.Workweek.MONDAY_TO_FRIDAY_ANYWHERE);
    }

    /**
     * @param rating          the customer's 1–5 rating of how it was handled (from the check-in email), or {@code null}
     * @param followUpPlanned its follow-up call was planned before, whatever became of it (its key is taken)
     * @param reopened        how often it was opened again after being resolved: its round, part of its touches' keys
     */
    public record ProblemFact(long id, Instant openedAt, Instant resolvedAt, String summary, String resolution, Integer rating,
                              boolean followUpPlanned, int reopened) {
        public ProblemFact(long id, Instant openedAt, Instant resolvedAt, String summary, String resolution) {
            this(id, openedAt, resolvedAt, summary, resolution, null);
        }

        public ProblemFact(long id, Instant openedAt, Instant resolvedAt, String summary, String resolution, Integer rating) {
            this(id, openedAt, resolvedAt, summary, resolution, rating, false);
        }

        public ProblemFact(long id, Instant openedAt, Instant resolvedAt, String summary, String resolution, Integer rating,
                           boolean followUpPlanned) {
            this(id, openedAt, resolvedAt, summary, resolution, rating, followUpPlanned, 0);
        }

        /** The plan key of this round's touch of a kind ({@code follow-up}, {@code check-in}, {@code resell}). */
        public String key(String kind) {
            return Planner.problemKey(kind, id, reopened);
        }

        public boolean open() {
            return resolvedAt == null;
        }
    }

    public record PurchaseFact(long id, LocalDate purchasedOn, BigDecimal amount, String currency, String description) {
    }

    public CustomerFacts {
        problems = List.copyOf(problems);
        purchases = List.copyOf(purchases);
    }

    boolean mayEmail(Consent.Purpose purpose) {
        return consent.mayEmail(purpose);
    }

    boolean twoWayTouchSince(Instant moment) {
        return lastTwoWayAt != null && lastTwoWayAt.isAfter(moment);
    }
}
