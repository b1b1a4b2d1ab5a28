package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.PublicHolidays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.netweaving.ConsentDeadlines.Due.EXPIRE;
import static org.rapport.netweaving.ConsentDeadlines.Due.NOTHING;
import static org.rapport.netweaving.ConsentDeadlines.Due.REMIND;

class ConsentDeadlinesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // a public holiday of Berlin only, on Monday 7 March 2022; a company holiday on Friday 25 March
    private static final PublicHolidays HOLIDAYS = (region, year) -> "DE-BE".equals(region)
            ? Set.of(LocalDate.of(2022, 3, 7)) : Set.of();
    private final BusinessCalendar calendar = new BusinessCalendar(HOLIDAYS, Set.of(LocalDate.of(2022, 3, 25)));
    private final ConsentDeadlines rules = ConsentDeadlines.DEFAULTS;

    /** Monday 28 February 2022, 16:00 in Berlin. */
    private static final Instant REQUESTED = at(2022, 2, 28, 16);

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(hour, 0).atZone(BERLIN).toInstant();
    }

    @Test
    void remindedOnceFiveWholeBusinessDaysHavePassedCountedFromTheDayAfterTheRequest() {
        // Tue 1 .. Fri 4 March: four business days; Mon 7 March, the fifth, is not over until midnight
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 3, 7, 23), BERLIN, null)).isEqualTo(NOTHING);
        // Tue 8 March: the fifth has passed
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 3, 8, 0), BERLIN, null)).isEqualTo(REMIND);
    }

    @Test
    void theCustomersPublicAndCompanyHolidaysAreNoBusinessDays() {
        // Mon 7 March is the fifth business day elsewhere, a public holiday in Berlin, whose fifth is Tue 8
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 3, 8, 12), BERLIN, "DE-BE")).isEqualTo(NOTHING);
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 3, 8, 12), BERLIN, "DE-BY")).isEqualTo(REMIND);
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 3, 9, 12), BERLIN, "DE-BE")).isEqualTo(REMIND);
        // the company's holiday (Fri 25 March) counts nowhere
        assertThat(ConsentDeadlines.businessDaysAfter(calendar, LocalDate.of(2022, 3, 24), LocalDate.of(2022, 3, 28), "DE-BY"))
                .isEqualTo(1);
    }

    @Test
    void theDayIsTheCustomersOwn() {
        // asked on Monday 28 February; at 00:30 UTC on 8 March it is still Monday 7 in New York (four whole business
        // days passed) and Tuesday morning in Tokyo (five)
        Instant requested = Instant.parse("2022-02-28T09:00:00Z");
        Instant now = Instant.parse("2022-03-08T00:30:00Z");
        assertThat(rules.due(calendar, requested, null, now, ZoneId.of("America/New_York"), null)).isEqualTo(NOTHING);
        assertThat(rules.due(calendar, requested, null, now, ZoneId.of("Asia/Tokyo"), null)).isEqualTo(REMIND);
    }

    @Test
    void expiresAfterTenBusinessDaysAndOnlyOnceReminded() {
        Instant reminded = at(2022, 3, 7, 9);
        // Mon 14 March: the tenth business day after the request (no holidays in this region), the customer's to answer
        assertThat(rules.due(calendar, REQUESTED, reminded, at(2022, 3, 14, 23), BERLIN, "DE-BY")).isEqualTo(NOTHING);
        assertThat(rules.due(calendar, REQUESTED, reminded, at(2022, 3, 15, 0), BERLIN, "DE-BY")).isEqualTo(EXPIRE);
        // never reminded (the job was down): reminded first, however late
        assertThat(rules.due(calendar, REQUESTED, null, at(2022, 4, 14, 12), BERLIN, "DE-BY")).isEqualTo(REMIND);
    }

    @Test
    void aLateReminderStillLeavesTheCustomerTheTimeBetweenReminderAndExpiry() {
        Instant lateReminder = at(2022, 3, 14, 9); // the tenth business day
        // five whole business days after it: Tue 15 .. Mon 21
        assertThat(rules.due(calendar, REQUESTED, lateReminder, at(2022, 3, 21, 12), BERLIN, "DE-BY")).isEqualTo(NOTHING);
        assertThat(rules.due(calendar, REQUESTED, lateReminder, at(2022, 3, 22, 12), BERLIN, "DE-BY")).isEqualTo(EXPIRE);
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new ConsentDeadlines(0, 10)).hasMessageContaining("REMIND_AFTER_BUSINESS_DAYS must be 1 to 60");
        assertThatThrownBy(() -> new ConsentDeadlines(5, 5)).hasMessageContaining("EXPIRE_AFTER_BUSINESS_DAYS must be more than");
    }

    @Test
    void aRequestThatLeftLaterThanItsWindowOpeningCountsFromWhenItLeft() {
        Instant opening = Instant.parse("2026-03-02T08:00:00Z");
        Instant retriedAt = Instant.parse("2026-03-03T09:15:00Z");
        assertThat(ConsentDeadlines.countedFrom(opening, retriedAt)).isEqualTo(retriedAt);
    }

    @Test
    void aRequestThatLeftAtOrBeforeItsPlannedMomentKeepsThatMoment() {
        Instant opening = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(ConsentDeadlines.countedFrom(opening, opening)).isEqualTo(opening);
        assertThat(ConsentDeadlines.countedFrom(opening, opening.minusSeconds(3600))).isEqualTo(opening);
        assertThat(ConsentDeadlines.countedFrom(null, opening)).as("nothing stored").isEqualTo(opening);
    }

    @Test
    void theReminderDueDateMovesWithARequestThatLeftLate() {
        // Monday's request held by retries until Wednesday: the reminder after 5 business days is due a week later
        BusinessCalendar calendar = new BusinessCalendar(PublicHolidays.NONE, Set.of());
        ZoneId utc = ZoneId.of("UTC");
        Instant planned = Instant.parse("2026-03-02T08:00:00Z");
        Instant left = ConsentDeadlines.countedFrom(planned, Instant.parse("2026-03-04T08:00:00Z"));
        Instant nextTuesday = Instant.parse("2026-03-10T08:00:00Z");
        assertThat(rules.due(calendar, planned, null, nextTuesday, utc, "DE")).isEqualTo(REMIND);
        assertThat(rules.due(calendar, left, null, nextTuesday, utc, "DE")).isEqualTo(NOTHING);
    }
}
