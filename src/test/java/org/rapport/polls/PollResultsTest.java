package org.rapport.polls;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The distribution per question and the response rate, from grouped answer rows. */
class PollResultsTest {

    private static final List<PollResults.Question> QUESTIONS = List.of(
            new PollResults.Question(1, QuestionKind.SCALE_5, "How satisfied are you?", null),
            new PollResults.Question(2, QuestionKind.CHOICE, "What matters most?", List.of("Price", "Speed", "Advice")),
            new PollResults.Question(3, QuestionKind.TEXT, "What should we do better?", null));

    @Test
    void aScaleShowsEveryScoreEvenUnansweredItsMeanAndN() {
        PollResults results = PollResults.of(7, "Service", null, QUESTIONS, List.of(
                new PollResults.Count(1, 5, null, 3), new PollResults.Count(1, 2, null, 1)), Map.of(), 10, 4);

        PollResults.QuestionResults scale = results.questions().get(0);
        assertThat(scale.answers()).isEqualTo(4);
        assertThat(scale.mean()).isEqualTo(4.25);
        assertThat(scale.distribution()).extracting(PollResults.Share::value, PollResults.Share::answers, PollResults.Share::share)
                .containsExactly(tuple("1", 0, 0.0), tuple("2", 1, 0.25), tuple("3", 0, 0.0), tuple("4", 0, 0.0),
                        tuple("5", 3, 0.75));
        assertThat(results.recipients()).isEqualTo(10);
        assertThat(results.answered()).isEqualTo(4);
        assertThat(results.responseRate()).isEqualTo(0.4);
    }

    @Test
    void aScaleOfTenStartsAtZero() {
        PollResults results = PollResults.of(7, "NPS", null, List.of(new PollResults.Question(1, QuestionKind.SCALE_10, "Recommend?", null)),
                List.of(new PollResults.Count(1, 0, null, 1), new PollResults.Count(1, 10, null, 2)), Map.of(), 3, 3);

        PollResults.QuestionResults scale = results.questions().get(0);
        assertThat(scale.distribution()).hasSize(11);
        assertThat(scale.distribution().get(0)).isEqualTo(new PollResults.Share("0", 1, 0.333));
        assertThat(scale.distribution().get(10)).isEqualTo(new PollResults.Share("10", 2, 0.667));
        assertThat(scale.mean()).isEqualTo(6.67);
        assertThat(results.responseRate()).isEqualTo(1.0);
    }

    @Test
    void aChoiceShowsTheLabelsInTheirOrderWithoutAMean() {
        PollResults results = PollResults.of(7, "Service", null, QUESTIONS, List.of(
                new PollResults.Count(2, null, "Advice", 2), new PollResults.Count(2, null, "Price", 1)), Map.of(), 5, 3);

        PollResults.QuestionResults choice = results.questions().get(1);
        assertThat(choice.distribution()).extracting(PollResults.Share::value, PollResults.Share::answers)
                .containsExactly(tuple("Price", 1), tuple("Speed", 0), tuple("Advice", 2));
        assertThat(choice.mean()).isNull();
        assertThat(choice.answers()).isEqualTo(3);
    }

    @Test
    void freeTextAndRepliesAreGroupedByTheme() {
        PollResults results = PollResults.of(7, "Service", null, QUESTIONS, List.of(), Map.of(
                3, List.of("Faster delivery", "delivery on time please", "cheaper"),
                PollResults.REPLY, List.of("Please call me about the invoice", "The invoice is wrong, call me")), 5, 5);

        PollResults.QuestionResults text = results.questions().get(2);
        assertThat(text.answers()).isEqualTo(3);
        assertThat(text.distribution()).isEmpty();
        assertThat(text.freeText().themes()).extracting(Themes.Theme::label, Themes.Theme::answers).containsExactly(tuple("delivery", 2));
        assertThat(text.freeText().other()).isEqualTo(1);
        assertThat(results.replies().answers()).isEqualTo(2);
        assertThat(results.replies().themes()).extracting(Themes.Theme::label).containsExactly("call");
    }

    @Test
    void noRecipientsIsNoRateAndNoAnswersNoMean() {
        PollResults results = PollResults.of(7, "Service", null, QUESTIONS, List.of(), Map.of(), 0, 0);

        assertThat(results.responseRate()).isNull();
        assertThat(results.questions().get(0).mean()).isNull();
        assertThat(results.questions().get(0).distribution()).allSatisfy(s -> assertThat(s.share()).isNull());
        assertThat(results.replies().answers()).isZero();
    }
}
