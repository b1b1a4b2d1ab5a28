package org.rapport.netweaving;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/rewards/{id}/fulfil}: what was given; the description is what the customer's notice names. */
public class FulfilRequest {

    @NotNull public Given given;

    @NotBlank @Size(max = 200) public String description;
}
