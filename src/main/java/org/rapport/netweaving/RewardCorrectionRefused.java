package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/** A reward in a status that takes no correction (never approved): 409, saying what to do instead. */
public class RewardCorrectionRefused extends Conflict {

    public RewardCorrectionRefused(String detail) {
        super(detail);
    }
}
