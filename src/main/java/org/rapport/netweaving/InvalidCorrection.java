package org.rapport.netweaving;

import org.rapport.platform.errors.InvalidInput;

/** A correction whose amount, currency or note cannot be used: 400, naming the field and why. */
public class InvalidCorrection extends InvalidInput {

    public InvalidCorrection(String detail) {
        super(detail);
    }
}
