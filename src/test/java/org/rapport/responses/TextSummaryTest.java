package org.rapport.responses;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextSummaryTest {

    /** The column counts characters (code points, utf8mb4), not UTF-16 units: a reply in emoji keeps all it may. */
    @Test
    void aLongSummaryKeepsAsManyCharactersAsTheColumnHoldsWithoutCuttingAPair() {
        String emoji = "\uD83D\uDE00".repeat(TextSummary.MAX_CHARS + 100);

        String summary = TextSummary.shorten(emoji);

        assertThat(summary.codePointCount(0, summary.length())).isEqualTo(TextSummary.MAX_CHARS);
        assertThat(summary).endsWith("\uD83D\uDE00…");
    }

    @Test
    void aShortSummaryIsKeptWhole() {
        assertThat(TextSummary.shorten("Thanks, see you Monday")).isEqualTo("Thanks, see you Monday");
    }
}
