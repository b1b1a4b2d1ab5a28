package org.rapport.planning;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How many more calls each salesperson's list takes today during one plan: their daily capacity less the open calls
 * and visits already due, read once per salesperson and counted down as the plan adds calls.
 */
final class CallRoom {

    private final Map<Long, Integer> left = new HashMap<>();
    private final Function<Collection<Long>, Map<Long, Integer>> read;

    /** @param read the room of each of the given salespeople as stored now (a salesperson it omits has none) */
    CallRoom(Function<Collection<Long>, Map<Long, Integer>> read) {
        this.read = read;
    }

    /** Reads, in one go, the salespeople not seen yet in this plan. */
    void know(Collection<Long> salespeople) {
        List<Long> unknown = salespeople.stream().distinct().filter(id -> !left.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            Map<Long, Integer> room = read.apply(unknown);
            unknown.forEach(id -> left.put(id, room.getOrDefault(id, 0)));
        }
    }

    /** Takes a place on the salesperson's list today; false when it is full. */
    boolean take(long salesperson) {
        know(List.of(salesperson));
        int room = left.get(salesperson);
        if (room <= 0) {
            return false;
        }
        left.put(salesperson, room - 1);
        return true;
    }
}
