package org.rapport.polls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A poll's results as the caller may see them: per question the distribution of the answers (every score of the scale
 * and every choice, answered or not, with the mean of a scale) or the free text grouped by theme; the free text of the
 * replies to the poll email; and the response rate, recipients who answered over recipients.
 *
 * @param team    the team the results were narrowed to ({@code team=}), or null
 * @param replies the free text of replies to the poll's email (answers at position 0), grouped by theme
 */
public record PollResults(long poll, String title, String team, int recipients, int answered, Double responseRate,
                          List<QuestionResults> questions, Themes.Grouping replies) {

    /** A question's results. Scales and choices have a distribution and (scales) a mean; free text has themes. */
    public record QuestionResults(int position, QuestionKind kind, String text, int answers, Double mean, List<Share> distribution,
                                  Themes.Grouping freeText) {
    }

    /** How many answers gave this score or choice, and their share of the question's answers. */
    public record Share(String value, int answers, Double share) {
    }

    /** A question as defined: {@code choices} the labels of a CHOICE, in their order. */
    public record Question(int position, QuestionKind kind, String text, List<String> choices) {

        /** The question as defined, in English (the results are read by the team, not the customer). */
        static Question of(PollQuestion q) {
            return new Question(q.position, q.kind, q.textEn, q.labels());
        }
    }

    /** How many answers to the question at {@code position} gave this score or this choice (one grouped row). */
    public record Count(int position, Integer score, String choice, int answers) {
    }

    /** The position of a reply's free text, tied to no question. */
    public static final int REPLY = 0;

    /**
     * The results from the questions, the grouped counts of scores and choices, the free texts by position (in the order
     * they were answered; position 0 the replies) and the recipients.
     */
    public static PollResults of(long poll, String title, String team, List<Question> questions, List<Count> counts,
                                 Map<Integer, List<String>> texts, int recipients, int answered) {
        List<QuestionResults> results = new ArrayList<>();
        for (Question q : questions) {
            List<Count> mine = counts.stream().filter(c -> c.position() == q.position()).toList();
            results.add(switch (q.kind()) {
                case TEXT -> {
                    List<String> written = texts.getOrDefault(q.position(), List.of());
                    Themes.Grouping themes = Themes.of(written);
                    yield new QuestionResults(q.position(), q.kind(), q.text(), themes.answers(), null, List.of(), themes);
                }
                case CHOICE -> distribution(q, mine, q.choices(), null);
                case SCALE_5, SCALE_10 -> distribution(q, mine, scale(q.kind()), mean(mine));
            });
        }
        return new PollResults(poll, title, team, recipients, answered, rate(answered, recipients), List.copyOf(results),
                Themes.of(texts.getOrDefault(REPLY, List.of())));
    }

    /** The scores a scale offers, lowest first. */
    static List<String> scale(QuestionKind kind) {
        List<String> scores = new ArrayList<>();
        for (int s = kind.min(); s <= kind.max(); s++) {
            scores.add(Integer.toString(s));
        }
        return scores;
    }

    /** Every offered value with its count, zero when nobody chose it; a value answered but not offered comes after. */
    private static QuestionResults distribution(Question q, List<Count> counts, List<String> offered, Double mean) {
        Map<String, Integer> byValue = new LinkedHashMap<>();
        (offered == null ? List.<String>of() : offered).forEach(v -> byValue.put(v, 0));
        for (Count c : counts) {
            String value = c.score() != null ? c.score().toString() : c.choice();
            if (value != null) {
                byValue.merge(value, c.answers(), Integer::sum);
            }
        }
        int n = byValue.values().stream().mapToInt(Integer::intValue).sum();
        List<Share> shares = byValue.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue(), rate(e.getValue(), n))).toList();
        return new QuestionResults(q.position(), q.kind(), q.text(), n, mean, shares, null);
    }

    private static Double mean(List<Count> counts) {
        long n = 0;
        long sum = 0;
        for (Count c : counts) {
            if (c.score() != null) {
                n += c.answers();
                sum += (long) c.score() * c.answers();
            }
        }
        return n == 0 ? null : Math.round(100.0 * sum / n) / 100.0;
    }

    /** A share to three decimals; none of nothing. */
    static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
