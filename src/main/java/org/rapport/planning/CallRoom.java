package org.rapport.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How many more calls each salesperson's list takes today during one plan: their daily capacity less the open calls
 * and visits already due that they hold (a call a manager gave to someone else is on that one's list, not the owner's),
 * read once per salesperson and counted down as the plan adds calls. "Today" is the
 * salesperson's own local date at the moment of the plan, the date of the list they work from; a call joins that list
 * when it is due by then.
 */
final class CallRoom {

    private final Instant now;
    private final Function<Collection<Long>, Map<Long, ZoneId>> zones;
    private final BiFunction<Collection<Long>, LocalDate, Map<Long, Integer>> read;
    private final Map<Long, LocalDate> today = new HashMap<>();
    private final Map<Long, Integer> left = new HashMap<>();

    /**
     * @param now   the moment of the plan
     * @param zones the time zone of each of the given salespeople (one it omits is taken to be in UTC)
     * @param read  the room of each of the given salespeople on the list of the given date, as stored now (a
     *              salesperson it omits has none)
     */
    CallRoom(Instant now, Function<Collection<Long>, Map<Long, ZoneId>> zones,
             BiFunction<Collection<Long>, LocalDate, Map<Long, Integer>> read) {
        this.now = now;
        this.zones = zones;
        this.read = read;
    }

    /** Reads the salespeople not seen yet in this plan: one read of their zones, one of the room per local date. */
    void know(Collection<Long> salespeople) {
        List<Long> unknown = salespeople.stream().distinct().filter(id -> !left.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<Long, ZoneId> zoneOf = zones.apply(unknown);
        Map<LocalDate, List<Long>> byDay = new LinkedHashMap<>();
        for (long id : unknown) {
            LocalDate day = LocalDate.ofInstant(now, zoneOf.getOrDefault(id, ZoneOffset.UTC));
            byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(id);
        }
        byDay.forEach((day, ids) -> {
            Map<Long, Integer> room = read.apply(ids, day);
            ids.forEach(id -> {
                today.put(id, day);
                left.put(id, room.getOrDefault(id, 0));
            });
        });
    }

    /** The salesperson's local date now: the day of the list this room is for. */
    LocalDate today(long salesperson) {
        know(List.of(salesperson));
        return today.get(salesperson);
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
