package org.rapport.polls;

import java.util.Optional;

/**
 * What a poll question asks for: a score on a 1–5 or 0–10 scale, one of the poll's labels, or free text. The range of a
 * scale and what counts as a low score (one that puts a call on the owner's list) are defined here only.
 */
public enum QuestionKind {
    SCALE_5(1, 5, 2), SCALE_10(0, 10, 6), CHOICE, TEXT;

    private final Integer min;
    private final Integer max;
    private final Integer lowAtMost;

    QuestionKind() {
        this(null, null, null);
    }

    QuestionKind(Integer min, Integer max, Integer lowAtMost) {
        this.min = min;
        this.max = max;
        this.lowAtMost = lowAtMost;
    }

    public boolean scale() {
        return min != null;
    }

    public int min() {
        return requireScale(min);
    }

    public int max() {
        return requireScale(max);
    }

    /** Whether a score of this scale is in its range. */
    public boolean inRange(int score) {
        return score >= min() && score <= max();
    }

    /** A low score: 1–2 of 5, 0–6 of 10 (the detractors of a net promoter score). Never for a choice or text. */
    public boolean low(int score) {
        return scale() && score <= lowAtMost;
    }

    /** Parses a kind as written in the API ({@code scale_5}, {@code SCALE-5}), or empty. */
    public static Optional<QuestionKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private int requireScale(Integer value) {
        if (value == null) {
            throw new IllegalStateException(this + " is no scale");
        }
        return value;
    }
}
