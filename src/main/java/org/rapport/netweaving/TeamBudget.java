package org.rapport.netweaving;

import org.rapport.planning.RewardRules;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A team's reward budget for one quarter and what is already approved against it (approved and fulfilled rewards of the
 * quarter; rejected ones do not count). The limit and the approved sum are in one currency, the budget's.
 *
 * @param team     the team, as a manager sees it named (for the refusal's wording)
 * @param quarter  as {@link #quarterOf} writes it, e.g. {@code 2026-Q4}
 */
public record TeamBudget(String team, String quarter, Amount limit, Amount approved) {

    public TeamBudget {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(quarter, "quarter");
        if (!limit.sameCurrency(approved)) {
            throw new IllegalArgumentException("The budget " + limit + " and its approved sum " + approved
                    + " must be in one currency.");
        }
    }

    /** The quarter a date falls in: {@code 2026-11-24} is {@code 2026-Q4}. */
    public static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    /** The first day of the quarter a date falls in: {@code 2026-11-24} is in the quarter from {@code 2026-10-01}. */
    public static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    public Amount left() {
        return limit.minusOrZero(approved);
    }

    /** The budget after approving {@code value} (which must be in its currency). */
    public TeamBudget with(Amount value) {
        return new TeamBudget(team, quarter, limit, approved.plus(value));
    }

    /** A budget as the rules give it ({@code RuleService.teamBudget}), as an amount. */
    public static Amount limitOf(RewardRules.Worth worth) {
        return new Amount(worth.value(), Currency.getInstance(worth.currency()));
    }
}
