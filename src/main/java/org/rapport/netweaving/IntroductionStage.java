package org.rapport.netweaving;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of an introduction between two customers. The matcher PROPOSES a pair; the owning salesperson (both owners,
 * or their manager) APPROVES it or DECLINES it with a reason. The party who needs the service is asked first, privately
 * (CONSENT_REQUESTED_FIRST); only after their yes is the other party asked (CONSENT_REQUESTED_SECOND); a yes from the
 * second is CONSENTED by both. A no from either is CONSENT_DECLINED, no answer after the one reminder EXPIRED (a
 * reminder does not change the stage). Once CONSENTED the email to both makes it INTRODUCED when the outbox has sent
 * both copies (a copy that cannot be delivered makes it WITHDRAWN); then MET, and
 * DEAL_CLOSED or NO_DEAL (both also straight after INTRODUCED: a deal implies they met, no deal that they may not have).
 * Until the introduction is made it can be WITHDRAWN (a party became unreachable: a problem opened, an unsubscribe,
 * do-not-contact), so nothing waits for ever. Every later change goes along these moves only; six stages are final.
 */
public enum IntroductionStage {
    PROPOSED, APPROVED, DECLINED, CONSENT_REQUESTED_FIRST, CONSENT_REQUESTED_SECOND, CONSENTED, CONSENT_DECLINED, EXPIRED,
    INTRODUCED, MET, DEAL_CLOSED, NO_DEAL, WITHDRAWN;

    /**
     * The stages after which the same two customers are not proposed again for a while (the matcher's recent pairs):
     * declined at approval or by a customer, expired, or introduced (whatever came of it).
     */
    public static final Set<IntroductionStage> ENDS_A_PAIRING = Collections.unmodifiableSet(
            EnumSet.of(DECLINED, CONSENT_DECLINED, EXPIRED, INTRODUCED, MET, DEAL_CLOSED, NO_DEAL));

    /**
     * The way to a deal, in order: the funnel managers read. Every introduction that got to one of these got through
     * the ones before it (a deal straight after the introduction counts as having met).
     */
    public static final List<IntroductionStage> WAY_TO_A_DEAL = List.of(PROPOSED, APPROVED, CONSENT_REQUESTED_FIRST,
            CONSENT_REQUESTED_SECOND, CONSENTED, INTRODUCED, MET, DEAL_CLOSED);

    /**
     * The furthest stage of {@link #WAY_TO_A_DEAL} reached once an introduction whose furthest was {@code furthest}
     * moved to this stage: this one when it is further along the way, else still {@code furthest} (a decline, an
     * expiry, a withdrawal or no deal leaves the way where it was).
     */
    public IntroductionStage furthestAfter(IntroductionStage furthest) {
        return WAY_TO_A_DEAL.indexOf(this) > WAY_TO_A_DEAL.indexOf(furthest) ? this : furthest;
    }

    /**
     * The whole minutes spent in a stage entered at {@code entered} and left at {@code left}, as stored (milliseconds)
     * and as MariaDB's {@code TIMESTAMPDIFF(MINUTE, …)} counts them; never negative.
     */
    public static long stayMinutes(java.time.Instant entered, java.time.Instant left) {
        long millis = left.toEpochMilli() - entered.toEpochMilli();
        return Math.max(0, millis / 60_000);
    }

    /** The stages this one may become. */
    public Set<IntroductionStage> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, DECLINED, WITHDRAWN);
            case APPROVED -> EnumSet.of(CONSENT_REQUESTED_FIRST, WITHDRAWN);
            case CONSENT_REQUESTED_FIRST -> EnumSet.of(CONSENT_REQUESTED_SECOND, CONSENT_DECLINED, EXPIRED, WITHDRAWN);
            case CONSENT_REQUESTED_SECOND -> EnumSet.of(CONSENTED, CONSENT_DECLINED, EXPIRED, WITHDRAWN);
            case CONSENTED -> EnumSet.of(INTRODUCED, WITHDRAWN);
            case INTRODUCED -> EnumSet.of(MET, DEAL_CLOSED, NO_DEAL);
            case MET -> EnumSet.of(DEAL_CLOSED, NO_DEAL);
            case DECLINED, CONSENT_DECLINED, EXPIRED, DEAL_CLOSED, NO_DEAL, WITHDRAWN -> EnumSet.noneOf(IntroductionStage.class);
        };
    }

    public boolean mayBecome(IntroductionStage target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * Still under way before the introduction is made: counts against the cap of open introductions per customer. Once
     * INTRODUCED the customers have been put in touch; waiting for the outcome blocks no other introduction.
     */
    public boolean isOpen() {
        return mayBecome(WITHDRAWN);
    }

    /** Waiting for a customer's answer to a consent request (a reminder, then expiry, apply). */
    public boolean awaitsConsent() {
        return this == CONSENT_REQUESTED_FIRST || this == CONSENT_REQUESTED_SECOND;
    }

    /**
     * @return {@code target}, when this stage may become it
     * @throws IntroductionMoveRefused naming the introduction, both stages and what this one may become
     */
    public IntroductionStage moveTo(IntroductionStage target, long introductionId) {
        if (!mayBecome(target)) {
            throw new IntroductionMoveRefused(introductionId, this, target);
        }
        return target;
    }
}
