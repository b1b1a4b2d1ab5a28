package org.rapport.calllists;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/call-lists/items/{id}/close}: a manager closes an escalated call and says why. */
public class CloseRequest {

    @NotBlank @Size(max = 1000) public String note;
}
