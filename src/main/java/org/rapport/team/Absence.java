package org.rapport.team;

import java.time.LocalDate;

/** A period a salesperson is out of the office, both days included; their calls go to their backup or wait. */
public record Absence(LocalDate startsOn, LocalDate endsOn, String note) {
}
