package org.rapport.calllists;

import jakarta.validation.constraints.Size;

/** {@code POST /api/call-lists/items/{id}/take}: a manager takes an escalated call, with an optional note. */
// Classes with fields, not records: Payara's OpenAPI scanner fails on constraints on record components.
public class DecisionRequest {

    @Size(max = 1000) public String note;
}
