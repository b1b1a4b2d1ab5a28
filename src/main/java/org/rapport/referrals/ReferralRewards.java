package org.rapport.referrals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.rapport.netweaving.RewardKind;
import org.rapport.netweaving.RewardReason;
import org.rapport.netweaving.RewardService;

/**
 * A recommended prospect who became a customer proposes the {@link RewardKind#REFERRAL_CONVERTED} reward to the
 * customer who recommended them, in the transaction that recorded it.
 */
@ApplicationScoped
public class ReferralRewards {

    @Inject
    ReferralMapper referrals;

    @Inject
    RewardService rewards;

    void converted(@Observes ReferralConverted converted) {
        rewards.propose(RewardKind.REFERRAL_CONVERTED, converted.referrerId(),
                RewardKind.REFERRAL_CONVERTED.ruleSubject(converted.referralId()),
                RewardReason.referralConverted(referrals.nameOf(converted.referralId())));
    }
}
