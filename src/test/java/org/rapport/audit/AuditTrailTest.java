package org.rapport.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest {

    @Test
    void aNameTriedIsCutToTheColumnWithoutSplittingACharacter() {
        assertThat(AuditTrail.cut("anna")).isEqualTo("anna");
        assertThat(AuditTrail.cut("x".repeat(70))).hasSize(AuditTrail.ACTOR_NAME_LENGTH);
        assertThat(AuditTrail.cut("x".repeat(63) + "\uD83D\uDE00yz")).isEqualTo("x".repeat(63));
    }
}
