package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.reports.ProblemOutcomes.CallGroup;
import org.rapport.reports.ProblemOutcomes.CheckInEmails;
import org.rapport.reports.ProblemOutcomes.EmailGroup;
import org.rapport.reports.ProblemOutcomes.FollowUpCalls;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the follow-ups turned out, folded per category from the grouped reads. */
class ProblemOutcomesTest {

    @Test
    void callsByWhereTheyStand() {
        List<FollowUpCalls> calls = ProblemOutcomes.calls(List.of(
                new CallGroup("DELIVERY", "DONE", true, 5),
                new CallGroup("DELIVERY", "DONE", false, 2),
                new CallGroup("DELIVERY", "OPEN", false, 3),
                new CallGroup("DELIVERY", "ESCALATED", false, 1),
                new CallGroup("DELIVERY", "CANCELLED", false, 4),
                new CallGroup("BILLING", "DONE", true, 1)));
        assertThat(calls).containsExactly(new FollowUpCalls("BILLING", 1, 1, 0, 0, 0, 0),
                new FollowUpCalls("DELIVERY", 15, 5, 2, 4, 1, 4));
    }

    @Test
    void emailsByWhatTheyDrewTheLastRatingOfEachCounting() {
        List<CheckInEmails> emails = ProblemOutcomes.emails(List.of(
                new EmailGroup("DELIVERY", "problem-check-in", true, false, false, null, 10),
                new EmailGroup("DELIVERY", "problem-check-in", true, false, true, null, 3),
                new EmailGroup("DELIVERY", "problem-check-in", true, false, false, 5, 4),
                new EmailGroup("DELIVERY", "problem-check-in", true, false, true, 2, 1),
                new EmailGroup("DELIVERY", "problem-check-in", true, false, false, 1, 1),
                new EmailGroup("DELIVERY", "problem-check-in", false, true, false, null, 2),
                new EmailGroup("DELIVERY", "problem-check-in", false, false, false, null, 6),
                new EmailGroup("DELIVERY", "problem-follow-up", true, false, true, null, 1)));
        assertThat(emails).containsExactly(
                // 27 in the outbox: 19 sent, 2 given up, 6 waiting; 9 answered (4 replied, 6 rated: 4×5 + 2 + 1 = 23)
                new CheckInEmails("DELIVERY", "problem-check-in", 27, 19, 2, 9, 4, 6, 3.8, 2),
                new CheckInEmails("DELIVERY", "problem-follow-up", 1, 1, 0, 1, 1, 0, null, 0));
    }

    @Test
    void nothingToFoldNothingToShow() {
        assertThat(ProblemOutcomes.calls(List.of())).isEmpty();
        assertThat(ProblemOutcomes.emails(List.of())).isEmpty();
    }
}
