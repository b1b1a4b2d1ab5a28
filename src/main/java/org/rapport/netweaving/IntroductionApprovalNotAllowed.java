package org.rapport.netweaving;

import org.rapport.platform.errors.NotAllowed;

/** The login speaks for neither customer of the introduction (not an owner, nor an owner's manager): 403. */
public class IntroductionApprovalNotAllowed extends NotAllowed {

    public IntroductionApprovalNotAllowed(String detail) {
        super(detail);
    }
}
