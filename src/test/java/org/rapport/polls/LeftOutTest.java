package org.rapport.polls;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeftOutTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant SINCE = NOW.minusSeconds(90L * 86_400);
    private static final Consent OPEN = new Consent(false, true, true, null, null, Set.of(), null, null, true);

    @Test
    void aCustomerWhoMayGetAPollIsNotLeftOut() {
        assertThat(LeftOut.of(OPEN, false, 1, 2, SINCE.minusSeconds(1), SINCE)).isEmpty();
        assertThat(LeftOut.of(OPEN, false, 0, 2, null, SINCE)).isEmpty();
    }

    @Test
    void eachReasonInItsOrder() {
        Consent stopped = new Consent(false, true, true, null, null, Set.of(Consent.Purpose.POLLS), NOW, null, true);
        assertThat(LeftOut.of(stopped, true, 5, 2, NOW, SINCE)).as("consent first").hasValue(LeftOut.NO_CONSENT);
        Consent keepsOthers = new Consent(false, true, true, null, null, Set.of(Consent.Purpose.CHECK_IN), NOW, null, true);
        assertThat(LeftOut.of(keepsOthers, false, 0, 2, null, SINCE)).as("another purpose stopped").isEmpty();
        assertThat(LeftOut.of(OPEN, true, 5, 2, NOW, SINCE)).hasValue(LeftOut.PROBLEM_PENDING);
        assertThat(LeftOut.of(OPEN, false, 2, 2, NOW, SINCE)).hasValue(LeftOut.EMAIL_CAP);
        assertThat(LeftOut.of(OPEN, false, 1, 2, SINCE.plusSeconds(1), SINCE)).hasValue(LeftOut.RECENT_POLL);
        Consent dnc = new Consent(true, true, true, null, null, Set.of(), null, null, true);
        assertThat(LeftOut.of(dnc, false, 0, 2, null, SINCE)).hasValue(LeftOut.NO_CONSENT);
    }

    @Test
    void aCustomerWhoseNextSendMomentIsAfterThePollsLastDayIsLeftOut() {
        LocalDate endsOn = LocalDate.parse("2026-12-04"); // a Friday
        assertThat(LeftOut.afterEnd(endsOn.minusDays(1), endsOn)).isEmpty();
        assertThat(LeftOut.afterEnd(endsOn, endsOn)).as("on its last day: still open").isEmpty();
        assertThat(LeftOut.afterEnd(endsOn.plusDays(3), endsOn)).as("Friday's window closed: Monday's is too late")
                .hasValue(LeftOut.AFTER_END);
    }
}
