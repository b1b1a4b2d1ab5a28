package org.rapport.polls;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON unless the caller prefers CSV by name: the accepted types come most preferred first. */
class PollResultsResourceTest {

    @Test
    void csvOnlyWhenItComesBeforeJsonAndAnyType() {
        assertThat(PollResultsResource.csvPreferred(List.of())).as("no Accept").isFalse();
        assertThat(PollResultsResource.csvPreferred(types("*/*"))).isFalse();
        assertThat(PollResultsResource.csvPreferred(types("text/csv"))).isTrue();
        assertThat(PollResultsResource.csvPreferred(types("text/*", "application/json"))).isTrue();
        assertThat(PollResultsResource.csvPreferred(types("text/csv", "application/json"))).isTrue();
        assertThat(PollResultsResource.csvPreferred(types("application/json", "text/csv"))).isFalse();
        assertThat(PollResultsResource.csvPreferred(types("application/*", "text/csv"))).isFalse();
        assertThat(PollResultsResource.csvPreferred(types("text/html", "text/csv"))).as("a type naming neither is passed over").isTrue();
    }

    private static List<MediaType> types(String... types) {
        return java.util.Arrays.stream(types).map(MediaType::valueOf).toList();
    }
}
