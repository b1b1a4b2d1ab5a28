package org.rapport.touches;

import org.junit.jupiter.api.Test;
import org.rapport.touches.TouchKind.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class TouchKindTest {

    @Test
    void aCallThatReachedTheCustomerIsTwoWay() {
        assertThat(TouchKind.CALL.isTwoWay(Outcome.REACHED)).isTrue();
    }

    @Test
    void voicemailAndNoAnswerAreOneWay() {
        assertThat(TouchKind.CALL.isTwoWay(Outcome.VOICEMAIL)).isFalse();
        assertThat(TouchKind.CALL.isTwoWay(Outcome.NO_ANSWER)).isFalse();
    }

    @Test
    void visitsAndRepliesAreTwoWayAndSentEmailsAndNotesAreNot() {
        assertThat(TouchKind.VISIT.isTwoWay(Outcome.REACHED)).isTrue();
        assertThat(TouchKind.REPLY.isTwoWay(Outcome.REPLIED)).isTrue();
        assertThat(TouchKind.EMAIL.isTwoWay(Outcome.SENT)).isFalse();
        assertThat(TouchKind.NOTE.isTwoWay(Outcome.NOTED)).isFalse();
    }

    @Test
    void anOutcomeThatDoesNotFitTheKindIsNeitherAllowedNorTwoWay() {
        assertThat(TouchKind.VISIT.allows(Outcome.VOICEMAIL)).isFalse();
        assertThat(TouchKind.NOTE.isTwoWay(Outcome.REACHED)).isFalse();
    }
}
