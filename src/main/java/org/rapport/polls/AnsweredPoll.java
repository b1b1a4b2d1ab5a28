package org.rapport.polls;

import java.time.Instant;
import java.util.List;

/**
 * What a customer answered to one poll, as their page and history show it: the poll, when they last answered, and each
 * answer with its question (a reply's free text has none).
 */
public record AnsweredPoll(long poll, String title, Instant answeredAt, List<Line> answers) {

    /** @param question the question in English, or null for a reply's text; {@code said}: the score, choice or text */
    public record Line(String question, String said, String via) {
    }
}
