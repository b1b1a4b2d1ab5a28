package org.rapport.netweaving;

import org.rapport.planning.RewardRules;

import java.util.Locale;
import java.util.regex.Pattern;


/**
 * What a reward is for; each kind has its rule (value and currency) in {@link RewardRules}, and its subject names the
 * cause, so that one cause is rewarded once. The rules write their subjects in one form per kind ({@link #ruleSubject});
 * that form is theirs alone ({@link #isRuleSubject}): a person's proposal in it would take the rule's place.
 */
public enum RewardKind {
    /** An introduction became a deal: for the customer whose business was sent; subject: the introduction. */
    INTRODUCTION_CONVERTED("introduction %d", "introduction\\s*(no\\.?|#)?\\s*\\d+"),
    /** Every fifth year as a customer; subject: the years ({@code 5 years}; written by RewardMapper.xml's SQL too). */
    ANNIVERSARY("%d years", "\\d+\\s*(years?|y)"),
    /** The tier recomputation brought the customer into the top tier; subject: the tier and year ({@code TOP10 2026}). */
    TOP_TIER("TOP10 %d", "top\\s*-?\\s*10\\s*\\d{4}"),
    /** A prospect the customer recommended became a customer; subject: the referral. */
    REFERRAL_CONVERTED("referral %d", "referral\\s*(no\\.?|#)?\\s*\\d+");

    private final String subjectFormat;
    private final Pattern reserved;

    RewardKind(String subjectFormat, String reserved) {
        this.subjectFormat = subjectFormat;
        // case and spacing as the database compares subjects (unicode_ci), and a little looser
        this.reserved = Pattern.compile(reserved, Pattern.CASE_INSENSITIVE);
    }

    /** The rule's value for this kind; 0 means the rule is off. */
    public RewardRules.Worth worth(RewardRules rules) {
        return switch (this) {
            case INTRODUCTION_CONVERTED -> rules.introductionConverted();
            case ANNIVERSARY -> rules.anniversary();
            case TOP_TIER -> rules.topTier();
            case REFERRAL_CONVERTED -> rules.referralConverted();
        };
    }

    /**
     * The subject this kind's rule gives the reward of one cause: the introduction's or referral's id, the years, the
     * year the top tier was reached.
     */
    public String ruleSubject(long cause) {
        return String.format(Locale.ROOT, subjectFormat, cause);
    }

    /** Whether {@code subject} is in the form this kind's rule writes (or close enough to pass for it). */
    public boolean isRuleSubject(String subject) {
        return subject != null && reserved.matcher(subject.strip()).matches();
    }
}
