package org.rapport.netweaving;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An introduction as its salespeople and managers see it, with its history when asked for one introduction.
 *
 * @param first       the customer who needs what the other offers (asked for consent first)
 * @param second      the customer who offers it
 * @param firstNeeds  category codes the first needs and the second offers
 * @param secondNeeds category codes the second needs and the first offers (empty unless the fit is mutual)
 * @param history     every event, oldest first; empty in lists
 */
public record Introduction(long id, Party first, Party second, IntroductionStage stage, Instant stageSince,
                           List<String> firstNeeds, List<String> secondNeeds, int score, String explanation,
                           boolean firstApproved, boolean secondApproved, Instant proposedAt, Instant consentRequestedAt,
                           Instant remindedAt, Instant introducedAt, BigDecimal dealValue, String dealCurrency,
                           List<IntroductionEvent> history) {

    /**
     * One side of an introduction.
     *
     * @param customer the customer's external id
     * @param owner    the external id of the salesperson who owns the customer now
     */
    public record Party(String customer, String company, String owner) {
    }

    /** As stored: the codes ';'-separated, no history (MyBatis maps rows through this). */
    public Introduction(long id, Party first, Party second, IntroductionStage stage, Instant stageSince, String firstNeeds,
                        String secondNeeds, int score, String explanation, boolean firstApproved, boolean secondApproved,
                        Instant proposedAt, Instant consentRequestedAt, Instant remindedAt, Instant introducedAt,
                        BigDecimal dealValue, String dealCurrency) {
        this(id, first, second, stage, stageSince, codes(firstNeeds), codes(secondNeeds), score, explanation, firstApproved,
                secondApproved, proposedAt, consentRequestedAt, remindedAt, introducedAt, dealValue, dealCurrency, List.of());
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
    }

    Introduction withHistory(List<IntroductionEvent> events) {
        return new Introduction(id, first, second, stage, stageSince, firstNeeds, secondNeeds, score, explanation,
                firstApproved, secondApproved, proposedAt, consentRequestedAt, remindedAt, introducedAt, dealValue,
                dealCurrency, List.copyOf(events));
    }
}
