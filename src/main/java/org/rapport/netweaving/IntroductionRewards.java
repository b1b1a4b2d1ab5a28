package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A deal closed on an introduction proposes the {@link RewardKind#INTRODUCTION_CONVERTED} reward, in the transaction
 * that recorded the deal, to the customer whose business was sent: the first party, who needed what the other offers
 * and gave them the deal. Whoever recorded the deal stands as the proposer: they never approve the reward it caused.
 */
@ApplicationScoped
public class IntroductionRewards {

    @Inject
    IntroductionMapper introductions;

    @Inject
    RewardService rewards;

    void dealClosed(@Observes IntroductionMoved moved) {
        if (moved.to() != IntroductionStage.DEAL_CLOSED) {
            return;
        }
        IntroductionMapper.Parties parties = introductions.parties(moved.introductionId());
        rewards.proposeOnActOf(moved.actor(), RewardKind.INTRODUCTION_CONVERTED, parties.firstCustomerId(),
                RewardKind.INTRODUCTION_CONVERTED.ruleSubject(moved.introductionId()),
                RewardReason.introductionConverted(parties.secondCompany()));
    }
}
