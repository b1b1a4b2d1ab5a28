package org.rapport.calllists;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/call-lists/items/{id}/reschedule}: an escalated call comes back on its holder's list on a date. */
public class EscalationRescheduleRequest {

    /** Today (the customer's) or later. */
    @NotNull public LocalDate rescheduleTo;

    @Size(max = 1000) public String note;
}
