package org.rapport.calllists;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DaySlotsTest {

    @Test
    void aLargeCourtesyBacklogTakesAtMostHalfWhileCallsDueTodayWait() {
        // given 20 slots, 30 calls due today and 200 carried over
        DaySlots slots = DaySlots.share(20, 0, 30, 200);

        // then today's calls keep half the list
        assertEquals(new DaySlots(0, 10, 10), slots);
    }

    @Test
    void problemCallsTakeTheirSlotsFirstHoweverLargeTheBacklog() {
        // given 5 problem-related calls, 30 due today, 200 carried over
        DaySlots slots = DaySlots.share(20, 5, 30, 200);

        // then the follow-ups are all on the list; the 15 slots left are shared, today's half rounded up
        assertEquals(new DaySlots(5, 8, 7), slots);
    }

    @Test
    void problemCallsCanFillTheWholeList() {
        assertEquals(new DaySlots(20, 0, 0), DaySlots.share(20, 25, 30, 200));
    }

    @Test
    void aSlotOneGroupLeavesEmptyGoesToTheOther() {
        // a small backlog: today's calls take the rest
        assertEquals(new DaySlots(0, 16, 4), DaySlots.share(20, 0, 30, 4));
        // few calls due today: the backlog takes the rest
        assertEquals(new DaySlots(0, 3, 17), DaySlots.share(20, 0, 3, 200));
        // less than fits: everything
        assertEquals(new DaySlots(2, 3, 4), DaySlots.share(20, 2, 3, 4));
    }

    @Test
    void oneSlotLeftGoesToToday() {
        assertEquals(new DaySlots(0, 1, 0), DaySlots.share(1, 0, 5, 5));
        assertEquals(new DaySlots(0, 0, 1), DaySlots.share(1, 0, 0, 5));
    }

    @Test
    void noCapacityNoCalls() {
        assertEquals(new DaySlots(0, 0, 0), DaySlots.share(0, 3, 3, 3));
    }

    @Test
    void aCallIsOverdueFromTheDayAfterItsDueByDate() {
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        // a follow-up due Monday, by Tuesday: due today on Tuesday, a day overdue on Wednesday
        assertEquals(0, DaySlots.daysOverdue(tuesday.minusDays(1), tuesday, tuesday));
        assertEquals(1, DaySlots.daysOverdue(tuesday.minusDays(1), tuesday, tuesday.plusDays(1)));
        // a courtesy call (due on = due by) 150 days old
        assertEquals(150, DaySlots.daysOverdue(tuesday.minusDays(150), tuesday.minusDays(150), tuesday));
        // without a due-by date, its due date counts; a future date is not negative
        assertEquals(3, DaySlots.daysOverdue(tuesday.minusDays(3), null, tuesday));
        assertEquals(0, DaySlots.daysOverdue(tuesday.plusDays(3), null, tuesday));
    }
}
