package org.rapport.problems;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** {@code POST /api/problems}: the problem CSV columns as JSON. */
public record ProblemRequest(
        @NotBlank @Size(max = 64) String externalId,
        @NotBlank @Size(max = 64) String customer,
        @NotNull OffsetDateTime openedAt,
        OffsetDateTime resolvedAt,
        Severity severity,
        @Size(max = 64) String category,
        @NotBlank @Size(max = 1000) String summary,
        @Size(max = 4000) String resolution) {

    Problem toProblem() {
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw org.rapport.platform.web.ApiException.badRequest("resolved_at: " + resolvedAt + " is before opened_at " + openedAt + ".");
        }
        return new Problem(externalId.strip(), customer.strip(), openedAt.toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(), severity == null ? Severity.MEDIUM : severity, category,
                summary.strip(), resolution);
    }
}
