package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.netweaving.Introduction;
import org.rapport.netweaving.IntroductionStage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.netweaving.IntroductionStage.*;

/** The board of /netweaving on 4 December 2026 at noon, settled introductions shown for 30 days. */
class IntroductionBoardTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration RECENT = Duration.ofDays(30);

    @Test
    void everyStageHasItsColumnInTheStagesOrderTheFinalOnesApart() {
        IntroductionBoard board = IntroductionBoard.of(List.of(), NOW, RECENT);

        assertThat(board.underWay()).extracting(IntroductionBoard.Column::stage).containsExactly(PROPOSED, APPROVED,
                CONSENT_REQUESTED_FIRST, CONSENT_REQUESTED_SECOND, CONSENTED, INTRODUCED, MET);
        assertThat(board.settled()).extracting(IntroductionBoard.Column::stage).containsExactly(DECLINED, CONSENT_DECLINED,
                EXPIRED, DEAL_CLOSED, NO_DEAL, WITHDRAWN);
        assertThat(board.underWay()).allSatisfy(c -> assertThat(c.cards()).isEmpty());
    }

    @Test
    void anIntroductionUnderWayIsInItsStagesColumnTheOneLongestInItsStageFirst() {
        Introduction fresh = introduction(1, PROPOSED, NOW.minus(Duration.ofHours(3)));
        Introduction old = introduction(2, PROPOSED, NOW.minus(Duration.ofDays(9)));
        Introduction met = introduction(3, MET, NOW.minus(Duration.ofDays(40)));

        IntroductionBoard board = IntroductionBoard.of(List.of(fresh, met, old), NOW, RECENT);

        assertThat(column(board.underWay(), PROPOSED).cards()).extracting(c -> c.introduction().id()).containsExactly(2L, 1L);
        assertThat(column(board.underWay(), MET).cards()).as("under way: shown however long ago it moved")
                .extracting(c -> c.introduction().id()).containsExactly(3L);
        assertThat(column(board.underWay(), APPROVED).count()).isZero();
    }

    @Test
    void aSettledColumnShowsTheLast30DaysNewestFirstAndCountsTheEarlierOnes() {
        Introduction declinedToday = introduction(1, DECLINED, NOW.minus(Duration.ofHours(1)));
        Introduction declinedLastWeek = introduction(2, DECLINED, NOW.minus(Duration.ofDays(7)));
        Introduction declinedLongAgo = introduction(3, DECLINED, NOW.minus(Duration.ofDays(31)));
        Introduction deal = introduction(4, DEAL_CLOSED, NOW.minus(Duration.ofDays(30)));

        IntroductionBoard board = IntroductionBoard.of(List.of(declinedLongAgo, declinedLastWeek, deal, declinedToday), NOW, RECENT);

        IntroductionBoard.Column declined = column(board.settled(), DECLINED);
        assertThat(declined.cards()).extracting(c -> c.introduction().id()).containsExactly(1L, 2L);
        assertThat(declined.earlier()).isEqualTo(1);
        assertThat(declined.count()).isEqualTo(3);
        assertThat(column(board.settled(), DEAL_CLOSED).cards()).as("exactly 30 days ago is still recent").hasSize(1);
    }

    @Test
    void aCardsAgeIsItsWholeDaysInTheStage() {
        Introduction old = introduction(1, CONSENTED, NOW.minus(Duration.ofDays(12).plusHours(2)));
        Introduction fresh = introduction(2, PROPOSED, NOW.minus(Duration.ofHours(23)));
        IntroductionBoard board = IntroductionBoard.of(List.of(old, fresh), NOW, RECENT);

        assertThat(column(board.underWay(), CONSENTED).cards().get(0).days()).isEqualTo(12);
        assertThat(column(board.underWay(), PROPOSED).cards().get(0).days()).as("platform.pages.Age: under a day").isZero();
    }

    private static IntroductionBoard.Column column(List<IntroductionBoard.Column> columns, IntroductionStage stage) {
        return columns.stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
    }

    private static Introduction introduction(long id, IntroductionStage stage, Instant stageSince) {
        return new Introduction(id, new Introduction.Party("C" + id + "a", "Alpha " + id, "S1"),
                new Introduction.Party("C" + id + "b", "Beta " + id, "S2"), stage, stageSince, List.of("logistics"), List.of(),
                50, "Beta offers logistics, which Alpha needs.", false, false, NOW.minus(Duration.ofDays(60)), null, null, null,
                null, null, List.of());
    }
}
