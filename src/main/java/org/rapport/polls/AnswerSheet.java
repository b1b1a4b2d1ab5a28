package org.rapport.polls;

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

    /** What is wrong with one answer; the page says it in the customer's language. */
    public enum Flaw { OUT_OF_RANGE, NOT_OFFERED, TOO_LONG, NOTHING_ANSWERED }

    private AnswerSheet() {
    }

    /** The answers, one per question answered, or {@link InvalidAnswers} naming each field at fault. */
    public static List<Answer> read(Poll poll, Map<String, String> form) {
        List<Answer> answers = new ArrayList<>();
        Map<String, Flaw> errors = new java.util.LinkedHashMap<>();
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
                        errors.put(field, Flaw.OUT_OF_RANGE);
                    } else {
                        answers.add(new Answer(q.position, score, null, null));
                    }
                }
                case CHOICE -> {
                    if (!q.labels().contains(given)) {
                        errors.put(field, Flaw.NOT_OFFERED);
                    } else {
                        answers.add(new Answer(q.position, null, given, null));
                    }
                }
                case TEXT -> {
                    if (given.codePointCount(0, given.length()) > MAX_TEXT) {
                        errors.put(field, Flaw.TOO_LONG);
                    } else {
                        answers.add(new Answer(q.position, null, null, given));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(poll, errors);
        }
        if (answers.isEmpty()) {
            throw new InvalidAnswers(poll, Map.of(field(poll.questions.get(0).position), Flaw.NOTHING_ANSWERED));
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
