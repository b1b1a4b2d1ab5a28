package org.rapport.netweaving;

import org.rapport.platform.errors.InvalidInput;

/**
 * A person proposed a reward under a subject in the form a rule writes ({@link RewardKind#isRuleSubject}): it would take
 * the place of the rule's reward, or collide with it. 400, naming the subject.
 */
public class RewardSubjectReserved extends InvalidInput {

    public RewardSubjectReserved(RewardKind kind, String subject) {
        super("subject: '" + subject + "' is in the form the " + kind + " rule gives the rewards it proposes by itself "
                + "(such as '" + kind.ruleSubject(1) + "'); a proposal of yours would take their place. Name the cause in "
                + "other words, such as 'Jane Roe at Foo GmbH, recommended by phone'.");
    }
}
