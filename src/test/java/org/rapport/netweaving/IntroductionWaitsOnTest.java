package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which proposals wait for whom ({@code /approvals}): a side a person speaks for that has no yes yet. */
class IntroductionWaitsOnTest {

    /** A manager of A and B; C reports to someone else. */
    private static final Set<String> MANAGER_OF_A_AND_B = Set.of("M", "A", "B");

    @Test
    void aProposalBetweenTheTeamsCustomersWaitsOnTheirManager() {
        assertThat(introduction("A", "B", false, false, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B)).isTrue();
    }

    @Test
    void oneSideApprovedStillWaitsForTheOtherSideIfTheManagerSpeaksForIt() {
        assertThat(introduction("A", "C", true, false, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B))
                .as("their side has its yes, the other side is another team's").isFalse();
        assertThat(introduction("C", "B", false, false, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B))
                .as("B's side waits").isTrue();
        assertThat(introduction("C", "B", false, true, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B)).isFalse();
    }

    @Test
    void anotherTeamsProposalAndOneNoLongerProposedWaitOnNobodyHere() {
        assertThat(introduction("C", "C", false, false, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B)).isFalse();
        assertThat(introduction("A", "B", false, false, IntroductionStage.DECLINED).waitsOn(MANAGER_OF_A_AND_B)).isFalse();
        assertThat(introduction("A", "B", true, true, IntroductionStage.APPROVED).waitsOn(MANAGER_OF_A_AND_B)).isFalse();
    }

    @Test
    void aCustomerWithoutOwnerWaitsOnNoSalesperson() {
        assertThat(introduction(null, null, false, false, IntroductionStage.PROPOSED).waitsOn(MANAGER_OF_A_AND_B)).isFalse();
    }

    private static Introduction introduction(String firstOwner, String secondOwner, boolean firstApproved,
                                             boolean secondApproved, IntroductionStage stage) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        return new Introduction(1, new Introduction.Party("X", "X GmbH", firstOwner), new Introduction.Party("Y", "Y KG", secondOwner),
                stage, at, "L", "", 80, "X needs logistics; Y offers it", firstApproved, secondApproved, at, null, null, null,
                null, null);
    }
}
