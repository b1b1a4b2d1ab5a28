package org.rapport.netweaving;

import org.rapport.platform.errors.Conflict;

/** An introduction was asked to move to a stage its current stage does not lead to: 409, naming both and the way out. */
public class IntroductionMoveRefused extends Conflict {

    public IntroductionMoveRefused(long introductionId, IntroductionStage from, IntroductionStage to) {
        super("Introduction " + introductionId + " is " + from + " and cannot become " + to + ": "
                + (from.isFinal() ? from + " is final." : "from " + from + " it can only become "
                + String.join(" or ", from.next().stream().map(Enum::name).toList()) + "."));
    }
}
