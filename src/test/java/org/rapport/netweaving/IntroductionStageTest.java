package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.Conflict;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.netweaving.IntroductionStage.APPROVED;
import static org.rapport.netweaving.IntroductionStage.WITHDRAWN;
import static org.rapport.netweaving.IntroductionStage.CONSENTED;
import static org.rapport.netweaving.IntroductionStage.CONSENT_DECLINED;
import static org.rapport.netweaving.IntroductionStage.CONSENT_REQUESTED_FIRST;
import static org.rapport.netweaving.IntroductionStage.CONSENT_REQUESTED_SECOND;
import static org.rapport.netweaving.IntroductionStage.DEAL_CLOSED;
import static org.rapport.netweaving.IntroductionStage.DECLINED;
import static org.rapport.netweaving.IntroductionStage.EXPIRED;
import static org.rapport.netweaving.IntroductionStage.INTRODUCED;
import static org.rapport.netweaving.IntroductionStage.MET;
import static org.rapport.netweaving.IntroductionStage.NO_DEAL;
import static org.rapport.netweaving.IntroductionStage.PROPOSED;

/** The introduction's life: which moves are legal, and what an illegal one says. */
class IntroductionStageTest {

    /** Every legal move, written out independently of the enum; every pair not listed here is illegal. */
    private static final Map<IntroductionStage, Set<IntroductionStage>> LEGAL = new EnumMap<>(Map.ofEntries(
            Map.entry(PROPOSED, EnumSet.of(APPROVED, DECLINED, WITHDRAWN)),
            Map.entry(APPROVED, EnumSet.of(CONSENT_REQUESTED_FIRST, WITHDRAWN)),
            Map.entry(DECLINED, EnumSet.noneOf(IntroductionStage.class)),
            Map.entry(CONSENT_REQUESTED_FIRST, EnumSet.of(CONSENT_REQUESTED_SECOND, CONSENT_DECLINED, EXPIRED, WITHDRAWN)),
            Map.entry(CONSENT_REQUESTED_SECOND, EnumSet.of(CONSENTED, CONSENT_DECLINED, EXPIRED, WITHDRAWN)),
            Map.entry(CONSENTED, EnumSet.of(INTRODUCED, WITHDRAWN)),
            Map.entry(CONSENT_DECLINED, EnumSet.noneOf(IntroductionStage.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(IntroductionStage.class)),
            Map.entry(INTRODUCED, EnumSet.of(MET, DEAL_CLOSED, NO_DEAL)),
            Map.entry(MET, EnumSet.of(DEAL_CLOSED, NO_DEAL)),
            Map.entry(DEAL_CLOSED, EnumSet.noneOf(IntroductionStage.class)),
            Map.entry(NO_DEAL, EnumSet.noneOf(IntroductionStage.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(IntroductionStage.class))));

    @Test
    void everyPairOfStagesIsLegalExactlyWhenTheTableSaysSo() {
        assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(IntroductionStage.values());
        int legalMoves = 0;
        for (IntroductionStage from : IntroductionStage.values()) {
            assertThat(from.next()).as(from.name()).isEqualTo(LEGAL.get(from));
            for (IntroductionStage to : IntroductionStage.values()) {
                boolean legal = LEGAL.get(from).contains(to);
                assertThat(from.mayBecome(to)).as(from + " to " + to).isEqualTo(legal);
                if (legal) {
                    legalMoves++;
                    assertThat(from.moveTo(to, 1)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, 1)).as(from + " to " + to)
                            .isInstanceOf(IntroductionMoveRefused.class).isInstanceOf(Conflict.class);
                }
            }
        }
        assertThat(legalMoves).isEqualTo(20);
    }

    @Test
    void thePartyWhoNeedsTheServiceIsAskedFirstAndTheOtherOnlyAfterTheirYes() {
        assertThat(APPROVED.next()).containsExactlyInAnyOrder(CONSENT_REQUESTED_FIRST, WITHDRAWN);
        assertThat(CONSENT_REQUESTED_FIRST.mayBecome(CONSENTED)).as("one yes is not both").isFalse();
        assertThat(CONSENT_REQUESTED_FIRST.moveTo(CONSENT_REQUESTED_SECOND, 1)).isEqualTo(CONSENT_REQUESTED_SECOND);
        assertThat(CONSENT_REQUESTED_SECOND.moveTo(CONSENTED, 1)).isEqualTo(CONSENTED);
    }

    @Test
    void eitherPartyMayDeclineOrLetTheRequestExpire() {
        for (IntroductionStage asking : EnumSet.of(CONSENT_REQUESTED_FIRST, CONSENT_REQUESTED_SECOND)) {
            assertThat(asking.awaitsConsent()).isTrue();
            assertThat(asking.moveTo(CONSENT_DECLINED, 1)).isEqualTo(CONSENT_DECLINED);
            assertThat(asking.moveTo(EXPIRED, 1)).isEqualTo(EXPIRED);
        }
        assertThat(EnumSet.complementOf(EnumSet.of(CONSENT_REQUESTED_FIRST, CONSENT_REQUESTED_SECOND)))
                .noneMatch(IntroductionStage::awaitsConsent);
    }

    @Test
    void aProposalIsApprovedOrDeclinedAndNothingIsIntroducedWithoutBothConsents() {
        assertThat(PROPOSED.next()).containsExactlyInAnyOrder(APPROVED, DECLINED, WITHDRAWN);
        for (IntroductionStage from : IntroductionStage.values()) {
            assertThat(from.mayBecome(INTRODUCED)).as(from.name()).isEqualTo(from == CONSENTED);
        }
    }

    @Test
    void aDealOrNoDealMayFollowTheMeetingOrTheIntroductionStraightAway() {
        assertThat(INTRODUCED.moveTo(DEAL_CLOSED, 1)).as("a deal implies they met").isEqualTo(DEAL_CLOSED);
        assertThat(MET.moveTo(DEAL_CLOSED, 1)).isEqualTo(DEAL_CLOSED);
        assertThat(INTRODUCED.moveTo(NO_DEAL, 1)).as("they never met").isEqualTo(NO_DEAL);
    }

    @Test
    void sixStagesAreFinalAndTheStagesBeforeTheIntroductionAreOpen() {
        Set<IntroductionStage> finals = EnumSet.of(DECLINED, CONSENT_DECLINED, EXPIRED, DEAL_CLOSED, NO_DEAL, WITHDRAWN);
        Set<IntroductionStage> open = EnumSet.of(PROPOSED, APPROVED, CONSENT_REQUESTED_FIRST, CONSENT_REQUESTED_SECOND, CONSENTED);
        for (IntroductionStage stage : IntroductionStage.values()) {
            assertThat(stage.isFinal()).as(stage.name()).isEqualTo(finals.contains(stage));
            assertThat(stage.isOpen()).as(stage.name()).isEqualTo(open.contains(stage));
        }
        assertThat(INTRODUCED.moveTo(DEAL_CLOSED, 1)).as("a deal implies they met").isEqualTo(DEAL_CLOSED);
    }

    @Test
    void aPairIsOverOnceDeclinedExpiredOrIntroduced() {
        assertThat(IntroductionStage.ENDS_A_PAIRING).containsExactlyInAnyOrder(DECLINED, CONSENT_DECLINED, EXPIRED,
                INTRODUCED, MET, DEAL_CLOSED, NO_DEAL);
    }

    @Test
    void anIllegalMoveIsAConflictThatNamesTheIntroductionBothStagesAndTheWayOut() {
        assertThatThrownBy(() -> PROPOSED.moveTo(INTRODUCED, 42)).isInstanceOf(IntroductionMoveRefused.class)
                .hasMessage("Introduction 42 is PROPOSED and cannot become INTRODUCED: from PROPOSED it can only become "
                        + "APPROVED or DECLINED or WITHDRAWN.");
        assertThatThrownBy(() -> EXPIRED.moveTo(CONSENTED, 7)).isInstanceOf(IntroductionMoveRefused.class)
                .hasMessage("Introduction 7 is EXPIRED and cannot become CONSENTED: EXPIRED is final.");
    }

    @Test
    void theFurthestStageMovesOnAlongTheWayAndStaysWhereAnIntroductionLeftIt() {
        assertThat(IntroductionStage.APPROVED.furthestAfter(IntroductionStage.PROPOSED)).isEqualTo(APPROVED);
        assertThat(MET.furthestAfter(INTRODUCED)).isEqualTo(MET);
        assertThat(DEAL_CLOSED.furthestAfter(INTRODUCED)).as("a deal straight after the introduction").isEqualTo(DEAL_CLOSED);
        assertThat(CONSENT_DECLINED.furthestAfter(CONSENT_REQUESTED_SECOND)).isEqualTo(CONSENT_REQUESTED_SECOND);
        assertThat(EXPIRED.furthestAfter(CONSENT_REQUESTED_FIRST)).isEqualTo(CONSENT_REQUESTED_FIRST);
        assertThat(NO_DEAL.furthestAfter(MET)).isEqualTo(MET);
        assertThat(WITHDRAWN.furthestAfter(CONSENTED)).isEqualTo(CONSENTED);
        assertThat(DECLINED.furthestAfter(IntroductionStage.PROPOSED)).isEqualTo(IntroductionStage.PROPOSED);
    }

    @Test
    void aStayIsCountedInWholeMinutesOfStoredMilliseconds() {
        java.time.Instant entered = java.time.Instant.parse("2026-03-01T10:00:00.250Z");
        assertThat(IntroductionStage.stayMinutes(entered, entered.plusSeconds(59))).isZero();
        assertThat(IntroductionStage.stayMinutes(entered, entered.plusSeconds(60))).isEqualTo(1);
        assertThat(IntroductionStage.stayMinutes(entered, entered.plus(java.time.Duration.ofDays(2).plusMinutes(7).plusSeconds(59))))
                .isEqualTo(2 * 24 * 60 + 7);
        assertThat(IntroductionStage.stayMinutes(entered, entered.plusNanos(59_999_999_999L))).as("below a millisecond ignored")
                .isZero();
        assertThat(IntroductionStage.stayMinutes(entered, entered.minusSeconds(120))).as("a clock set back").isZero();
    }
}
