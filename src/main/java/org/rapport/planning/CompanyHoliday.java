package org.rapport.planning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A day the whole company does not work ({@code GET/PUT /api/holidays}). */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class CompanyHoliday {

    @NotNull public LocalDate date;

    @NotBlank @Size(max = 200) public String name;

    public CompanyHoliday() {
    }

    public CompanyHoliday(LocalDate date, String name) {
        this.date = date;
        this.name = name;
    }
}
