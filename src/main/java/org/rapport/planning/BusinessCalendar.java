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
 * Working days and business days, one rule for every caller. Public holidays are always the customer's (their region's,
 * as the README promises for the follow-up's due dates); a salesperson's own days are their working days of the week
 * less company holidays. So a call's date ({@link #callDayAfter}) is a day its holder works and the customer's region
 * does not rest, and the holder's list is open on it ({@link #worksOn}). Send windows are local times on the customer's
 * business days in their own zone, daylight-saving switches included.
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

    /**
     * A business day of the customer's region: Monday to Friday, no public holiday there, no company holiday. Emails
     * leave on these days ({@link #sendMoment}).
     */
    public boolean isBusinessDay(LocalDate date, String region) {
        return isCallDay(date, region, MONDAY_TO_FRIDAY);
    }

    /**
     * A day the salesperson works: one of their days of the week ({@code working_days}) that is no company holiday. Their
     * call list of that day is open and their digest goes out. Public holidays are not theirs: they are the customer's
     * (the customer's region), and {@link #callDayAfter} keeps calls off them.
     */
    public boolean worksOn(LocalDate date, Set<DayOfWeek> workingDays) {
        return workingDays.contains(date.getDayOfWeek()) && !companyHolidays.contains(date);
    }

    /** The first day on or after {@code date} that the salesperson works ({@link #worksOn}). */
    public LocalDate firstWorkingDay(LocalDate date, Set<DayOfWeek> workingDays) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (worksOn(d, workingDays)) {
                return d;
            }
        }
        throw new IllegalStateException("No working day within " + SEARCH_LIMIT_DAYS + " days of " + date);
    }

    /**
     * The one rule for the day of a call: the {@code n}-th day after {@code date} (n = 1: the next one) that the call's
     * holder works ({@link #worksOn}) and that is no public holiday in the customer's region. The problem follow-up's
     * due dates (the owner holds it) and the retry after an unanswered call (whoever holds it) both come from here, so a
     * call is never due on a day its holder's list is closed, nor on the customer's public holiday.
     *
     * @param customerRegion   the customer's region (ISO 3166 country or subdivision); {@code null}: no public holidays
     * @param holderWorkingDays the days of the week the call's holder works
     */
    public LocalDate callDayAfter(LocalDate date, int n, String customerRegion, Set<DayOfWeek> holderWorkingDays) {
        LocalDate d = date;
        for (int left = n; left > 0; left--) {
            d = firstCallDay(d.plusDays(1), customerRegion, holderWorkingDays);
        }
        return d;
    }

    /** The first day on or after {@code date} that {@link #callDayAfter} would give a call. */
    public LocalDate firstCallDay(LocalDate date, String customerRegion, Set<DayOfWeek> holderWorkingDays) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (isCallDay(d, customerRegion, holderWorkingDays)) {
                return d;
            }
        }
        throw new IllegalStateException("No business day within " + SEARCH_LIMIT_DAYS + " days of " + date + " in " + customerRegion);
    }

    /** The business day {@code n} business days after {@code date} in the customer's region, Monday to Friday. */
    public LocalDate plusBusinessDays(LocalDate date, int n, String region) {
        return callDayAfter(date, n, region, MONDAY_TO_FRIDAY);
    }

    private boolean isCallDay(LocalDate date, String customerRegion, Set<DayOfWeek> holderWorkingDays) {
        return worksOn(date, holderWorkingDays) && !publicHolidays.of(customerRegion, date.getYear()).contains(date);
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
