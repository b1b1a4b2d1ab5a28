package org.rapport.calllists;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Who gets a day's slots, so that overdue work does not bury today. The open calls of a list fall into three groups:
 * problem-related calls ({@code org.rapport.planning.Urgency#PROBLEM}, whatever their age), other calls due today
 * (not yet past their due-by date) and the backlog (other calls past their due-by date, carried over). Problem-related
 * calls take the slots first: the service standard is never pushed out. Of the slots left, calls due today keep at
 * least half (rounded up) and the backlog at least the other half, each as far as it has calls; a slot one group leaves
 * empty goes to the other. So a large courtesy backlog never takes every slot, and still moves every day.
 */
record DaySlots(int problem, int dueToday, int backlog) {

    /**
     * How many of each group's candidates (each group already in its own order, most urgent first) fit on a list of
     * {@code capacity} calls.
     */
    static DaySlots share(int capacity, int problems, int dueToday, int backlog) {
        int problemTaken = Math.min(problems, Math.max(0, capacity));
        int room = Math.max(0, capacity) - problemTaken;
        int todayKept = room - room / 2; // half, rounded up: today's calls come first when the room is odd
        int todayTaken = Math.min(dueToday, Math.max(todayKept, room - backlog));
        int backlogTaken = Math.min(backlog, room - todayTaken);
        return new DaySlots(problemTaken, todayTaken, backlogTaken);
    }

    int total() {
        return problem + dueToday + backlog;
    }

    /**
     * Days a call is overdue on the list of {@code date}: past its due-by date (its due date when it has none), never
     * negative. A call within its window (a follow-up due on Monday, by Tuesday, on Tuesday's list) is 0: due today.
     */
    static int daysOverdue(LocalDate dueOn, LocalDate dueBy, LocalDate date) {
        LocalDate last = dueBy != null ? dueBy : dueOn;
        return last == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(last, date));
    }
}
