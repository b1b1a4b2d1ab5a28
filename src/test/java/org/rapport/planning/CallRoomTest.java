package org.rapport.planning;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallRoomTest {

    static final Instant NOW = Instant.parse("2026-12-02T23:30:00Z");

    @Test
    void eachSalespersonIsReadOnceAndCountedDownAsCallsAreAdded() {
        List<Collection<Long>> reads = new ArrayList<>();
        CallRoom room = new CallRoom(NOW, ids -> Map.of(), (ids, day) -> {
            reads.add(List.copyOf(ids));
            return Map.of(1L, 2, 2L, 0, 3L, -4);
        });
        room.know(List.of(1L, 2L, 1L, 3L));
        assertThat(room.take(1)).isTrue();
        assertThat(room.take(1)).isTrue();
        assertThat(room.take(1)).as("capacity 2 used up").isFalse();
        assertThat(room.take(2)).as("a full list").isFalse();
        assertThat(room.take(3)).as("more open calls than capacity").isFalse();
        assertThat(reads).containsExactly(List.of(1L, 2L, 3L));
        assertThat(room.take(4)).as("a salesperson the read does not know has no room").isFalse();
        assertThat(reads).hasSize(2).last().isEqualTo(List.of(4L));
    }

    @Test
    void theRoomIsThatOfEachSalespersonsListOfTheirOwnLocalToday() {
        // 23:30 UTC on 2 December: already 3 December in Berlin and Auckland, still 2 December in Los Angeles
        List<String> reads = new ArrayList<>();
        CallRoom room = new CallRoom(NOW,
                ids -> Map.of(1L, ZoneId.of("Europe/Berlin"), 2L, ZoneId.of("America/Los_Angeles"), 3L, ZoneId.of("Pacific/Auckland")),
                (ids, day) -> {
                    reads.add(day + " " + ids);
                    return Map.of(1L, 1, 2L, 1, 3L, 1, 4L, 1);
                });

        room.know(List.of(1L, 2L, 3L, 4L));

        assertThat(reads).containsExactlyInAnyOrder("2026-12-03 [1, 3]", "2026-12-02 [2, 4]");
        assertThat(room.today(1)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(room.today(2)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(room.today(4)).as("a salesperson without a known zone: UTC").isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(reads).as("nothing read twice").hasSize(2);
    }
}
