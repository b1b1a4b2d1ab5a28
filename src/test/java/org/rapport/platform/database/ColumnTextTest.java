package org.rapport.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnTextTest {

    @Test
    void textThatFitsIsLeftAsItIs() {
        assertThat(ColumnText.fitted("Acme needs logistics", 20)).isEqualTo("Acme needs logistics");
    }

    @Test
    void longerTextKeepsItsStartAndEndsInAnEllipsisWithinTheWidth() {
        assertThat(ColumnText.fitted("Acme needs logistics", 10)).isEqualTo("Acme need…").hasSize(10);
    }

    @Test
    void theWidthCountsCodePointsAndNeverCutsAPairInTwo() {
        String text = "𝔸".repeat(6); // six code points, twelve chars
        assertThat(ColumnText.fitted(text, 6)).isEqualTo(text);
        String fitted = ColumnText.fitted(text, 4);
        assertThat(fitted).isEqualTo("𝔸𝔸𝔸…");
        assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(4);
    }

    @Test
    void aWidthBelowOneIsRefused() {
        assertThatThrownBy(() -> ColumnText.fitted("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
