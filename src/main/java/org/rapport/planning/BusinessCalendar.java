package org.rapport.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Business days: a working day of the week that is neither a public holiday of the region nor a company holiday. Send
 * windows are local times on business days in the recipient's own zone, daylight-saving switches included.
 */
public final class BusinessCalendar {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final int SEARCH_LIMIT_DAYS = 400;

    private final PublicHolidays publicHolidays;
    private final Set<LocalDate> companyHolidays;

    public BusinessCalendar(PublicHolidays publicHolidays, Set<LocalDate> companyHolidays) {
        this.publicHolidays = publicHolidays;
        this.companyHolidays = Set.copyOf(companyHolidays);
    }

    public boolean isBusinessDay(LocalDate date, String region, Set<DayOfWeek> workingDays) {
        return workingDays.contains(date.getDayOfWeek()) && !companyHolidays.contains(date)
                && !publicHolidays.of(region, date.getYear()).contains(date);
    }

    public boolean isBusinessDay(LocalDate date, String region) {
        return isBusinessDay(date, region, MONDAY_TO_FRIDAY);
    }

    /** The first business day on or after {@code date}. */
    public LocalDate onOrAfter(LocalDate date, String region, Set<DayOfWeek> workingDays) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (isBusinessDay(d, region, workingDays)) {
                return d;
            }
        }
        throw new IllegalStateException("No business day within " + SEARCH_LIMIT_DAYS + " days of " + date + " in " + region);
    }

    /** The business day {@code n} business days after {@code date} (n = 1: the next business day). */
    public LocalDate plusBusinessDays(LocalDate date, int n, String region, Set<DayOfWeek> workingDays) {
        LocalDate d = date;
        for (int left = n; left > 0; left--) {
            d = onOrAfter(d.plusDays(1), region, workingDays);
        }
        return d;
    }

    public LocalDate plusBusinessDays(LocalDate date, int n, String region) {
        return plusBusinessDays(date, n, region, MONDAY_TO_FRIDAY);
    }

    /** Business days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    public int businessDaysBetween(LocalDate from, LocalDate to, String region) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d, region)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The earliest moment at or after {@code earliest} inside the send window ({@code start} inclusive, {@code end}
     * exclusive, local time in {@code zone}) on one of the region's business days. A start that falls into a
     * daylight-saving gap moves to the first valid time after it.
     */
    public Instant sendMoment(Instant earliest, ZoneId zone, String region, LocalTime start, LocalTime end) {
        ZonedDateTime local = earliest.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, day = day.plusDays(1)) {
            if (!isBusinessDay(day, region)) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, start, zone).toInstant();
            Instant closes = ZonedDateTime.of(day, end, zone).toInstant();
            Instant candidate = earliest.isAfter(opens) ? earliest : opens;
            if (candidate.isBefore(closes)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No send window within " + SEARCH_LIMIT_DAYS + " days of " + earliest + " in " + region);
    }
}
