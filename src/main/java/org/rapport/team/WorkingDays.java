package org.rapport.team;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The days a salesperson works, written as in the CSV: {@code MON-FRI}, {@code MON,WED,FRI}, {@code SUN-THU}. */
public record WorkingDays(Set<DayOfWeek> days) {

    public WorkingDays {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        days = Set.copyOf(days);
    }

    public static WorkingDays parse(String text) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            String[] range = part.strip().split("-");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + part.strip() + "' is neither a day nor a range");
            }
        }
        return new WorkingDays(days);
    }

    /** The days of a stored value; Monday to Friday for none (no salesperson) or a value no import would store. */
    public static Set<DayOfWeek> ofStored(String stored) {
        if (stored == null) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        try {
            return parse(stored).days();
        } catch (IllegalArgumentException e) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
    }

    private static DayOfWeek day(String abbreviation) {
        return switch (abbreviation.strip()) {
            case "MON" -> DayOfWeek.MONDAY;
            case "TUE" -> DayOfWeek.TUESDAY;
            case "WED" -> DayOfWeek.WEDNESDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            case "FRI" -> DayOfWeek.FRIDAY;
            case "SAT" -> DayOfWeek.SATURDAY;
            case "SUN" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException("'" + abbreviation.strip() + "' is not a day (MON … SUN)");
        };
    }

    public boolean includes(DayOfWeek day) {
        return days.contains(day);
    }

    /** A canonical spelling, Monday first: {@code MON,TUE,WED,THU,FRI}. */
    public String text() {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }
}
