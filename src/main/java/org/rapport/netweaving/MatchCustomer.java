package org.rapport.netweaving;

import org.rapport.customers.Consent;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One customer as the matcher sees it: what it offers and needs (category codes), where it is, how big, how the
 * relationship stands, and whether it may be introduced at all.
 *
 * @param region                the ISO 3166 country or subdivision code ({@code DE-BE}), or null when unknown
 * @param annualRevenue         in the company currency, or null when unknown (see {@link SizeBand})
 * @param recentTwoWayTouch     a call reached, a visit or a reply recently: with no low rating, a strong relationship
 * @param lowRating             a recent check-in rating at or below {@code Planner.LOW_RATING}
 * @param problemPending        a problem is open or its follow-up call is still to be made (the {@code problemPending}
 *                              predicate of {@code CustomerMapper.xml})
 * @param openToIntroductions   {@link #openToIntroductions(Consent)}
 * @param openIntroductions     introductions of this customer not yet in a final stage
 * @param introductionsLastYear introductions of this customer proposed in the last 12 months
 */
public record MatchCustomer(long id, String company, Set<String> offers, Set<String> needs, String region,
                            BigDecimal annualRevenue, boolean recentTwoWayTouch, boolean lowRating, boolean problemPending,
                            boolean openToIntroductions, int openIntroductions, int introductionsLastYear) {

    public MatchCustomer {
        Objects.requireNonNull(company, "company");
        offers = Set.copyOf(offers);
        needs = Set.copyOf(needs);
    }

    /**
     * The one consent rule decides: an introduction email may reach the customer ({@code intro_ok}, the introductions
     * purpose kept, not unsubscribed, not do-not-contact, the address not bouncing).
     */
    public static boolean openToIntroductions(Consent consent) {
        return consent.mayEmail(Consent.Purpose.INTRODUCTION);
    }

    /** A strong relationship: recent two-way touches and no low rating. */
    public boolean strongRelationship() {
        return recentTwoWayTouch && !lowRating;
    }
}
