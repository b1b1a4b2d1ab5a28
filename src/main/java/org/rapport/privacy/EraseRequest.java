package org.rapport.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin erases a customer (the customer's request, a retention rule): kept with the erasure. */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class EraseRequest {
    @NotBlank(message = "the reason for the erasure is required") @Size(max = 500) public String reason;
}
