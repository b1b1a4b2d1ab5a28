package org.rapport.polls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionKindTest {

    @Test
    void lowIsTwoOrLessOfFiveAndSixOrLessOfTen() {
        assertThat(QuestionKind.SCALE_5.low(1)).isTrue();
        assertThat(QuestionKind.SCALE_5.low(2)).isTrue();
        assertThat(QuestionKind.SCALE_5.low(3)).isFalse();
        assertThat(QuestionKind.SCALE_10.low(0)).isTrue();
        assertThat(QuestionKind.SCALE_10.low(6)).isTrue();
        assertThat(QuestionKind.SCALE_10.low(7)).isFalse();
        assertThat(QuestionKind.CHOICE.low(1)).as("a choice has no score").isFalse();
        assertThat(QuestionKind.TEXT.low(0)).isFalse();
    }

    @Test
    void scalesHaveTheirRanges() {
        assertThat(QuestionKind.SCALE_5.inRange(0)).isFalse();
        assertThat(QuestionKind.SCALE_5.inRange(5)).isTrue();
        assertThat(QuestionKind.SCALE_5.inRange(6)).isFalse();
        assertThat(QuestionKind.SCALE_10.inRange(0)).isTrue();
        assertThat(QuestionKind.SCALE_10.inRange(11)).isFalse();
        assertThatThrownBy(QuestionKind.TEXT::max).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesAsWrittenInTheApi() {
        assertThat(QuestionKind.parse("scale-5")).hasValue(QuestionKind.SCALE_5);
        assertThat(QuestionKind.parse(" choice ")).hasValue(QuestionKind.CHOICE);
        assertThat(QuestionKind.parse("stars")).isEmpty();
        assertThat(QuestionKind.parse(null)).isEmpty();
    }
}
