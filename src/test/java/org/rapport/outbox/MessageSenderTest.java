package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSenderTest {

    @Test
    void aMessageShownToStaffHasTheCustomersLinksOnlyByName() {
        Map<String, Object> links = Map.of(
                "unsubscribe", "https://rapport.example/u/SECRET",
                "ratings", List.of(Map.of("score", "1", "url", "https://rapport.example/r/ONE"),
                        Map.of("score", "2", "url", "https://rapport.example/r/TWO")));

        Map<String, Object> inert = MessageSender.inert(links);

        assertThat(inert).containsEntry("unsubscribe", "#unsubscribe")
                .containsEntry("ratings", List.of(Map.of("score", "1", "url", "#ratings-1"), Map.of("score", "2", "url", "#ratings-2")));
        assertThat(inert.toString()).doesNotContain("SECRET", "ONE", "TWO");
    }

    @Test
    void noLinksStayNoLinks() {
        assertThat(MessageSender.inert(null)).isEmpty();
        assertThat(MessageSender.inert(Map.of())).isEmpty();
    }
}
