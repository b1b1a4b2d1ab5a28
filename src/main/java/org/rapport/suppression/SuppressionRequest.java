package org.rapport.suppression;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/suppression} and {@code …/check}: one address, in the body so that it stays out of access logs; in
 * any case and with surrounding spaces, as the list ignores both.
 */
public class SuppressionRequest {

    @NotBlank @Size(max = 320) public String email;
}
