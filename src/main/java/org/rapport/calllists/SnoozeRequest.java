package org.rapport.calllists;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/call-lists/items/{id}/snooze}. */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class SnoozeRequest {

    /** The day the call comes back: after today, at most two weeks ahead ({@link Snooze}). */
    @NotNull public LocalDate until;

    @Size(max = 1000) public String note;
}
