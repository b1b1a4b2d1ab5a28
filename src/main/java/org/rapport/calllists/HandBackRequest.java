package org.rapport.calllists;

import jakarta.validation.constraints.Size;

/** {@code POST /api/call-lists/items/{id}/hand-back}: the body is optional. */
public class HandBackRequest {

    @Size(max = 1000) public String note;
}
