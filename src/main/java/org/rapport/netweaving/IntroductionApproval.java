package org.rapport.netweaving;

import java.util.Set;

/**
 * Who approves a proposed introduction: each customer's side is approved by its owning salesperson or by a manager that
 * owner reports to. When one salesperson owns both customers, their yes is enough; with two owners both say yes, or a
 * manager of both does. The introduction moves to APPROVED once both sides are; whoever may approve a side may also
 * decline the proposal. That the login reaches the customers at all is {@code platform.security.Access}'s to decide.
 * Who speaks for a side is exactly who reaches its owner under {@code Access} (the owner; a manager, the salespeople
 * reporting to them), so the {@code /approvals} inbox ({@code IntroductionMapper.awaiting}) picks the sides waiting on
 * a login with the one access fragment of SQL instead of a copy of this rule.
 *
 * @param firstOwner  the salesperson owning the customer who needs the service
 * @param secondOwner the salesperson owning the customer who offers it
 */
public record IntroductionApproval(long introductionId, long firstOwner, long secondOwner, boolean firstApproved,
                                   boolean secondApproved) {

    public static IntroductionApproval pending(long introductionId, long firstOwner, long secondOwner) {
        return new IntroductionApproval(introductionId, firstOwner, secondOwner, false, false);
    }

    /**
     * @param salesperson the salesperson the approving login acts for
     * @param reports     the salespeople who report to them (empty for a salesperson who manages nobody)
     * @return the approval with the sides this approver speaks for approved
     * @throws IntroductionApprovalNotAllowed when they speak for neither side
     */
    public IntroductionApproval approvedBy(long salesperson, Set<Long> reports) {
        requireMayDecide(salesperson, reports);
        return new IntroductionApproval(introductionId, firstOwner, secondOwner,
                firstApproved || speaksFor(firstOwner, salesperson, reports),
                secondApproved || speaksFor(secondOwner, salesperson, reports));
    }

    /** Both sides said yes: the introduction may become APPROVED. */
    public boolean complete() {
        return firstApproved && secondApproved;
    }

    /** Whoever may approve a side may decline the whole proposal (with a reason). */
    public boolean mayDecide(long salesperson, Set<Long> reports) {
        return speaksFor(firstOwner, salesperson, reports) || speaksFor(secondOwner, salesperson, reports);
    }

    public void requireMayDecide(long salesperson, Set<Long> reports) {
        if (!mayDecide(salesperson, reports)) {
            throw new IntroductionApprovalNotAllowed("Introduction " + introductionId + " is decided by the salespeople "
                    + "who own its customers (" + firstOwner + (firstOwner == secondOwner ? "" : " and " + secondOwner)
                    + ") or their manager, not by salesperson " + salesperson + ".");
        }
    }

    private static boolean speaksFor(long owner, long salesperson, Set<Long> reports) {
        return owner == salesperson || reports.contains(owner);
    }
}
