package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.reports.ProblemOutcomes.CheckInEmails;
import org.rapport.reports.ProblemOutcomes.Group;
import org.rapport.reports.ProblemOutcomes.FollowUpCalls;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the follow-ups turned out, folded per category from the grouped reads. */
class ProblemOutcomesTest {

    private static final String CALL = "PROBLEM_FOLLOW_UP";
    private static final String CHECK_IN = "PROBLEM_CHECK_IN";

    @Test
    void callsByWhereTheyStand() {
        List<FollowUpCalls> calls = ProblemOutcomes.calls(List.of(
                new Group("DELIVERY", CALL, "DONE", true, null, false, false, false, null, 5),
                new Group("DELIVERY", CALL, "DONE", false, null, false, false, false, null, 2),
                new Group("DELIVERY", CALL, "OPEN", false, null, false, false, false, null, 3),
                new Group("DELIVERY", CALL, "ESCALATED", false, null, false, false, false, null, 1),
                new Group("DELIVERY", CALL, "CANCELLED", false, null, false, false, false, null, 4),
                new Group("BILLING", CALL, "DONE", true, null, false, false, false, null, 1)));
        assertThat(calls).containsExactly(new FollowUpCalls("BILLING", 1, 1, 0, 0, 0, 0),
                new FollowUpCalls("DELIVERY", 15, 5, 2, 4, 1, 4));
    }

    @Test
    void emailsByWhatTheyDrewTheLastRatingOfEachCounting() {
        List<CheckInEmails> emails = ProblemOutcomes.emails(List.of(
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, false, null, 10),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, true, null, 3),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, false, 5, 4),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, true, 2, 1),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, false, 1, 1),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", false, true, false, null, 2),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", false, false, false, null, 6),
                new Group("DELIVERY", CALL, "ESCALATED", false, "problem-follow-up", true, false, true, null, 1)));
        assertThat(emails).containsExactly(
                // 27 in the outbox: 19 sent, 2 given up, 6 waiting; 9 answered (4 replied, 6 rated: 4×5 + 2 + 1 = 23)
                new CheckInEmails("DELIVERY", "problem-check-in", 27, 19, 2, 9, 4, 6, 3.8, 2),
                new CheckInEmails("DELIVERY", "problem-follow-up", 1, 1, 0, 1, 1, 0, null, 0));
    }

    @Test
    void aCallCountsAsACallAndTheEmailWrittenAfterItAsAnEmailACheckInOnlyAsAnEmail() {
        List<Group> groups = List.of(
                new Group("DELIVERY", CALL, "ESCALATED", false, "problem-follow-up", true, false, true, null, 2),
                new Group("DELIVERY", CALL, "ESCALATED", false, null, false, false, false, null, 1),
                new Group("DELIVERY", CHECK_IN, "QUEUED", false, "problem-check-in", true, false, false, 4, 1),
                new Group("DELIVERY", CHECK_IN, "OPEN", false, null, false, false, false, null, 5));
        assertThat(ProblemOutcomes.calls(groups)).containsExactly(new FollowUpCalls("DELIVERY", 3, 0, 0, 3, 3, 0));
        assertThat(ProblemOutcomes.emails(groups)).containsExactly(
                new CheckInEmails("DELIVERY", "problem-check-in", 1, 1, 0, 1, 0, 1, 4.0, 0),
                new CheckInEmails("DELIVERY", "problem-follow-up", 2, 2, 0, 2, 2, 0, null, 0));
    }

    @Test
    void nothingToFoldNothingToShow() {
        assertThat(ProblemOutcomes.calls(List.of())).isEmpty();
        assertThat(ProblemOutcomes.emails(List.of())).isEmpty();
    }
}
