package org.rapport.netweaving;

import org.rapport.planning.RewardRules;


/**
 * What a reward is for; each kind has its rule (value and currency) in {@link RewardRules}, and its subject names the
 * cause, so that one cause is rewarded once.
 */
public enum RewardKind {
    /** An introduction became a deal: for the customer whose business was sent; subject: the introduction. */
    INTRODUCTION_CONVERTED,
    /** Every fifth year as a customer; subject: the years ({@code 5 years}). */
    ANNIVERSARY,
    /** The tier recomputation brought the customer into the top tier; subject: the tier and year ({@code TOP10 2026}). */
    TOP_TIER,
    /** A prospect the customer recommended became a customer; subject: the referral. */
    REFERRAL_CONVERTED;

    /** The rule's value for this kind; 0 means the rule is off. */
    public RewardRules.Worth worth(RewardRules rules) {
        return switch (this) {
            case INTRODUCTION_CONVERTED -> rules.introductionConverted();
            case ANNIVERSARY -> rules.anniversary();
            case TOP_TIER -> rules.topTier();
            case REFERRAL_CONVERTED -> rules.referralConverted();
        };
    }
}
