package org.rapport.reports;

import org.rapport.outbox.Response;
import org.rapport.planning.PlannedTouchStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the follow-ups of the period's problems turned out, per category, from the grouped reads (plain Java, unit-tested):
 * their follow-up calls by where they stand, and their check-in emails by what they drew.
 */
public final class ProblemOutcomes {

    /**
     * Planned touches of one category, rule ({@code PROBLEM_FOLLOW_UP} or {@code PROBLEM_CHECK_IN}) and status;
     * {@code reached}: closed with the customer reached. The email each led to, when one is in the outbox: its
     * template (null: none), whether sent or given up ({@code unsent}: failed or suppressed; neither is still in the
     * outbox), whether a reply came, and the last rating given through it (null: none).
     */
    public record Group(String category, String rule, String status, boolean reached, String template, boolean sent,
                        boolean unsent, boolean replied, Integer rating, int touches) {
    }

    /**
     * The follow-up calls of a category's problems (each round's): planned; DONE with the customer {@code reached}, or
     * {@code closedUnreached} (not needed, or closed by a manager); {@code open} still to be made (OPEN or ESCALATED), of
     * them {@code escalated} after the last unanswered try; {@code cancelled} (withdrawn).
     */
    public record FollowUpCalls(String category, int planned, int reached, int closedUnreached, int open, int escalated,
                                int cancelled) {
    }

    /**
     * A category's emails of one template in the outbox: {@code sent}; {@code unsent}, failed or suppressed; of the sent,
     * {@code answered} (a reply or a rating), {@code replied}, {@code rated}, their {@code averageRating} (the last rating
     * of each, one decimal; null when none) and {@code lowRatings} (at most {@value Response#LOW_RATING}).
     */
    public record CheckInEmails(String category, String template, int emails, int sent, int unsent, int answered, int replied,
                                int rated, Double averageRating, int lowRatings) {
    }

    static final String FOLLOW_UP = "PROBLEM_FOLLOW_UP";

    private ProblemOutcomes() {
    }

    /** The follow-up calls per category. */
    public static List<FollowUpCalls> calls(List<Group> groups) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (Group g : groups) {
            if (!g.rule().equals(FOLLOW_UP)) {
                continue;
            }
            int[] n = byCategory.computeIfAbsent(g.category(), c -> new int[6]);
            n[0] += g.touches();
            switch (PlannedTouchStatus.valueOf(g.status())) {
                case DONE -> n[g.reached() ? 1 : 2] += g.touches();
                case OPEN, QUEUED -> n[3] += g.touches();
                case ESCALATED -> {
                    n[3] += g.touches();
                    n[4] += g.touches();
                }
                case CANCELLED -> n[5] += g.touches();
            }
        }
        List<FollowUpCalls> calls = new ArrayList<>();
        byCategory.forEach((category, n) -> calls.add(new FollowUpCalls(category, n[0], n[1], n[2], n[3], n[4], n[5])));
        return calls;
    }

    /** The emails the follow-ups led to (check-ins, and the emails after unanswered calls), per category and template. */
    public static List<CheckInEmails> emails(List<Group> groups) {
        Map<List<String>, long[]> byKey = new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Group g : groups) {
            if (g.template() == null) {
                continue;
            }
            long[] n = byKey.computeIfAbsent(List.of(g.category(), g.template()), k -> new long[8]);
            int e = g.touches();
            n[0] += e;
            if (g.unsent()) {
                n[2] += e;
            }
            if (!g.sent()) {
                continue;
            }
            n[1] += e;
            if (g.replied() || g.rating() != null) {
                n[3] += e;
            }
            if (g.replied()) {
                n[4] += e;
            }
            if (g.rating() != null) {
                n[5] += e;
                n[6] += (long) g.rating() * e;
                if (g.rating() <= Response.LOW_RATING) {
                    n[7] += e;
                }
            }
        }
        List<CheckInEmails> emails = new ArrayList<>();
        byKey.forEach((k, n) -> emails.add(new CheckInEmails(k.get(0), k.get(1), (int) n[0], (int) n[1], (int) n[2], (int) n[3],
                (int) n[4], (int) n[5], n[5] == 0 ? null : Math.round(10.0 * n[6] / n[5]) / 10.0, (int) n[7])));
        return emails;
    }
}
