package org.rapport.calllists;

import java.time.LocalDate;
import java.util.List;

/**
 * A salesperson's list for one local date. {@code overflow} counts the due items beyond capacity: they stay open and
 * come back on the next working day with their urgency grown. {@code workingDay}: the salesperson works that date (their
 * working days less company holidays and their own region's public holidays, {@code BusinessCalendar.worksOn}).
 */
public record CallList(String salesperson, String timeZone, LocalDate date, boolean workingDay, boolean absent, int capacity,
                       List<CallListItem> items, int overflow) {
}
