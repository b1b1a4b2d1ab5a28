package org.rapport.problems;

import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** {@code POST /api/problems/{externalId}/resolve}; {@code resolved_at} defaults to now. */
public record ResolveRequest(OffsetDateTime resolvedAt, @Size(max = 4000) String resolution) {
}
