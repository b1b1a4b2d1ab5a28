package org.rapport.touches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** {@code POST /api/touches}: log a call, visit or note; {@code occurred_at} defaults to now. */
public record TouchRequest(
        @NotBlank @Size(max = 64) String customer,
        @NotNull TouchKind kind,
        @NotNull TouchKind.Outcome outcome,
        OffsetDateTime occurredAt,
        @Size(max = 4000) String note) {
}
