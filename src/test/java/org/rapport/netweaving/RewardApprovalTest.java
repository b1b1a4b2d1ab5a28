package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.netweaving.RewardApproval.Approver;
import org.rapport.netweaving.RewardApproval.Reward;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.NotAllowed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may approve a reward, within which budget. Salesperson 5 owns customer 70; manager "mia" is salesperson 2. */
class RewardApprovalTest {

    private static final Approver MANAGER = new Approver("mia", OptionalLong.of(2));
    private static final TeamBudget BUDGET = new TeamBudget("North", "2026-Q4", Amount.of("1000.00", "EUR"), Amount.of("900.00", "EUR"));

    private static Reward reward(String value, Optional<String> proposedBy) {
        return new Reward(31, 70, 5, proposedBy, Amount.of(value, "EUR"), RewardStatus.PROPOSED);
    }

    @Test
    void aManagerApprovesARewardARuleProposedWithinTheBudget() {
        TeamBudget after = RewardApproval.approve(reward("100.00", Optional.empty()), MANAGER, BUDGET);
        assertThat(after.approved()).isEqualTo(Amount.of("1000.00", "EUR"));
        assertThat(after.left().value()).isZero();
    }

    @Test
    void theApproverCannotBeTheProposer() {
        assertThat(RewardApproval.approve(reward("10.00", Optional.of("sam")), MANAGER, BUDGET).approved())
                .isEqualTo(Amount.of("910.00", "EUR"));
        assertThatThrownBy(() -> RewardApproval.approve(reward("10.00", Optional.of("mia")), MANAGER, BUDGET))
                .isInstanceOf(RewardApprovalNotAllowed.class).isInstanceOf(NotAllowed.class)
                .hasMessage("Reward 31 was proposed by mia: someone else approves it.");
    }

    @Test
    void aSalespersonNeverApprovesARewardForTheirOwnCustomers() {
        Approver owner = new Approver("olaf", OptionalLong.of(5));
        assertThatThrownBy(() -> RewardApproval.approve(reward("10.00", Optional.empty()), owner, BUDGET))
                .isInstanceOf(RewardApprovalNotAllowed.class)
                .hasMessage("Reward 31 is for customer 70, whom olaf looks after: a salesperson never approves a reward "
                        + "for their own customers.");
        Approver admin = new Approver("admin", OptionalLong.empty());
        assertThat(RewardApproval.approve(reward("10.00", Optional.empty()), admin, BUDGET).approved())
                .as("an admin acting for no salesperson owns no customer").isEqualTo(Amount.of("910.00", "EUR"));
    }

    @Test
    void anApprovalThatWouldExceedTheQuarterlyBudgetIsRefusedSayingWhy() {
        assertThatThrownBy(() -> RewardApproval.approve(reward("100.01", Optional.empty()), MANAGER, BUDGET))
                .isInstanceOf(RewardBudgetRefused.class).isInstanceOf(Conflict.class)
                .hasMessage("Approving reward 31 (EUR 100.01) would exceed team North's budget for 2026-Q4: EUR 900.00 of "
                        + "EUR 1000.00 is already approved, EUR 100.00 is left.");
    }

    @Test
    void aRewardInAnotherCurrencyThanTheBudgetIsRefusedRatherThanConvertedSilently() {
        Reward dollars = new Reward(31, 70, 5, Optional.empty(), Amount.of("5.00", "USD"), RewardStatus.PROPOSED);
        assertThatThrownBy(() -> RewardApproval.approve(dollars, MANAGER, BUDGET)).isInstanceOf(RewardBudgetRefused.class)
                .hasMessage("Reward 31 is USD 5.00, but team North's budget for 2026-Q4 is kept in EUR: state the reward in EUR.");
    }

    @Test
    void onlyAProposedRewardIsApproved() {
        for (RewardStatus status : new RewardStatus[]{RewardStatus.APPROVED, RewardStatus.REJECTED, RewardStatus.FULFILLED}) {
            Reward decided = new Reward(31, 70, 5, Optional.empty(), Amount.of("1.00", "EUR"), status);
            assertThatThrownBy(() -> RewardApproval.approve(decided, MANAGER, BUDGET)).as(status.name())
                    .isInstanceOf(RewardMoveRefused.class);
        }
    }

    @Test
    void aQuarterIsNamedByYearAndNumber() {
        assertThat(TeamBudget.quarterOf(LocalDate.of(2026, 1, 1))).isEqualTo("2026-Q1");
        assertThat(TeamBudget.quarterOf(LocalDate.of(2026, 3, 31))).isEqualTo("2026-Q1");
        assertThat(TeamBudget.quarterOf(LocalDate.of(2026, 4, 1))).isEqualTo("2026-Q2");
        assertThat(TeamBudget.quarterOf(LocalDate.of(2026, 11, 24))).isEqualTo("2026-Q4");
    }

    @Test
    void aQuarterStartsOnTheFirstOfJanuaryAprilJulyOrOctober() {
        assertThat(TeamBudget.quarterStart(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TeamBudget.quarterStart(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TeamBudget.quarterStart(LocalDate.of(2026, 5, 31))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(TeamBudget.quarterStart(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(TeamBudget.quarterStart(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void anAmountIsNeverNegativeAndNeverAddedAcrossCurrencies() {
        assertThatThrownBy(() -> Amount.of("-1", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amount.of("1", "EUR").plus(Amount.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Amount.of("5", "JPY")).hasToString("JPY 5");
        assertThat(Amount.of("5", "EUR")).hasToString("EUR 5.00");
    }

    private static Reward approved(Optional<String> proposedBy) {
        return new Reward(31, 70, 5, proposedBy, Amount.of("100.00", "EUR"), RewardStatus.APPROVED);
    }

    private static final Amount HUNDRED = Amount.of("100.00", "EUR");

    @Test
    void aCorrectionLowersTheValueButNeverRaisesIt() {
        RewardApproval.correct(approved(Optional.empty()), MANAGER, HUNDRED, Optional.of(new BigDecimal("-100.00")));
        RewardApproval.correct(approved(Optional.empty()), MANAGER, HUNDRED, Optional.empty());
        assertThatThrownBy(() -> RewardApproval.correct(approved(Optional.empty()), MANAGER, HUNDRED,
                Optional.of(new BigDecimal("0.01"))))
                .as("one person may not give more: that is a new proposal someone else approves")
                .isInstanceOf(InvalidCorrection.class)
                .hasMessage("amount: a correction only lowers reward 31's value; to give more, propose a new reward for the "
                        + "difference, which someone else approves.");
        assertThatThrownBy(() -> RewardApproval.correct(approved(Optional.empty()), MANAGER, Amount.of("30.00", "EUR"),
                Optional.of(new BigDecimal("-30.01"))))
                .isInstanceOf(InvalidCorrection.class)
                .hasMessage("amount: -30.01 would take reward 31 below zero: it is EUR 30.00 now.");
    }

    @Test
    void aRewardInAnotherCurrencyThanTodaysBudgetIsStillLowered() {
        Reward dollars = new Reward(31, 70, 5, Optional.empty(), Amount.of("100.00", "USD"), RewardStatus.APPROVED);
        RewardApproval.correct(dollars, MANAGER, Amount.of("100.00", "USD"), Optional.of(new BigDecimal("-10.00")));
    }

    @Test
    void whoMayNotApproveARewardMayNotCorrectIt() {
        assertThatThrownBy(() -> RewardApproval.correct(approved(Optional.of("mia")), MANAGER, HUNDRED, Optional.empty()))
                .isInstanceOf(RewardApprovalNotAllowed.class).hasMessage("Reward 31 was proposed by mia: someone else corrects it.");
        assertThatThrownBy(() -> RewardApproval.correct(approved(Optional.empty()), new Approver("olaf", OptionalLong.of(5)),
                HUNDRED, Optional.empty()))
                .isInstanceOf(RewardApprovalNotAllowed.class).hasMessageContaining("a salesperson never corrects a reward");
    }

    @Test
    void onlyAnApprovedOrFulfilledRewardIsCorrected() {
        for (RewardStatus status : RewardStatus.values()) {
            Reward reward = new Reward(31, 70, 5, Optional.empty(), Amount.of("1.00", "EUR"), status);
            boolean given = status == RewardStatus.APPROVED || status == RewardStatus.FULFILLED;
            if (given) {
                RewardApproval.correct(reward, MANAGER, Amount.of("1.00", "EUR"), Optional.of(new BigDecimal("-1.00")));
            } else {
                assertThatThrownBy(() -> RewardApproval.correct(reward, MANAGER, Amount.of("1.00", "EUR"), Optional.empty()))
                        .as(status.toString()).isInstanceOf(RewardCorrectionRefused.class).isInstanceOf(Conflict.class)
                        .hasMessageStartingWith("Reward 31 is " + status + ": only an approved or fulfilled reward is corrected");
            }
        }
    }
}
