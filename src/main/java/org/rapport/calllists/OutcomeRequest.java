package org.rapport.calllists;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/call-lists/items/{id}/outcome}. */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class OutcomeRequest {

    public enum Outcome { REACHED, VOICEMAIL, NO_ANSWER, RESCHEDULED, NOT_NEEDED }

    @NotNull public Outcome outcome;

    @Size(max = 1000) public String note;

    /** Required for RESCHEDULED: the date it comes back, today or later. */
    public LocalDate rescheduleTo;
}
