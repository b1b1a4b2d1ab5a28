package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar.Workweek;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    private static final JollydayHolidays HOLIDAYS = new JollydayHolidays();
    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);

    private final BusinessCalendar calendar = new BusinessCalendar(HOLIDAYS, Set.of(LocalDate.of(2026, 12, 24)));

    @Test
    void publicHolidaysComeFromTheRegion() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1), "DE-BE")).as("Labour Day in Germany").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1), "US-NY")).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26), "US-NY")).as("Thanksgiving").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 26), "DE-BE")).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 1, 6), "DE-BY")).as("Epiphany in Bavaria only").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 1, 6), "DE-BE")).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 28), "DE-BE")).as("a Saturday").isFalse();
    }

    @Test
    void companyHolidaysApplyEverywhereAndUnknownRegionsHaveOnlyThose() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 24), "US-NY")).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 24), "XX-YY")).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 23), "XX-YY")).isTrue();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 23), null)).isTrue();
    }

    @Test
    void theNextBusinessDaySkipsWeekendsAndHolidays() {
        // Wednesday before Thanksgiving: the next business day in New York is Friday
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 25), 1, "US-NY")).isEqualTo(LocalDate.of(2026, 11, 27));
        // Friday: Monday; two business days: Tuesday
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 27), 1, "DE-BE")).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 27), 2, "DE-BE")).isEqualTo(LocalDate.of(2026, 12, 1));
        // 23 Dec (Wed) + 1 in Berlin: 24th company holiday, 25th/26th public, weekend → Monday 28th
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 23), 1, "DE-BE")).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aCallsDayIsOneItsHolderWorksAndNoPublicHolidayOfTheCustomersRegion() {
        java.util.Set<java.time.DayOfWeek> monToFri = BusinessCalendar.MONDAY_TO_FRIDAY;
        Workweek inBerlin = new Workweek("DE-BE", monToFri);
        Workweek inBavaria = new Workweek("DE-BY", monToFri);
        LocalDate epiphany = LocalDate.of(2026, 1, 6); // a Tuesday; a public holiday in Bavaria, not in Berlin
        // a problem of a Berlin customer resolved on Monday: a Berlin holder calls on Tuesday, a Bavarian one on Wednesday
        assertThat(calendar.callDayAfter(epiphany.minusDays(1), 1, "DE-BE", inBerlin)).isEqualTo(epiphany);
        assertThat(calendar.callDayAfter(epiphany.minusDays(1), 1, "DE-BE", inBavaria)).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(calendar.worksOn(epiphany, inBerlin)).isTrue();
        assertThat(calendar.worksOn(epiphany, inBavaria)).as("their own region's public holiday").isFalse();
        // a Bavarian customer of a Berlin holder: Wednesday, and the retry two days on from Monday is Thursday
        assertThat(calendar.callDayAfter(epiphany.minusDays(1), 1, "DE-BY", inBerlin)).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(calendar.callDayAfter(epiphany.minusDays(1), 2, "DE-BY", inBerlin)).isEqualTo(LocalDate.of(2026, 1, 8));
        // the holder's days of the week and the company's holidays count for every call
        assertThat(calendar.callDayAfter(LocalDate.of(2026, 12, 22), 1, null,
                new Workweek(null, java.util.EnumSet.of(java.time.DayOfWeek.THURSDAY))))
                .as("Thursday the 24th is a company holiday").isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(calendar.worksOn(LocalDate.of(2026, 12, 24), inBerlin)).isFalse();
        assertThat(calendar.firstWorkingDay(LocalDate.of(2026, 12, 24), Workweek.MONDAY_TO_FRIDAY_ANYWHERE))
                .as("Christmas is no company holiday here, and no region given").isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(calendar.firstWorkingDay(LocalDate.of(2026, 12, 24), inBerlin)).as("Christmas in Berlin")
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void everyCallDayIsADayItsHoldersListIsOpen() {
        // the planner dates calls with callDayAfter, the list opens on worksOn: whatever the regions, they agree
        java.util.List<java.util.Set<java.time.DayOfWeek>> teams = java.util.List.of(BusinessCalendar.MONDAY_TO_FRIDAY,
                java.util.EnumSet.of(java.time.DayOfWeek.SUNDAY, java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
                        java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY), java.util.EnumSet.of(java.time.DayOfWeek.FRIDAY));
        String[] regions = {"DE-BY", "DE-BE", "US-NY", "IL", "NZ", null};
        for (String customerRegion : regions) {
            for (String holderRegion : regions) {
                for (java.util.Set<java.time.DayOfWeek> days : teams) {
                    Workweek holder = new Workweek(holderRegion, days);
                    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
                        LocalDate call = calendar.callDayAfter(d, 2, customerRegion, holder);
                        assertThat(calendar.worksOn(call, holder)).as("%s + 2 in %s for %s", d, customerRegion, holder).isTrue();
                        assertThat(HOLIDAYS.of(customerRegion, call.getYear())).doesNotContain(call);
                    }
                }
            }
        }
    }

    @Test
    void theSendWindowIsLocalTimeOnLocalBusinessDays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Friday 19:00 Berlin → Monday 08:00 Berlin
        assertThat(calendar.sendMoment(Instant.parse("2026-11-27T18:00:00Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        // inside the window: unchanged
        assertThat(calendar.sendMoment(Instant.parse("2026-11-27T10:00:00Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        // 17:59:59 is inside, 18:00 is not
        assertThat(calendar.sendMoment(Instant.parse("2026-11-27T16:59:59Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-27T16:59:59Z"));
        assertThat(calendar.sendMoment(Instant.parse("2026-11-27T17:00:00Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void daylightSavingSwitchDaysInBerlinAndNewYork() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        // Berlin springs forward on Sunday 29 March 2026; Monday 30 March opens at 08:00 CEST = 06:00 UTC
        assertThat(calendar.sendMoment(Instant.parse("2026-03-28T12:00:00Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        // Berlin falls back on Sunday 25 October; Monday 26 October opens at 08:00 CET = 07:00 UTC
        assertThat(calendar.sendMoment(Instant.parse("2026-10-24T12:00:00Z"), berlin, "DE-BE", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        // New York springs forward on Sunday 8 March; Monday 9 March 08:00 EDT = 12:00 UTC (13:00 UTC the week before)
        assertThat(calendar.sendMoment(Instant.parse("2026-03-06T23:30:00Z"), newYork, "US-NY", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(calendar.sendMoment(Instant.parse("2026-03-02T00:00:00Z"), newYork, "US-NY", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        // New York falls back on Sunday 1 November; Monday 2 November 08:00 EST = 13:00 UTC
        assertThat(calendar.sendMoment(Instant.parse("2026-10-31T12:00:00Z"), newYork, "US-NY", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-02T13:00:00Z"));
    }

    @Test
    void aWindowStartingInTheSpringGapStartsAtTheFirstValidTime() {
        // a window from 02:30 on the night New York springs forward (02:00 → 03:00) opens at 03:00 EDT
        BusinessCalendar everyDay = new BusinessCalendar(PublicHolidays.NONE, Set.of()) ;
        Instant opens = everyDay.sendMoment(Instant.parse("2026-03-09T05:00:00Z"), ZoneId.of("America/New_York"), null,
                LocalTime.of(2, 30), LocalTime.of(4, 0));
        assertThat(opens).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void aCustomerInAucklandIsWrittenToInAucklandTime() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        // Monday 09:00 in Los Angeles (17:00 UTC) is Tuesday 06:00 in Auckland: the mail waits for 08:00 there
        assertThat(calendar.sendMoment(Instant.parse("2026-11-23T17:00:00Z"), auckland, "NZ", EIGHT, SIX_PM))
                .isEqualTo(Instant.parse("2026-11-23T19:00:00Z"));
    }
}
