package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InDoubtTest {

    @Test
    void theLinesTheDispatcherWritesNameTheMessagesInDoubt() {
        List<String> log = List.of(
                "[2026-12-04T19:49:02.085+0000] [] [WARNING] [] [org.rapport.outbox.Dispatcher] [[",
                "  " + InDoubt.acceptedButLost(748),
                "org.apache.ibatis.exceptions.PersistenceException: ",
                "[2026-12-04T19:49:30.001+0000] [] [WARNING] [] [org.rapport.outbox.DispatchStore] " + InDoubt.sentAgain(List.of(3L, 40L, 512L)),
                "Outbox message 9 was sent");

        assertThat(InDoubt.in(log)).containsExactlyInAnyOrder(748L, 3L, 40L, 512L);
    }

    @Test
    void aLogWithoutThemNamesNone() {
        assertThat(InDoubt.in(List.of("Outbox dispatch stopped; claimed messages return when their lease runs out"))).isEmpty();
    }
}
