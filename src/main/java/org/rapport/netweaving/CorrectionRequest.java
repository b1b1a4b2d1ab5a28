package org.rapport.netweaving;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * {@code POST /api/rewards/{id}/corrections}: a signed change of the reward's value in its currency, a note on what was
 * given, or both; and why (required). {@link Correction} checks how they go together.
 */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class CorrectionRequest {

    /** The signed change of the value, such as {@code -10.00}. */
    public BigDecimal amount;

    /** An ISO 4217 code, checked by {@link Correction} after stripping (so " eur " is EUR); the size only bounds it. */
    @Size(max = 16) public String currency;

    /** What was given, as corrected. */
    @Size(max = 500) public String note;

    @NotBlank @Size(max = 1000) public String reason;
}
