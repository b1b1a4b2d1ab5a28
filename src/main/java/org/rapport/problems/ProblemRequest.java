package org.rapport.problems;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rapport.platform.errors.InvalidInput;

import java.time.OffsetDateTime;

/** {@code POST /api/problems}: the problem CSV columns as JSON. */
// A class with fields, not a record: Payara\'s OpenAPI scanner fails on constraints on record components.
public class ProblemRequest {

    @NotBlank @Size(max = 64) public String externalId;

    @NotBlank @Size(max = 64) public String customer;

    @NotNull public OffsetDateTime openedAt;

    public OffsetDateTime resolvedAt;

    public Severity severity;

    @Size(max = 64) public String category;

    @NotBlank @Size(max = 1000) public String summary;

    @Size(max = 4000) public String resolution;

    Problem toProblem() {
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw new InvalidInput("resolved_at: " + resolvedAt + " is before opened_at " + openedAt + ".");
        }
        return new Problem(externalId.strip(), customer.strip(), openedAt.toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(), severity == null ? Severity.MEDIUM : severity, category,
                summary.strip(), resolution);
    }
}
