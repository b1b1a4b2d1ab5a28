package org.rapport.netweaving;

import org.rapport.platform.errors.NotAllowed;

/** This login may not approve this reward (they proposed it, or it is for their own customer): 403, saying which. */
public class RewardApprovalNotAllowed extends NotAllowed {

    public RewardApprovalNotAllowed(String detail) {
        super(detail);
    }
}
