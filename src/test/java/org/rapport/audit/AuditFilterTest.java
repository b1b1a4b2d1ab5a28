package org.rapport.audit;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.InvalidInput;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTest {

    @Test
    void nothingGivenReadsTheNewestHundred() {
        AuditFilter filter = AuditFilter.parse(null, null, null, null, null, null);

        assertThat(filter).isEqualTo(new AuditFilter(null, null, null, null, null, AuditFilter.DEFAULT_LIMIT));
    }

    @Test
    void aDateFromStartsAtItsMidnightAndADateToIncludesItsWholeDay() {
        AuditFilter filter = AuditFilter.parse(" anna ", "login_failed", "2026-12-01", "2026-12-05", "42", "10");

        assertThat(filter.actor()).isEqualTo("anna");
        assertThat(filter.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(filter.before()).isEqualTo(42L);
        assertThat(filter.limit()).isEqualTo(10);
    }

    @Test
    void aMomentKeepsItsOffset() {
        AuditFilter filter = AuditFilter.parse(null, null, "2026-12-05T10:00:00+01:00", "2026-12-05T10:00:01Z", null, null);

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-12-05T10:00:01Z"));
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        assertThatThrownBy(() -> AuditFilter.parse(null, "LOGGED_IN", null, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("kind: must be one of").hasMessageContaining("LOGIN_FAILED");
    }

    @Test
    void aBadDateIsRefusedByName() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "yesterday", null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("from: 'yesterday' is neither a date");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "2026-13-01", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("to: '2026-13-01' is neither a date");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "2026-12-05T10:00:00", null, null, null))
                .as("a moment without its offset is ambiguous").isInstanceOf(InvalidInput.class).hasMessageStartingWith("from:");
    }

    @Test
    void fromAfterToIsRefused() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "2026-12-06", "2026-12-05", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("to: must be after from");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "2026-12-05T00:00:00Z", "2026-12-05T00:00:00Z", null, null))
                .as("an empty range").isInstanceOf(InvalidInput.class).hasMessageStartingWith("to: must be after from");
    }

    @Test
    void aBadCursorLimitOrActorIsRefusedByName() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, "abc", null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, "0", null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("cursor:");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, "5000"))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> AuditFilter.parse("x".repeat(65), null, null, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("actor:");
    }
}
