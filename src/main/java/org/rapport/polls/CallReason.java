package org.rapport.polls;

import java.util.List;
import java.util.Optional;

/**
 * Why a poll answer needs a call, in the words the salesperson reads on their list: the poll, and each answer that
 * asks for it (a low score with its scale, or the customer's text), or empty when none does.
 */
final class CallReason {

    private CallReason() {
    }

    static Optional<String> of(Poll poll, List<Answer> answers) {
        List<String> asking = answers.stream().filter(a -> a.asksForContact(kindOf(poll, a))).map(a -> said(poll, a)).toList();
        if (asking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Poll \"" + poll.title + "\": " + String.join("; ", asking));
    }

    private static QuestionKind kindOf(Poll poll, Answer answer) {
        PollQuestion q = poll.question(answer.position());
        return q == null ? null : q.kind;
    }

    private static String said(Poll poll, Answer answer) {
        PollQuestion q = poll.question(answer.position());
        if (q == null) {
            return "replied \"" + answer.text().strip() + "\"";
        }
        if (answer.score() != null) {
            return q.textEn + " " + answer.score() + " of " + q.kind.max();
        }
        return q.textEn + " \"" + answer.said().strip() + "\"";
    }
}
