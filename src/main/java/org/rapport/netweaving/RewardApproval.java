package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who may approve a reward, and within which budget, as plain Java. Checked in this order, each refusal naming the
 * reward and why: the reward must be PROPOSED; the approver is not who proposed it (four eyes); the approver is not the
 * salesperson who owns the rewarded customer (nobody rewards their own customers); the reward is in the budget's
 * currency; and approving it does not take the team's approved sum for the quarter above the budget. That the approver
 * is an admin or the manager of the reward's team is {@code platform.security.Access#decidesRewardsOf}'s to decide,
 * before this.
 */
public final class RewardApproval {

    private RewardApproval() {
    }

    /**
     * A reward as the approval sees it.
     *
     * @param customerOwner the salesperson who owns the rewarded customer
     * @param proposedBy    the login that proposed it, or empty when a rule did
     */
    public record Reward(long id, long customerId, long customerOwner, Optional<String> proposedBy, Amount value,
                         RewardStatus status) {
        public Reward {
            Objects.requireNonNull(proposedBy, "proposedBy");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The login deciding.
     *
     * @param salesperson the salesperson the login acts for; empty for an admin without one
     */
    public record Approver(String username, OptionalLong salesperson) {
        public Approver {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(salesperson, "salesperson");
        }
    }

    /**
     * @return the team's budget with this reward approved against it (the reward's status becomes APPROVED)
     * @throws RewardMoveRefused        the reward is not PROPOSED
     * @throws RewardApprovalNotAllowed the approver proposed it, or owns the customer
     * @throws RewardBudgetRefused      it is in another currency than the budget, or would exceed it
     */
    public static TeamBudget approve(Reward reward, Approver approver, TeamBudget budget) {
        reward.status().moveTo(RewardStatus.APPROVED, reward.id());
        requireMayDecide(reward, approver, "approves");
        if (!reward.value().sameCurrency(budget.limit())) {
            throw new RewardBudgetRefused("Reward " + reward.id() + " is " + reward.value() + ", but team " + budget.team()
                    + "'s budget for " + budget.quarter() + " is kept in " + budget.limit().currency().getCurrencyCode()
                    + ": state the reward in " + budget.limit().currency().getCurrencyCode() + ".");
        }
        TeamBudget after = budget.with(reward.value());
        if (after.approved().exceeds(budget.limit())) {
            throw new RewardBudgetRefused("Approving reward " + reward.id() + " (" + reward.value() + ") would exceed team "
                    + budget.team() + "'s budget for " + budget.quarter() + ": " + budget.approved() + " of " + budget.limit()
                    + " is already approved, " + budget.left() + " is left.");
        }
        return after;
    }

    /**
     * A correction of an approved or fulfilled reward: decided by whoever may approve it (the same rules), a lower value
     * that stays at 0 or more. It never adds (a correction is one person's decision; more is a new proposal that someone
     * else approves, {@link Correction}), so it needs no budget: a lower value only leaves more of it.
     *
     * @param value  the reward's value now: as proposed, with the changes of its earlier corrections
     * @param change the (negative) change, in the reward's currency; empty when only what was given is corrected
     * @throws RewardCorrectionRefused  the reward was never approved (proposed, or rejected)
     * @throws RewardApprovalNotAllowed the corrector proposed it, or owns the customer
     * @throws InvalidCorrection        the change would add, or take the value below 0
     */
    public static void correct(Reward reward, Approver approver, Amount value, Optional<BigDecimal> change) {
        if (reward.status() != RewardStatus.APPROVED && reward.status() != RewardStatus.FULFILLED) {
            throw new RewardCorrectionRefused("Reward " + reward.id() + " is " + reward.status() + ": only an approved or "
                    + "fulfilled reward is corrected" + (reward.status() == RewardStatus.PROPOSED
                    ? "; reject it and propose it again, or approve it first." : ", a rejected one was never given."));
        }
        requireMayDecide(reward, approver, "corrects");
        if (change.isEmpty()) {
            return;
        }
        if (change.get().signum() > 0) {
            throw new InvalidCorrection("amount: a correction only lowers reward " + reward.id() + "'s value; to give more, "
                    + "propose a new reward for the difference, which someone else approves.");
        }
        if (value.value().add(change.get()).signum() < 0) {
            throw new InvalidCorrection("amount: " + change.get().toPlainString() + " would take reward " + reward.id()
                    + " below zero: it is " + value + " now.");
        }
    }

    /**
     * Who may decide on a reward at all, whatever the decision: not who proposed it (four eyes), not the salesperson
     * who owns the rewarded customer (nobody rewards their own customers).
     *
     * @param verb how the refusal says what the other person does: {@code approves}, {@code corrects}
     */
    static void requireMayDecide(Reward reward, Approver approver, String verb) {
        if (reward.proposedBy().filter(approver.username()::equals).isPresent()) {
            throw new RewardApprovalNotAllowed("Reward " + reward.id() + " was proposed by " + approver.username()
                    + ": someone else " + verb + " it.");
        }
        if (approver.salesperson().isPresent() && approver.salesperson().getAsLong() == reward.customerOwner()) {
            throw new RewardApprovalNotAllowed("Reward " + reward.id() + " is for customer " + reward.customerId()
                    + ", whom " + approver.username() + " looks after: a salesperson never " + verb
                    + " a reward for their own customers.");
        }
    }
}
