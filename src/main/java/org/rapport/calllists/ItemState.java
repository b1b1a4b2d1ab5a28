package org.rapport.calllists;

import java.time.LocalDate;

/** A call-list item after an outcome: OPEN (comes back on {@code notBeforeOn}), DONE, or ESCALATED to the manager. */
public record ItemState(long id, String status, String outcome, int tries, LocalDate notBeforeOn) {
}
