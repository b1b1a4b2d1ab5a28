package org.rapport.team;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** One out-of-office period in {@code PUT /api/salespeople/{externalId}/absences}. */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class AbsenceRequest {

    @NotNull public LocalDate startsOn;

    @NotNull public LocalDate endsOn;

    @Size(max = 500) public String note;
}
