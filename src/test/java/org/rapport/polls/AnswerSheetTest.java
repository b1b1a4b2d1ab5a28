package org.rapport.polls;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerSheetTest {

    static Poll poll() {
        Poll poll = new Poll();
        poll.id = 7;
        poll.title = "Service";
        poll.startsOn = LocalDate.of(2026, 12, 1);
        poll.endsOn = LocalDate.of(2026, 12, 14);
        poll.status = PollStatus.SENT;
        poll.questions = List.of(question(1, QuestionKind.SCALE_5, "How happy are you?", null),
                question(2, QuestionKind.CHOICE, "What matters most?", List.of("Price", "Speed")),
                question(3, QuestionKind.TEXT, "Anything else?", null));
        return poll;
    }

    static PollQuestion question(int position, QuestionKind kind, String text, List<String> labels) {
        PollQuestion q = new PollQuestion();
        q.position = position;
        q.kind = kind;
        q.textEn = text;
        q.textDe = text + " (de)";
        q.choices = PollQuestion.choicesJson(labels);
        return q;
    }

    @Test
    void readsOneAnswerPerQuestionAnsweredAndSkipsBlankOnes() {
        assertThat(AnswerSheet.read(poll(), Map.of("q1", " 4 ", "q2", "Speed", "q3", "  ")))
                .containsExactly(new Answer(1, 4, null, null), new Answer(2, null, "Speed", null));
        assertThat(AnswerSheet.read(poll(), Map.of("q3", "More calls")))
                .containsExactly(new Answer(3, null, null, "More calls"));
    }

    @Test
    void namesEachFieldAtFault() {
        assertThatThrownBy(() -> AnswerSheet.read(poll(), Map.of("q1", "6", "q2", "Quality", "q3", "x".repeat(2001))))
                .isInstanceOf(InvalidAnswers.class)
                .satisfies(e -> assertThat(((InvalidAnswers) e).errors()).extracting(f -> f.field() + ": " + f.reason())
                        .containsExactly("q1: choose a number from 1 to 5", "q2: choose one of the offered answers",
                                "q3: at most 2000 characters"))
                .satisfies(e -> assertThat(((InvalidAnswers) e).flaws()).containsEntry("q1", AnswerSheet.Flaw.OUT_OF_RANGE)
                        .containsEntry("q2", AnswerSheet.Flaw.NOT_OFFERED).containsEntry("q3", AnswerSheet.Flaw.TOO_LONG));
        assertThatThrownBy(() -> AnswerSheet.read(poll(), Map.of("q1", "four"))).isInstanceOf(InvalidAnswers.class)
                .hasMessageContaining("q1: choose a number from 1 to 5");
        assertThatThrownBy(() -> AnswerSheet.read(poll(), Map.of())).isInstanceOf(InvalidAnswers.class)
                .hasMessageContaining("q1: answer at least one question");
        assertThat(AnswerSheet.read(poll(), Map.of("q3", "ü".repeat(2000)))).as("characters, not bytes").hasSize(1);
    }

    @Test
    void aLowScoreOrARequestToBeCalledGivesTheReason() {
        Poll poll = poll();
        assertThat(CallReason.of(poll, List.of(new Answer(1, 3, null, null), new Answer(3, null, null, "fine")))).isEmpty();
        assertThat(CallReason.of(poll, List.of(new Answer(1, 2, null, null), new Answer(2, null, "Price", null))))
                .hasValue("Poll \"Service\": How happy are you? 2 of 5");
        assertThat(CallReason.of(poll, List.of(new Answer(1, 5, null, null), new Answer(3, null, null, "Please call me"))))
                .hasValue("Poll \"Service\": Anything else? \"Please call me\"");
        assertThat(CallReason.of(poll, List.of(new Answer(0, null, null, "Bitte rufen Sie mich an "))))
                .hasValue("Poll \"Service\": replied \"Bitte rufen Sie mich an\"");
    }

    @Test
    void aPollTakesAnswersUntilItsLastDay() {
        Poll poll = poll();
        assertThat(poll.openOn(LocalDate.of(2026, 12, 14))).isTrue();
        assertThat(poll.openOn(LocalDate.of(2026, 12, 15))).isFalse();
        poll.status = PollStatus.CLOSED;
        assertThat(poll.openOn(LocalDate.of(2026, 12, 2))).isFalse();
        assertThat(poll().question(2).labels()).containsExactly("Price", "Speed");
        assertThat(poll().question(2).text(true)).isEqualTo("What matters most? (de)");
    }
}
