package org.rapport.polls;

import org.rapport.platform.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers a customer posts on a poll's page, checked against its questions: field {@code q1}..{@code q3}, a score
 * in the scale's range, a choice among the poll's labels, text of at most {@value #MAX_TEXT} characters. A question left
 * blank is not answered; at least one must be.
 */
public final class AnswerSheet {

    public static final int MAX_TEXT = 2000;

    private AnswerSheet() {
    }

    /** The answers, one per question answered, or {@link InvalidAnswers} naming each field at fault. */
    public static List<Answer> read(Poll poll, Map<String, String> form) {
        List<Answer> answers = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (PollQuestion q : poll.questions) {
            String field = field(q.position);
            String value = form.get(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            String given = value.strip();
            switch (q.kind) {
                case SCALE_5, SCALE_10 -> {
                    Integer score = score(given);
                    if (score == null || !q.kind.inRange(score)) {
                        errors.add(new FieldError(field, "choose a number from " + q.kind.min() + " to " + q.kind.max()));
                    } else {
                        answers.add(new Answer(q.position, score, null, null));
                    }
                }
                case CHOICE -> {
                    if (!q.labels().contains(given)) {
                        errors.add(new FieldError(field, "choose one of the offered answers"));
                    } else {
                        answers.add(new Answer(q.position, null, given, null));
                    }
                }
                case TEXT -> {
                    if (given.codePointCount(0, given.length()) > MAX_TEXT) {
                        errors.add(new FieldError(field, "at most " + MAX_TEXT + " characters"));
                    } else {
                        answers.add(new Answer(q.position, null, null, given));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        if (answers.isEmpty()) {
            throw new InvalidAnswers(List.of(new FieldError(field(poll.questions.get(0).position), "answer at least one question")));
        }
        return answers;
    }

    /** The form field of the question at {@code position}. */
    public static String field(int position) {
        return "q" + position;
    }

    private static Integer score(String text) {
        if (!text.matches("-?\\d{1,3}")) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
