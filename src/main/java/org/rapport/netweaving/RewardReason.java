package org.rapport.netweaving;

import java.util.Objects;

/**
 * Why a customer gets a reward. A person's reason is kept as typed; a rule's is its kind and a detail (the years, the
 * other company, the recommended person), so the customer's notice can word it in their language (the
 * {@code reward-notice} templates switch on {@code reward.cause}); {@link #text} is the English wording the API and the
 * ledger show. Each is worded to follow "thanks for".
 *
 * @param rule   the rule that worded it, or {@code null} when a person typed it
 * @param detail the rule's parameter, or {@code null} when it has none
 */
public record RewardReason(String text, RewardKind rule, String detail) {

    /** Room for a detail in the database ({@code reward.reason_detail}). */
    static final int MAX_DETAIL = 300;

    public RewardReason {
        Objects.requireNonNull(text, "text");
        if (detail != null && detail.length() > MAX_DETAIL) {
            // a company's or a person's name is shorter (VARCHAR(200)): a longer one is a fault, never cut silently
            throw new IllegalArgumentException("A reward reason's detail has at most " + MAX_DETAIL + " characters, not "
                    + detail.length() + ".");
        }
    }

    public static RewardReason typed(String text) {
        return new RewardReason(text, null, null);
    }

    static RewardReason topTier() {
        return new RewardReason("being one of our top ten customers", RewardKind.TOP_TIER, null);
    }

    static RewardReason introductionConverted(String otherCompany) {
        return new RewardReason("the introduction to " + otherCompany + " that became a deal", RewardKind.INTRODUCTION_CONVERTED,
                otherCompany);
    }

    public static RewardReason referralConverted(String prospect) {
        return new RewardReason("recommending " + prospect, RewardKind.REFERRAL_CONVERTED, prospect);
    }
}
