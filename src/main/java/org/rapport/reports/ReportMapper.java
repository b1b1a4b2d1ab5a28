package org.rapport.reports;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;
import org.rapport.planning.PlannedTouchStatus;
import org.rapport.netweaving.IntroductionStage;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Mapper
public interface ReportMapper {

    /** Problem follow-ups whose standard ends in the period, with when (if ever) the customer was reached. */
    List<FollowUpRow> followUps(@Param("from") LocalDate from, @Param("to") LocalDate to, @Param("access") Access access);

    /** Per salesperson and top tier: customers, and those spoken to within the tier's cadence before {@code asOf}. */
    List<Coverage> coverage(@Param("asOf") LocalDate asOf, @Param("top10Days") int top10Days, @Param("top100Days") int top100Days,
                            @Param("access") Access access);

    /**
     * Per salesperson: calls and visits due in the period, and those done; a cancelled one counts as due only when its
     * salesperson handed it back ({@code handedBack}, the outcome).
     */
    List<Completion> completion(@Param("from") LocalDate from, @Param("to") LocalDate to, @Param("access") Access access,
                                @Param("done") PlannedTouchStatus done, @Param("cancelled") PlannedTouchStatus cancelled,
                                @Param("handedBack") String handedBack);

    /** Per template and language: customer mail sent in [from, to) and what came of it, for customers within reach. */
    List<ResponseRow> responses(@Param("from") Instant from, @Param("to") Instant to, @Param("access") Access access);

    /**
     * Introductions proposed in [from, to) that the caller reaches (of one manager's team when {@code team} is given),
     * grouped by stage, furthest stage and deal currency. In these statements {@code team} is the team as a reach,
     * {@link Access#teamOf}, or null for no team.
     */
    List<NetweavingFigures.Group> stageGroups(@Param("from") Instant from, @Param("to") Instant to,
                                              @Param("team") Access team, @Param("access") Access access);

    /**
     * For the same introductions, per salesperson owning either customer (one introduction counts once for each owner).
     *
     * @param introduced the stages from INTRODUCED on along the way to a deal
     */
    List<NetweavingFigures.Counts> salespersonCounts(@Param("from") Instant from, @Param("to") Instant to,
                                                     @Param("team") Access team, @Param("access") Access access,
                                                     @Param("introduced") List<IntroductionStage> introduced);

    /** For the same introductions, per pair of single category codes: the {@code top} most frequent, then one summed row. */
    List<NetweavingFigures.Counts> categoryPairCounts(@Param("from") Instant from, @Param("to") Instant to,
                                                      @Param("team") Access team, @Param("access") Access access,
                                                      @Param("introduced") List<IntroductionStage> introduced,
                                                      @Param("top") int top);

    /** For the same introductions: how long (whole hours) each stay in a stage lasted, as a histogram. */
    List<NetweavingFigures.Duration> stageDurations(@Param("from") Instant from, @Param("to") Instant to,
                                                   @Param("team") Access team, @Param("access") Access access);

    /** Rewards proposed in [from, to) for customers the caller reaches (of the team's budget when given), grouped. */
    List<NetweavingReport.RewardFigures> rewardGroups(@Param("from") Instant from, @Param("to") Instant to,
                                                       @Param("team") Access team, @Param("access") Access access);

    /** Managers with an email address: who receives the weekly netweaving report. */
    List<Recipient> managersWithEmail();

    record Recipient(long id, String externalId, String timeZone) {
    }

    /**
     * What happened in [from, to) to the introductions the caller reaches: per stage entered (PROPOSED included), how
     * many introductions entered it, and for DEAL_CLOSED the deals' value per currency.
     */
    List<WeekCount> weekOfIntroductions(@Param("from") Instant from, @Param("to") Instant to, @Param("access") Access access);

    record WeekCount(String stage, String currency, int introductions, java.math.BigDecimal value) {
    }

    /** Rewards proposed or approved, not yet fulfilled, for customers the caller reaches. */
    int rewardsOwed(@Param("access") Access access);

    /** The manager named {@code externalId}: their id and their own manager's, for the access check; empty if none. */
    java.util.Optional<Manager> manager(@Param("externalId") String externalId);

    record Manager(long id, Long managerId) {
    }

    /**
     * Problems opened in [from, to) of customers the caller reaches (of the team when {@code team}, a reach as for
     * {@link #stageGroups}, is given), counted per category ({@code uncategorised} for none) and week (by
     * {@code weekStarts}, {@link ProblemPatterns.Weeks}), with how many repeat one of their customer's same category
     * opened in the 90 days before, how many are resolved, and the sum and number of those among the category's middle
     * one or two times to resolve.
     */
    List<ProblemPatterns.WeekCount> problemWeeks(@Param("from") Instant from, @Param("to") Instant to,
                                                 @Param("weekStarts") List<Long> weekStarts,
                                                 @Param("uncategorised") String uncategorised,
                                                 @Param("team") Access team, @Param("access") Access access);

    /** Of the problems {@link #problemWeeks} counts, the {@code limit} customers with most (ties by external id). */
    List<ProblemsReport.CustomerCount> problemCustomers(@Param("from") Instant from, @Param("to") Instant to,
                                                       @Param("limit") int limit,
                                                       @Param("team") Access team, @Param("access") Access access);

    /**
     * How the follow-ups of the problems {@link #problemWeeks} counts turned out: their follow-up calls and check-ins, each
     * with the email it led to, grouped by category, rule, status, whether reached, and what the email drew.
     */
    List<ProblemOutcomes.Group> outcomeGroups(@Param("from") Instant from, @Param("to") Instant to,
                                              @Param("uncategorised") String uncategorised,
                                              @Param("team") Access team, @Param("access") Access access);

    /**
     * Problems opened in [from, to) of customers the caller reaches (of the team when {@code team}, a reach as for
     * {@link #stageGroups}, is given), per category ({@code uncategorised} for none) and window of {@code days} days
     * counted from {@code from}.
     */
    List<ProblemSpikes.WindowCount> problemWindows(@Param("from") Instant from, @Param("to") Instant to, @Param("days") int days,
                                                   @Param("uncategorised") String uncategorised,
                                                   @Param("team") Access team, @Param("access") Access access);

    class ResponseRow {
        String template;
        String locale;
        int sent;
        int clicked;
        int replied;
        int unsubscribed;
        int bounced;
        int ratings;
        long ratingSum;
    }

    class FollowUpRow {
        String salesperson;
        String customer;
        String timeZone;
        String problem;
        LocalDate dueBy;
        Instant reachedAt;
        String status;
    }

    class Coverage {
        String salesperson;
        String tier;
        int customers;
        int covered;
    }

    class Completion {
        String salesperson;
        int due;
        int done;
    }
}
