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
 * Working days and business days, one rule for every caller. A salesperson works on their days of the week, less company
 * holidays and the public holidays of their own region ({@link Workweek}, {@link #worksOn}): their call list is open and
 * their digest goes out on those days. A call is due on a day its holder works that is no public holiday in the
 * customer's region either ({@link #callDayAfter}): the problem follow-up's due dates and the retry after an unanswered
 * call both come from there, so a call never falls on a closed list nor on the customer's public holiday. Send windows
 * are local times on the customer's business days in their own zone, daylight-saving switches included.
 */
public final class BusinessCalendar {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final int SEARCH_LIMIT_DAYS = 400;

    /**
     * The days a salesperson works.
     *
     * @param region the salesperson's region (ISO 3166 country or subdivision) for public holidays; {@code null}: none
     * @param days   their days of the week ({@code working_days})
     */
    public record Workweek(String region, Set<DayOfWeek> days) {
        public static final Workweek MONDAY_TO_FRIDAY_ANYWHERE = new Workweek(null, MONDAY_TO_FRIDAY);

        public Workweek {
            days = Set.copyOf(days);
        }
    }

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
        return isCallDay(date, region, Workweek.MONDAY_TO_FRIDAY_ANYWHERE);
    }

    /**
     * A day the salesperson works: one of their days of the week that is neither a company holiday nor a public holiday
     * of their region. Their call list of that day is open and their digest goes out.
     */
    public boolean worksOn(LocalDate date, Workweek workweek) {
        return workweek.days().contains(date.getDayOfWeek()) && !companyHolidays.contains(date)
                && !publicHolidays.of(workweek.region(), date.getYear()).contains(date);
    }

    /** The first day on or after {@code date} that the salesperson works ({@link #worksOn}). */
    public LocalDate firstWorkingDay(LocalDate date, Workweek workweek) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (worksOn(d, workweek)) {
                return d;
            }
        }
        throw new IllegalStateException("No working day within " + SEARCH_LIMIT_DAYS + " days of " + date);
    }

    /**
     * The one rule for the day of a call: the {@code n}-th day after {@code date} (n = 1: the next one) that the call's
     * holder works ({@link #worksOn}) and that is no public holiday in the customer's region.
     *
     * @param customerRegion the customer's region (ISO 3166 country or subdivision); {@code null}: no public holidays
     * @param holder         the days the call's holder works
     */
    public LocalDate callDayAfter(LocalDate date, int n, String customerRegion, Workweek holder) {
        LocalDate d = date;
        for (int left = n; left > 0; left--) {
            d = firstCallDay(d.plusDays(1), customerRegion, holder);
        }
        return d;
    }

    /** The first day on or after {@code date} that {@link #callDayAfter} would give a call. */
    public LocalDate firstCallDay(LocalDate date, String customerRegion, Workweek holder) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, d = d.plusDays(1)) {
            if (isCallDay(d, customerRegion, holder)) {
                return d;
            }
        }
        throw new IllegalStateException("No call day within " + SEARCH_LIMIT_DAYS + " days of " + date + " in " + customerRegion);
    }

    /** The business day {@code n} business days after {@code date} in the customer's region, Monday to Friday. */
    public LocalDate plusBusinessDays(LocalDate date, int n, String region) {
        return callDayAfter(date, n, region, Workweek.MONDAY_TO_FRIDAY_ANYWHERE);
    }

    private boolean isCallDay(LocalDate date, String customerRegion, Workweek holder) {
        return worksOn(date, holder) && !publicHolidays.of(customerRegion, date.getYear()).contains(date);
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
