package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/** A reward was asked to move to a status its current status does not lead to: 409, naming both and the way out. */
public class RewardMoveRefused extends Conflict {

    public RewardMoveRefused(long rewardId, RewardStatus from, RewardStatus to) {
        super("Reward " + rewardId + " is " + from + " and cannot become " + to + ": "
                + (from.isFinal() ? from + " is final." : "from " + from + " it can only become "
                + String.join(" or ", from.next().stream().map(Enum::name).toList()) + "."));
    }
}
