package org.rapport.netweaving;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What rewards need of the rules, which the planning feature owns: the reward rules, and when a customer's email may
 * leave (their send window on their business days). An interface here, as {@link MatchRulesSource} is, so that
 * netweaving does not depend on planning.
 */
public interface RewardRulesSource {

    /** The reward rules as stored now. */
    RewardRules rewardRules();

    /** The first moment at or after {@code now} inside the customer's send window on one of their business days. */
    Instant sendMoment(Instant now, ZoneId customerZone, String region);
}
