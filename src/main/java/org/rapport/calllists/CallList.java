package org.rapport.calllists;

import java.time.LocalDate;
import java.util.List;

/**
 * A salesperson's list for one local date. {@code overflow} counts the due items beyond capacity: they stay open and
 * come back on the next working day with their urgency grown. {@code workingDay}: the salesperson works that date (their
 * working days less company holidays and their own region's public holidays, {@code BusinessCalendar.worksOn}).
 * Today apart from the backlog ({@link DaySlots}): {@code dueTodayCount} items on the list are due today,
 * {@code backlogCount} are carried over (past their due-by date, {@link CallListItem#backlog}), and
 * {@code backlogWaiting} more carried-over calls did not fit (part of {@code overflow}).
 */
public record CallList(String salesperson, String timeZone, LocalDate date, boolean workingDay, boolean absent, int capacity,
                       List<CallListItem> items, int overflow, int dueTodayCount, int backlogCount, int backlogWaiting) {

    /** A list whose counts of today and backlog come from its items. */
    public CallList(String salesperson, String timeZone, LocalDate date, boolean workingDay, boolean absent, int capacity,
                    List<CallListItem> items, int overflow, int backlogWaiting) {
        this(salesperson, timeZone, date, workingDay, absent, capacity, items, overflow,
                (int) items.stream().filter(i -> !i.backlog).count(), (int) items.stream().filter(i -> i.backlog).count(),
                backlogWaiting);
    }

    /** A list without a backlog waiting beyond it. */
    public CallList(String salesperson, String timeZone, LocalDate date, boolean workingDay, boolean absent, int capacity,
                    List<CallListItem> items, int overflow) {
        this(salesperson, timeZone, date, workingDay, absent, capacity, items, overflow, 0);
    }
}
