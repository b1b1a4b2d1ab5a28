package org.rapport.polls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollStatusTest {

    @Test
    void aScheduledPollIsSentOrClosedAndClosedIsFinal() {
        assertThat(PollStatus.SCHEDULED.next()).containsExactlyInAnyOrder(PollStatus.SENT, PollStatus.CLOSED);
        assertThat(PollStatus.SENT.mayBecome(PollStatus.CLOSED)).isTrue();
        assertThat(PollStatus.SENT.mayBecome(PollStatus.SCHEDULED)).as("never sent again").isFalse();
        assertThat(PollStatus.SENT.mayBecome(PollStatus.SENT)).isFalse();
        assertThat(PollStatus.CLOSED.next()).isEmpty();
    }
}
