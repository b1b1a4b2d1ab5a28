package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.JollydayHolidays;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries and deferrals of planned customer mail go back into the customer's send window, like its first attempt. */
class RetryMomentTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(new JollydayHolidays(), Set.of());
    /** 08:00-18:00, the default rules, on the customer's business days (the planner's calendar). */
    private static final SendWindows WINDOWS = (earliest, zone, region) ->
            CALENDAR.sendMoment(earliest, zone, region, LocalTime.of(8, 0), LocalTime.of(18, 0));

    @Test
    void aRetryThatWouldLeaveAfterSixOnAFridayWaitsForMondayMorning() {
        Instant friday = ZonedDateTime.of(2026, 11, 27, 17, 55, 0, 0, BERLIN).toInstant().plusSeconds(600);
        assertThat(RetryMoment.of(friday, true, "Europe/Berlin", "DE-BE", WINDOWS))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void aDeferralInsideTheWindowKeepsItsMoment() {
        Instant tuesday = ZonedDateTime.of(2026, 12, 1, 10, 0, 1, 0, BERLIN).toInstant();
        assertThat(RetryMoment.of(tuesday, true, "Europe/Berlin", "DE-BE", WINDOWS)).isEqualTo(tuesday);
    }

    @Test
    void theWindowIsTheCustomersOwnWithTheirRegionsHolidays() {
        // 15:00 in Berlin on Thanksgiving is 09:00 in New York, where no business is done that day
        Instant thanksgiving = ZonedDateTime.of(2026, 11, 26, 15, 0, 0, 0, BERLIN).toInstant();
        assertThat(RetryMoment.of(thanksgiving, true, "America/New_York", "US-NY", WINDOWS))
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, 8, 0, 0, 0, NEW_YORK).toInstant());
        assertThat(RetryMoment.of(thanksgiving, true, "Europe/Berlin", "DE-BE", WINDOWS)).isEqualTo(thanksgiving);
    }

    @Test
    void mailThatKeepsNoWindowGoesAtTheBackoffsMoment() {
        Instant night = ZonedDateTime.of(2026, 11, 28, 23, 30, 0, 0, BERLIN).toInstant();
        assertThat(RetryMoment.of(night, false, "Europe/Berlin", "DE-BE", WINDOWS)).isEqualTo(night);
    }

    @Test
    void aClaimedMessageKeepsTheWindowOnlyWhenItIsPlannedCustomerMail() {
        Instant night = ZonedDateTime.of(2026, 11, 28, 23, 30, 0, 0, BERLIN).toInstant();
        ClaimedMessage planned = message(1L, true);
        assertThat(RetryMoment.of(night, planned, WINDOWS)).isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, BERLIN).toInstant());
        assertThat(RetryMoment.of(night, message(1L, false), WINDOWS)).as("composed by a caller").isEqualTo(night);
        assertThat(RetryMoment.of(night, message(null, true), WINDOWS)).as("mail to the team").isEqualTo(night);
    }

    private static ClaimedMessage message(Long customerId, boolean sendWindow) {
        ClaimedMessage m = new ClaimedMessage();
        m.customerId = customerId;
        m.sendWindow = sendWindow;
        m.customerZone = "Europe/Berlin";
        m.customerRegion = "DE-BE";
        return m;
    }
}
