package org.rapport.planning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallRoomTest {

    @Test
    void eachSalespersonIsReadOnceAndCountedDownAsCallsAreAdded() {
        List<Collection<Long>> reads = new ArrayList<>();
        CallRoom room = new CallRoom(ids -> {
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
}
