package org.rapport.calllists;

import jakarta.validation.constraints.Size;

/** {@code POST /api/call-lists/items/{id}/hand-back}: {@code {}} or with a note. */
public class HandBackRequest {

    @Size(max = 1000) public String note;
}
