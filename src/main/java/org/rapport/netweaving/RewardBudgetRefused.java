package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/** Approving the reward would exceed the team's quarterly budget (or cannot be counted against it): 409, saying why. */
public class RewardBudgetRefused extends Conflict {

    public RewardBudgetRefused(String detail) {
        super(detail);
    }
}
