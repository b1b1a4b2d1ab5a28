package org.rapport.problems;

import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** {@code POST /api/problems/{externalId}/resolve}; {@code resolved_at} defaults to now. */
// A class with fields, not a record: Payara\'s OpenAPI scanner fails on constraints on record components.
public class ResolveRequest {

    public OffsetDateTime resolvedAt;

    @Size(max = 4000) public String resolution;

}
