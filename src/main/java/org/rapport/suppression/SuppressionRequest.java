package org.rapport.suppression;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/suppression} and {@code …/check}: one address, in the body so that it stays out of access logs. */
public class SuppressionRequest {

    @NotBlank @Email @Size(max = 320) public String email;
}
