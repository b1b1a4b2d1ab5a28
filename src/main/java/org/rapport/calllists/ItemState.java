package org.rapport.calllists;

import java.time.LocalDate;

/**
 * A call-list item after an outcome or a manager's decision: OPEN (comes back on {@code notBeforeOn}), DONE, or
 * ESCALATED to the manager; {@code heldBy} is the salesperson whose list it is on.
 */
public record ItemState(long id, String status, String outcome, int tries, LocalDate notBeforeOn, String heldBy) {
}
