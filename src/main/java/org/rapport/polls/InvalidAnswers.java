package org.rapport.polls;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;
import java.util.Map;

/** Answers that do not fit the poll's questions, each field named with why: the page shows them again, 400. */
public class InvalidAnswers extends InvalidInput {

    private final transient Map<String, AnswerSheet.Flaw> flaws;

    InvalidAnswers(Poll poll, Map<String, AnswerSheet.Flaw> flaws) {
        super("Invalid answers", flaws.entrySet().stream().map(f -> new FieldError(f.getKey(), reason(poll, f.getKey(), f.getValue()))).toList());
        this.flaws = Map.copyOf(flaws);
    }

    /** What is wrong, by form field ({@code q1}). */
    public Map<String, AnswerSheet.Flaw> flaws() {
        return flaws;
    }

    private static String reason(Poll poll, String field, AnswerSheet.Flaw flaw) {
        return switch (flaw) {
            case OUT_OF_RANGE -> {
                QuestionKind kind = poll.question(Integer.parseInt(field.substring(1))).kind;
                yield "choose a number from " + kind.min() + " to " + kind.max();
            }
            case NOT_OFFERED -> "choose one of the offered answers";
            case TOO_LONG -> "at most " + AnswerSheet.MAX_TEXT + " characters";
            case NOTHING_ANSWERED -> "answer at least one question";
        };
    }
}
