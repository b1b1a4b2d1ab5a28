package org.rapport.touches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** {@code POST /api/touches}: log a call, visit or note; {@code occurred_at} defaults to now. */
// A class with fields, not a record: Payara\'s OpenAPI scanner fails on constraints on record components.
public class TouchRequest {

    @NotBlank @Size(max = 64) public String customer;

    @NotNull public TouchKind kind;

    @NotNull public TouchKind.Outcome outcome;

    public OffsetDateTime occurredAt;

    @Size(max = 4000) public String note;

}
