package org.rapport.team;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    @Test
    void aRangeCoversEveryDayBetween() {
        assertThat(WorkingDays.parse("MON-FRI").text()).isEqualTo("MON,TUE,WED,THU,FRI");
    }

    @Test
    void aRangeMayWrapAroundTheWeekend() {
        WorkingDays days = WorkingDays.parse("SUN-THU");

        assertThat(days.includes(DayOfWeek.SUNDAY)).isTrue();
        assertThat(days.includes(DayOfWeek.FRIDAY)).isFalse();
        assertThat(days.text()).isEqualTo("MON,TUE,WED,THU,SUN");
    }

    @Test
    void listsAndRangesCombine() {
        assertThat(WorkingDays.parse("mon-wed, sat").text()).isEqualTo("MON,TUE,WED,SAT");
    }

    @Test
    void unknownDaysAreRefusedWithTheirName() {
        assertThatThrownBy(() -> WorkingDays.parse("MON-FRY")).hasMessageContaining("'FRY' is not a day");
        assertThatThrownBy(() -> WorkingDays.parse("MON-TUE-WED")).hasMessageContaining("neither a day nor a range");
    }
}
