package org.rapport.netweaving;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/rewards/{id}/reject}: why. */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class RejectRequest {

    @NotBlank @Size(max = 1000) public String reason;
}
