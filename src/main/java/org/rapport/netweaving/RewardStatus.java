package org.rapport.netweaving;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a reward: a rule PROPOSES it; a manager APPROVES it ({@link RewardApproval} says who may, within which
 * budget) or REJECTS it with a reason; an approved reward is FULFILLED with what was given. REJECTED and FULFILLED are
 * final: the ledger is never edited, a correction is a new entry.
 */
public enum RewardStatus {
    PROPOSED, APPROVED, REJECTED, FULFILLED;

    public Set<RewardStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(FULFILLED);
            case REJECTED, FULFILLED -> EnumSet.noneOf(RewardStatus.class);
        };
    }

    public boolean mayBecome(RewardStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * @return {@code target}, when this status may become it
     * @throws RewardMoveRefused naming the reward, both statuses and what this one may become
     */
    public RewardStatus moveTo(RewardStatus target, long rewardId) {
        if (!mayBecome(target)) {
            throw new RewardMoveRefused(rewardId, this, target);
        }
        return target;
    }
}
